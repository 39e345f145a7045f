"""Text from feeds is data, never terminal markup: brackets and escape sequences in it print as themselves."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from newsmon.report.tables import render

HOSTILE_TITLE = "Assad [/] [bold]says[/bold] [link=https://evil.example]click[/link] \x1b[2J\x1b]0;owned\x07"


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=400, color_system="standard"), out


def test_a_title_with_markup_and_escape_sequences_prints_as_text():
    console, out = terminal()
    row = {"published_at": "2026-11-20T10:00:00+00:00", "outlet": "[red]Agency", "title": HOSTILE_TITLE,
           "url": "https://a.example/1"}  # fmt: skip
    render([row], "articles", "table", console)
    printed = out.getvalue()
    assert "[/]" in printed and "[bold]says[/bold]" in printed and "[link=https://evil.example]" in printed
    assert "[red]Agency" in printed
    assert "\x1b[2J" not in printed and "\x1b]0;" not in printed and "\x1b]8;" not in printed


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{cwd / 'store.db'}", "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-m", "newsmon", *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=cwd)  # fmt: skip


def test_feeds_list_and_status_print_names_with_brackets(tmp_path):
    (tmp_path / "feeds.opml").write_text(
        '<opml><body><outline text="Agency [/] wire" title="[bold]Wire" xmlUrl="https://a.example/rss"/></body></opml>'
    )
    listed = run_cli("feeds", "list", "--feeds", "feeds.opml", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr[-3000:]
    assert "Agency [/] wire" in listed.stdout and "[bold]Wire" in listed.stdout
    assert run_cli("feeds", "import", "feeds.opml", cwd=tmp_path).returncode == 0
    status = run_cli("feeds", "status", cwd=tmp_path)
    assert status.returncode == 0, status.stderr[-3000:]
    assert "Agency [/] wire" in status.stdout


def test_json_output_escapes_the_c1_controls_a_terminal_would_act_on(tmp_path):
    # U+009B is CSI in 8-bit form: U+009B 2 J clears a terminal that honours C1 controls; JSON may carry it raw.
    text = 'Damascus\nThe ministry said the convoy \x9b2Jreached\x85 the border\x7f on Monday.\n'
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newsmon", "extract", str(tmp_path / "doc.txt"), "--format",
                             "jsonl"], capture_output=True, timeout=120, env=os.environ)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    printed = result.stdout.decode("utf-8")
    assert printed and not any("\x7f" <= character <= "\x9f" for character in printed)
    claims = [json.loads(line) for line in printed.splitlines()]
    assert [claim["text"] for claim in claims] == ["the convoy \x9b2Jreached\x85 the border\x7f on Monday"]
