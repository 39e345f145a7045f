"""Settings: constructor arguments, then NEWSMON_* environment, then newsmon.toml, then defaults."""

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from newsmon.config_errors import (
    ENV_PREFIX,
    ConfigError,
    check_environment_names,
    describe_settings_error,
    describe_validation_error,
)

RULE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
TOPIC_PREFIX = re.compile(r"^[A-Za-z0-9._-]{0,100}$")
BROKER_ADDRESS = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(:(?P<port>\d{1,5}))?$")


class Section(BaseModel):
    """A config section; an unknown key is an error, so a typo never silently falls back to a default."""

    model_config = ConfigDict(extra="forbid")


class KafkaSettings(Section):
    bootstrap_servers: list[str] = Field(default_factory=list)  # empty: newsmon starts its embedded broker
    # What runs at bootstrap_servers: "tansu" applies the embedded broker's client settings (no idempotent
    # producer, ListOffsets work-arounds) to an external Tansu, as the tests' shared broker is.
    compat: Literal["kafka", "tansu"] = "kafka"
    topic_prefix: str = ""
    partitions: int = Field(4, ge=1, le=1024)
    embedded_port: int = Field(0, ge=0, le=65535)  # 0: pick a free loopback port
    session_timeout_ms: int = Field(10_000, ge=1_000)
    heartbeat_interval_ms: int = Field(3_000, ge=100)
    max_poll_interval_ms: int = Field(300_000, ge=10_000)
    max_records: int = Field(200, ge=1, le=10_000)
    max_record_bytes: int = Field(1_048_576, ge=1_024)
    # A consumer batch that failed this many times with an error that looks like an outage is tried record by record:
    # a record that still fails alone while the store answers is dead-lettered (consumers/runner.py).
    batch_attempts: int = Field(3, ge=1)
    retry_backoff_s: float = Field(0.5, gt=0)  # a failing batch's first wait; it doubles up to retry_backoff_max_s
    retry_backoff_max_s: float = Field(30.0, gt=0)

    @field_validator("bootstrap_servers")
    @classmethod
    def _host_and_port(cls, servers: list[str]) -> list[str]:
        for server in servers:
            found = BROKER_ADDRESS.match(server)
            if found is None or (found.group("port") and not 0 < int(found.group("port")) < 65536):
                raise ValueError(f"expected HOST:PORT (no scheme, a port up to 65535), got {server!r}")
        return servers

    @field_validator("topic_prefix")
    @classmethod
    def _topic_safe_prefix(cls, prefix: str) -> str:
        if not TOPIC_PREFIX.match(prefix):
            raise ValueError("expected at most 100 letters, digits, '.', '_' or '-' (Kafka's topic name characters)")
        return prefix

    @property
    def is_embedded(self) -> bool:
        """True when newsmon starts the broker itself."""
        return not self.bootstrap_servers

    @model_validator(mode="after")
    def _heartbeat_below_session(self) -> "KafkaSettings":
        if self.heartbeat_interval_ms * 3 > self.session_timeout_ms:
            raise ValueError("heartbeat_interval_ms must be at most a third of session_timeout_ms")
        return self


class StoreSettings(Section):
    url: str = "sqlite:///newsmon.db"
    echo: bool = False
    # PostgreSQL: give up on a server that does not answer (a firewall dropping packets, a hung host) after this
    # long, with an error, instead of hanging; libpq counts whole seconds and at least 2.
    connect_timeout_s: int = Field(10, ge=2)

    @property
    def connection_url(self) -> str:
        """`url`, with the connect timeout for PostgreSQL (unless the URL sets its own connect_timeout)."""
        from sqlalchemy.engine import make_url

        parsed = make_url(self.url)
        if not parsed.drivername.startswith("postgresql") or "connect_timeout" in parsed.query:
            return self.url
        return parsed.update_query_dict({"connect_timeout": str(self.connect_timeout_s)}).render_as_string(
            hide_password=False
        )

    @field_validator("url")
    @classmethod
    def _known_engine(cls, url: str) -> str:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        if not url.startswith(("sqlite:", "sqlite+aiosqlite:", "postgresql:", "postgresql+psycopg:")):
            raise ValueError("expected a sqlite:/// or postgresql+psycopg:// URL")
        try:  # here, not when the store opens, so a malformed URL is a config error and not a traceback
            parsed = make_url(url)
        except (ArgumentError, ValueError) as error:
            raise ValueError(f"expected a sqlite:///PATH or postgresql+psycopg://USER@HOST/DB URL ({error})") from None
        if parsed.drivername.startswith("sqlite") and not parsed.database:
            raise ValueError("expected a file path after sqlite:/// (an in-memory store would lose everything)")
        return url


