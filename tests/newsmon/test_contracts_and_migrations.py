"""Checked-in contracts and migrations stay in step with the code."""

import json

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from newsmon.store.models import Base
from newsmon.store.search import include_in_autogenerate
from newsmon.store.session import sync_url, upgrade_database
from schemas.articles import Article
from schemas.generate import MODELS, SCHEMA_DIR, render_schemas

# The fields a schema_version 1 producer had to send. A reader may not require more of version 1: a field added
# since then needs a default (or a new schema_version), else every older producer's message is dead-lettered.
VERSION_1_REQUIRED = {
    "feed_item": {"item_id", "delivery_id", "feed_url", "outlet", "language", "url", "title", "published_at",
                  "content_hash", "polled_at"},
    "article": {"article_id", "url", "outlet", "feed_url", "language", "title", "text", "published_at", "content_hash"},
    "claim": {"claim_id", "article_id", "article_version", "outlet", "url", "published_at", "speaker",
              "speaker_mention", "speaker_org", "cue", "kind", "text", "start", "end", "extractor_version"},
    "alert": {"alert_id", "rule", "subject", "subject_id", "article_id", "outlet", "url", "title", "matched_terms",
              "excerpt", "created_at"},
    "dead_letter": {"stage", "topic", "partition", "offset", "raw_value", "error_type", "reason", "failed_at"},
}  # fmt: skip


def test_json_schemas_are_regenerated_after_model_changes():
    rendered = render_schemas()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    stale = sorted(name for name in rendered if on_disk.get(name) != rendered[name])
    assert not stale, f"run `python -m schemas.generate`: out of date: {stale}"
    assert set(on_disk) == set(rendered)



def test_version_1_messages_still_decode_and_newer_producers_extra_fields_are_ignored():
    for name, model in MODELS.items():
        required = set(model.model_json_schema().get("required", []))
        assert required <= VERSION_1_REQUIRED[name], f"{name}: {sorted(required - VERSION_1_REQUIRED[name])} added"
    # An older producer's article: version 1 fields only, no schema_version; a newer one's: a field we do not know.
    older = {"article_id": "a1", "url": "http://wire.invalid/a1", "outlet": "Invented Wire",
             "feed_url": "http://wire.invalid/rss", "language": "en", "title": "Ferry resumes",
             "text": "The harbour office said the ferry sails again.", "published_at": "2027-03-02T08:00:00Z",
             "content_hash": "h1"}  # fmt: skip
    article = Article.model_validate_json(json.dumps(older))
    assert (article.schema_version, article.version, article.text_source, article.story_id) == (1, 1, "feed", None)
    newer = Article.model_validate_json(json.dumps({**older, "sentiment": {"score": 0.2}}))
    assert newer == article


def test_migrations_match_the_models_on_both_engines(store_url):
    upgrade_database(store_url)
    engine = create_engine(sync_url(store_url))
    try:
        with engine.connect() as connection:
            # The search index (FTS5 tables, tsvector columns) is the migration's alone: the models do not declare it,
            # and alembic autogenerate skips it through the same hook (migrations/env.py).
            context = MigrationContext.configure(connection, opts={"include_name": include_in_autogenerate})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_upgrade_twice_is_a_no_op(store_url):
    upgrade_database(store_url)
    upgrade_database(store_url)
