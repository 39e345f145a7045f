"""Invalid configuration stops the program with one line naming the key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.config import ConfigError, load_settings


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsmon", *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, cwd=cwd)  # fmt: skip


def test_environment_overrides_toml_and_defaults(tmp_path, monkeypatch):
    (tmp_path / "newsmon.toml").write_text('[kafka]\npartitions = 6\ntopic_prefix = "from-toml."\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSMON_KAFKA__TOPIC_PREFIX", "from-env.")
    settings = load_settings()
    assert settings.kafka.partitions == 6
    assert settings.kafka.topic_prefix == "from-env."
    assert settings.store.url == "sqlite:///newsmon.db"


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("[kafka]\npartitions = 'many'\n", "kafka.partitions"),
        ("[store]\nurl = 'mysql://x'\n", "store.url"),
        ("[[alerts.rules]]\nname = 'Bad Name!'\nkeywords = ['x']\n", "alerts.rules.0.name"),
        ("[poll]\ntimeout_seconds = 3\n", "poll.timeout_seconds"),
    ],
)
def test_invalid_config_names_the_key(tmp_path, toml, key):
    path = tmp_path / "bad.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=f"'{key}'"):
        load_settings(path)


def test_cli_reports_bad_config_in_one_line_and_exit_code_2(tmp_path):
    result = run_cli("query", "articles", env={"NEWSMON_KAFKA__PARTITIONS": "abc"}, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "kafka.partitions" in lines[0] and "'abc'" in lines[0]


def test_cli_reports_broken_toml_in_one_line(tmp_path):
    (tmp_path / "newsmon.toml").write_text("[kafka\n")
    result = run_cli("query", "articles", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "config" in result.stderr
