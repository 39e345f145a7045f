"""JSON lines for a terminal or a pipe: what `query`, `feeds status`, `extract`, `cluster` and `alerts tail` print.

DEL and the C1 controls (U+0080-U+009F) are valid inside JSON strings, and json.dumps(ensure_ascii=False) writes them
raw, where a terminal may act on them (U+009B is CSI, the start of an escape sequence: a feed's headline could clear
the screen). Escaped (\\u009b), a JSON reader gets the same string. Outside strings JSON is ASCII, so a JSON text is
escaped as a whole. (The table output replaces them: report/tables.py plain_cell.)
"""

import json
import re

_RAW_CONTROLS = re.compile("[\x7f-\x9f]")


def terminal_safe_json(text: str) -> str:
    """A JSON text with DEL and the C1 controls escaped (the same JSON value; json.dumps escapes C0 itself)."""
    return _RAW_CONTROLS.sub(lambda control: f"\\u{ord(control.group()):04x}", text)


def json_line(value: object) -> str:
    """`value` as one line of JSON: non-ASCII text kept readable, control characters escaped."""
    return terminal_safe_json(json.dumps(value, ensure_ascii=False))