class PollSettings(Section):
    """Feed polling: schedule bounds, politeness limits, safety limits and relevance rules."""

    interval_s: float = Field(900.0, gt=0)  # first interval of a new feed, before its rate is known
    min_interval_s: float = Field(300.0, gt=0)  # adaptive interval bounds
    max_interval_s: float = Field(6 * 3600.0, gt=0)
    backoff_base_s: float = Field(300.0, gt=0)  # failure n waits about base * 2**n (with jitter)
    backoff_max_s: float = Field(24 * 3600.0, gt=0)
    max_failure_score: float = Field(10.0, gt=0)  # weighted failures in a row that disable a feed
    timeout_s: float = Field(20.0, gt=0)  # whole request, body included
    connect_timeout_s: float = Field(10.0, gt=0)
    read_timeout_s: float = Field(15.0, gt=0)  # longest silence while reading
    concurrency: int = Field(64, ge=1, le=4096)
    per_host_concurrency: int = Field(2, ge=1, le=4096)
    per_host_min_gap_s: float = Field(0.5, ge=0)  # minimum time between two request starts to one host
    max_body_bytes: int = Field(10 * 1024 * 1024, ge=1024)  # decoded bytes, enforced while streaming
    max_redirects: int = Field(5, ge=0, le=20)
    user_agent: str = "newsmon/0.1 (+https://github.com/newsmon/newsmon)"
    allow_private_addresses: bool = False  # loopback, private, link-local and metadata addresses
    lease_s: float = Field(60.0, gt=0)  # a dead poller's feeds wait this long; live pollers renew theirs
    claim_batch: int = Field(256, ge=1)  # feeds leased per claim
    parse_processes: int = Field(0, ge=0, le=64)  # 0: parse in the poller's process
    stage_processes: int = Field(0, ge=0, le=64)  # poll-once's stage children; 0: one a core, at most one a partition
    stale_factor: float = Field(4.0, gt=1)  # stale: nothing new for this many usual gaps
    zombie_body_bytes: int = Field(256, ge=0)  # a 200 smaller than this is a zombie
    relevance_terms: list[str] | None = None  # None: the built-in Syria terms (en, ru, ar, ku)
    extra_relevance_terms: list[str] = Field(default_factory=list)

    @field_validator("relevance_terms", "extra_relevance_terms")
    @classmethod
    def _no_blank_terms(cls, terms: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if terms is None:
            return terms
        if not terms and info.field_name == "relevance_terms":
            raise ValueError("an empty list makes every item irrelevant; leave it out for the built-in Syria terms")
        for position, term in enumerate(terms):
            if not term.strip():
                raise ValueError(f"term {position} is blank")
        return terms

    @field_validator("user_agent")
    @classmethod
    def _has_contact(cls, value: str) -> str:
        if "http://" not in value and "https://" not in value and "@" not in value:
            raise ValueError("expected a User-Agent with a contact URL or address, e.g. 'name/1.0 (+https://...)'")
        return value

    @model_validator(mode="after")
    def _bounds_in_order(self) -> "PollSettings":
        if self.min_interval_s > self.max_interval_s:
            raise ValueError("min_interval_s must not exceed max_interval_s")
        return self


class FullTextSettings(Section):
    """The full-text stage: pages are fetched with the poller's limits (`poll.*`); this is its batch size."""

    # Every page of a batch is fetched before the stage polls the broker again; a slow host at
    # poll.per_host_min_gap_s per page must finish a batch within kafka.max_poll_interval_ms.
    max_records: int = Field(16, ge=1, le=1_000)
    # Longer page text is not used (the summary is): it is no article, and must fit kafka.max_record_bytes.
    max_text_chars: int = Field(100_000, ge=1_000)


class AlertRule(Section):
    """An article or claim raises the rule's alert when it has one of the keywords (whole words, compared folded:
    case, accents, Arabic letter forms, dashes; Russian case endings and attached Arabic prefixes allowed), comes
    from one of the outlets and, for a claim, from one of the speakers; a part left empty matches anything, but a
    rule needs keywords or speakers (else it would alert on everything). Outlets and speakers match as folded
    substrings: of the outlet's name; of the speaker's canonical name, organisation, the name the claim gives and
    the aliases the store holds for that speaker."""

    name: str
    keywords: list[str] = Field(default_factory=list)
    speakers: list[str] = Field(default_factory=list)  # a rule with speakers matches claims only
    outlets: list[str] = Field(default_factory=list)
    match: list[Literal["articles", "claims"]] = Field(default_factory=lambda: ["articles", "claims"], min_length=1)  # type: ignore[arg-type]

    @field_validator("keywords", "speakers", "outlets")
    @classmethod
    def _no_blank_entries(cls, entries: list[str], info: ValidationInfo) -> list[str]:
        for position, entry in enumerate(entries):
            if not entry.strip():
                raise ValueError(f"{info.field_name.rstrip('s') if info.field_name else 'entry'} {position} is blank: "
                                 "it would never match")  # fmt: skip
        return entries

    @model_validator(mode="after")
    def _matches_something_specific(self) -> "AlertRule":
        if not self.keywords and not self.speakers:
            raise ValueError("a rule needs keywords or speakers: without either it would alert on everything")
        if self.speakers and "claims" not in self.match:
            raise ValueError("speakers narrow claims, so match must include 'claims'")
        return self

    @field_validator("name")
    @classmethod
    def _topic_safe(cls, name: str) -> str:
        if not RULE_NAME.match(name):
            raise ValueError("expected lowercase letters, digits, '-' or '_' (it becomes a topic name)")
        return name


class AlertSettings(Section):
    rules: list[AlertRule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_names(self) -> "AlertSettings":
        names = [rule.name for rule in self.rules]
        if len(names) != len(set(names)):
            raise ValueError(f"rule names must be unique, got {names}")
        return self


class MetricsSettings(Section):
    """Prometheus metrics of a service process (`run`, `poll`, `consume`) on http://HOST:PORT/metrics."""

    port: int = Field(0, ge=0, le=65535)  # 0: no metrics endpoint (scaled-out processes on one host need their own)
    host: str = "127.0.0.1"


class ApiSettings(Section):
    """`newsmon serve`: who may read the HTTP API."""

    # Set, every /api/ route needs "Authorization: Bearer TOKEN" (/healthz and the docs stay open): what to set before
    # listening beyond 127.0.0.1. Long and random (`python -c "import secrets; print(secrets.token_urlsafe())"`).
    token: SecretStr | None = Field(None, min_length=16)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", toml_file="newsmon.toml", extra="forbid"
    )

    kafka: KafkaSettings = KafkaSettings()
    store: StoreSettings = StoreSettings()
    poll: PollSettings = PollSettings()
    fulltext: FullTextSettings = FullTextSettings()
    alerts: AlertSettings = AlertSettings()
    metrics: MetricsSettings = MetricsSettings()
    api: ApiSettings = ApiSettings()
    feeds_file: Path | None = None  # None: the bundled default catalogue
    run_dir: Path = Path(".newsmon")  # embedded broker's working directory and log
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    @field_validator("log_level", mode="before")
    @classmethod
    def _any_case(cls, level: object) -> object:
        return level.lower() if isinstance(level, str) else level

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlFileSource(settings_cls)


class TomlFileSource(TomlConfigSettingsSource):
    """The TOML source, also for a file saved with a UTF-8 byte order mark (as some Windows editors do), which
    tomllib refuses as 'Invalid statement (at line 1, column 1)'."""

    def _read_file(self, file_path: Any) -> dict[str, Any]:
        return tomllib.loads(file_path.read_bytes().decode("utf-8-sig"))


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Build Settings once; raise ConfigError with one line naming the first bad key and where it came from."""
    toml_file = config_file if config_file is not None else Path("newsmon.toml")
    check_environment_names(Settings)
    try:
        if config_file is not None:
            if config_file.is_dir():
                raise ConfigError(f"config file {config_file}: is a directory, expected a TOML file")
            if not config_file.is_file():
                raise ConfigError(f"config file {config_file}: not found")

            class FileSettings(Settings):
                model_config = SettingsConfigDict(toml_file=config_file)

            return FileSettings(**overrides)
        return Settings(**overrides)
    except ValidationError as error:
        raise ConfigError(describe_validation_error(error, toml_file)) from None
    except SettingsError as error:
        raise ConfigError(describe_settings_error(error)) from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"config file {toml_file}: not UTF-8 text ({error.reason} at offset {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"config file {toml_file}: invalid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"config file {toml_file}: {error.strerror or error}") from None
    except ValueError as error:
        raise ConfigError(f"config: {error}") from None
