"""Write the JSON Schema of every message model to schemas/json/ (run: python -m schemas.generate)."""

import json
import sys
from pathlib import Path

from schemas.alerts import Alert
from schemas.articles import Article
from schemas.base import Message
from schemas.claims import Claim
from schemas.dead_letter import DeadLetter
from schemas.items import FeedItem

MODELS: dict[str, type[Message]] = {
    "feed_item": FeedItem,
    "article": Article,
    "claim": Claim,
    "alert": Alert,
    "dead_letter": DeadLetter,
}
SCHEMA_DIR = Path(__file__).parent / "json"


def render_schemas() -> dict[str, str]:
    """File name -> JSON text of each model's schema, exactly as checked in."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
        for name, model in MODELS.items()
    }


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for file_name, text in render_schemas().items():
        (SCHEMA_DIR / file_name).write_text(text, encoding="utf-8")
    print(f"wrote {len(MODELS)} schemas to {SCHEMA_DIR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
