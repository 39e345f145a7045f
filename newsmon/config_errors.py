"""Config errors explained in one line: which key, the value given (never a secret's), and where it came from (the
environment variable or the TOML file), so a typo is found without reading a traceback."""

import difflib
import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_settings import SettingsError

ENV_PREFIX = "NEWSMON_"
SECRET_KEYS = frozenset({"api.token"})  # values never echoed in an error: error lines end up in logs


class ConfigError(Exception):
    """Configuration is invalid; the message is one line naming the key and what was expected."""


def check_environment_names(settings_model: type[BaseModel]) -> None:
    """Refuse NEWSMON_STORE_URL and the like: one '_' where nesting takes '__'. pydantic-settings ignores a name
    that is no setting, so the store would silently be ./newsmon.db. Other NEWSMON_ names (NEWSMON_TEST_PG of the
    tests) are no near miss of a setting and are left alone."""
    every_name = setting_environment_names(settings_model)
    settings = {name.replace("__", "_"): name for name in every_name}
    sections = {name.removeprefix(ENV_PREFIX).partition("__")[0] for name in every_name if "__" in name}
    for name in os.environ:
        upper = name.upper()
        meant = settings.get(upper.replace("__", "_"))
        if upper.startswith(ENV_PREFIX) and meant is not None and upper != meant and not meant.startswith(upper + "__"):
            raise ConfigError(f"environment variable {name} is no setting, so it would be ignored; did you mean "
                              f"{meant}? (a section and its key are joined by '__')")  # fmt: skip
        section, nested, key = upper.removeprefix(ENV_PREFIX).partition("__")
        if upper.startswith(ENV_PREFIX) and nested and section not in sections:  # NEWSMON_STOR__URL: ignored too
            near = difflib.get_close_matches(f"{ENV_PREFIX}{section}__{key}", every_name, n=1, cutoff=0.8)
            hint = f"did you mean {near[0]}?" if near else f"the sections are {', '.join(sorted(sections))}"
            raise ConfigError(f"environment variable {name} names no section of the settings, so it would be "
                              f"ignored; {hint}")  # fmt: skip


def setting_environment_names(model: type[BaseModel], prefix: str = ENV_PREFIX) -> list[str]:
    """Every environment name that sets something: each section (as JSON) and each of its keys."""
    names = []
    for field_name, field in model.model_fields.items():
        name = f"{prefix}{field_name.upper()}"
        names.append(name)
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
            names.extend(setting_environment_names(field.annotation, name + "__"))
    return names


def describe_validation_error(error: ValidationError, toml_file: Path | None = None) -> str:
    first = error.errors()[0]
    loc = tuple(str(part) for part in first["loc"])
    key = ".".join(loc) or "config"
    value = first.get("input")
    # A secret's value is never echoed, even a wrong one: error lines end up in logs.
    shown = "" if isinstance(value, dict) or key in SECRET_KEYS else f" = {value!r}"
    source = source_of(loc, toml_file)
    return f"config key '{key}'{shown}{f' (from {source})' if source else ''}: {first['msg']}"


def source_of(loc: tuple[str, ...], toml_file: Path | None) -> str | None:
    """Where the value at `loc` came from: the environment variable that set it, else the TOML file that
    holds it; None when neither does (a constructor argument)."""
    environment = {name.upper(): name for name in os.environ}
    for length in range(len(loc), 0, -1):  # alerts.rules.0.name is set by NEWSMON_ALERTS__RULES
        name = environment.get(ENV_PREFIX + "__".join(loc[:length]).upper())
        if name is not None:
            return name
    if toml_file is not None and _toml_holds(toml_file, loc):
        return str(toml_file)
    return None


def _toml_holds(toml_file: Path, loc: tuple[str, ...]) -> bool:
    try:
        node: Any = tomllib.loads(toml_file.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return False
    for part in loc:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    return True


def describe_settings_error(error: SettingsError) -> str:
    """pydantic-settings says only which field could not be parsed; name the environment variable and its value
    (the one such error: a list or a section given as something other than JSON)."""
    found = re.search(r'field "(\w+)" from source "EnvSettingsSource"', str(error))
    cause = error.__cause__
    if found is not None and isinstance(cause, ValueError):
        prefix = ENV_PREFIX + found.group(1).upper()
        for name, value in os.environ.items():
            if (name.upper() == prefix or name.upper().startswith(prefix + "__")) and not _is_json(value):
                return (f"environment variable {name} = {value!r}: not valid JSON ({cause}); lists and sections "
                        "are given as JSON, e.g. NEWSMON_KAFKA__BOOTSTRAP_SERVERS='[\"kafka:9092\"]'")  # fmt: skip
    return f"config: {error}{f' ({cause})' if cause else ''}"


def _is_json(value: str) -> bool:
    try:
        json.loads(value)
    except ValueError:
        return False
    return True
