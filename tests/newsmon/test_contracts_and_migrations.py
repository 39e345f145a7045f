"""Checked-in contracts and migrations stay in step with the code."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from newsmon.store.models import Base
from newsmon.store.search import include_in_autogenerate
from newsmon.store.session import sync_url, upgrade_database
from schemas.generate import SCHEMA_DIR, render_schemas


def test_json_schemas_are_regenerated_after_model_changes():
    rendered = render_schemas()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    stale = sorted(name for name in rendered if on_disk.get(name) != rendered[name])
    assert not stale, f"run `python -m schemas.generate`: out of date: {stale}"
    assert set(on_disk) == set(rendered)


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
