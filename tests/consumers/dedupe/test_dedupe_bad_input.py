"""The issue's bad input, through `newsmon cluster` and through the stage: empty bodies, bodies of a few words,
a 5 MB body and non-Latin scripts. No crash, and sensible results: two empty bodies are not duplicates."""

import json
import subprocess
import sys

import pytest
from sqlalchemy import select

from consumers.dedupe.stage import DedupeStage
from newsmon.store.models import DedupeDocRow, DuplicateRow
from newsmon.store.session import Store
from schemas.topics import Topics
from tests.consumers.dedupe.test_dedupe_stage import deliveries, item, text_of

# A 5 MB body: the wire story's paragraphs over and over (a feed that inlines a whole live blog, say).
HUGE_BODY = (text_of("01-wire")[1] + "\n") * (5_000_000 // len(text_of("01-wire")[1]))
CHINESE_LEAD = "叙利亚东部代尔祖尔市一处燃料库周四晚间发生爆炸，造成九名工人死亡，至少二十三人受伤。"
CHINESE = CHINESE_LEAD + "当地官员说，火势已被控制。"
# name -> (title, body), in arrival order; the expected decision of each is in EXPECTED.
BAD_INPUT = {
    "a-empty": ("Developing story", ""),
    "b-empty": ("Developing story", ""),
    "c-blank": ("Developing story", " \n\n \t\n"),
    "d-few": text_of("12-short"),
    "e-few": text_of("13-short"),
    "f-huge": ("Live: fuel depot blast", HUGE_BODY),
    "g-arabic": text_of("07-arabic"),
    "h-arabic-reprint": text_of("08-arabic-reprint"),
    "i-russian": text_of("09-russian"),
    "j-chinese": ("燃料库爆炸", CHINESE),
    "k-chinese-reprint": ("代尔祖尔燃料库爆炸九人死亡", CHINESE + "\n关注我们的Telegram频道。"),
}
# duplicate_of per doc (None: a new article); every new article is its own story except where noted.
EXPECTED_DUPLICATE_OF = {"h-arabic-reprint": "g-arabic", "k-chinese-reprint": "j-chinese"}
# story_id of the new articles that join an earlier one's story: the Arabic report of the fuel depot blast joins the
# live blog of it (articles/labels.jsonl: one story); every other new article is its own story.
EXPECTED_STORY = {"g-arabic": "f-huge"}


@pytest.fixture(scope="module")
def cli_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """`newsmon cluster DIR --format jsonl` over the bad input, one file per doc (first line the title)."""
    directory = tmp_path_factory.mktemp("bad-input")
    for name, (title, body) in BAD_INPUT.items():
        (directory / f"{name}.txt").write_text(f"{title}\n{body}", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newsmon", "cluster", str(directory), "--format", "jsonl"],
                            capture_output=True, text=True, timeout=240, check=True)  # fmt: skip
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_bad_input_through_newsmon_cluster(cli_records: list[dict[str, object]]) -> None:
    records = cli_records
    assert [r["doc_id"] for r in records] == list(BAD_INPUT)
    for record in records:
        assert set(record) == {"doc_id", "duplicate_of", "similarity", "story_id"}
        assert record["duplicate_of"] == EXPECTED_DUPLICATE_OF.get(str(record["doc_id"])), record
        assert (record["similarity"] is None) == (record["duplicate_of"] is None)
        if record["duplicate_of"] is None:
            # Empty and few-word bodies form no story.
            assert record["story_id"] == EXPECTED_STORY.get(str(record["doc_id"]), record["doc_id"]), record


async def test_bad_input_through_the_stage_is_decided_like_newsmon_cluster(
    store: Store, cli_records: list[dict[str, object]]
) -> None:
    items = {name: item(name.replace("-", ""), name, title, body) for name, (title, body) in BAD_INPUT.items()}
    published = await DedupeStage(store, Topics()).process(deliveries(list(items.values())))
    name_of = {it.item_id: name for name, it in items.items()}
    async with store.sessions() as session:
        duplicates = dict((await session.execute(select(DuplicateRow.item_id, DuplicateRow.duplicate_of))).all())
        query = select(DedupeDocRow.doc_id, DedupeDocRow.duplicate_of, DedupeDocRow.similarity, DedupeDocRow.story_id)
        indexed = {name_of[row.doc_id]: row for row in (await session.execute(query)).all()}
    assert {name_of[i]: name_of[of] for i, of in duplicates.items()} == EXPECTED_DUPLICATE_OF
    assert sorted(name_of[out.key] for out in published) == sorted(set(BAD_INPUT) - set(EXPECTED_DUPLICATE_OF))
    for name in ("a-empty", "b-empty", "c-blank", "d-few", "e-few", "i-russian"):
        assert indexed[name].story_id == items[name].item_id, name  # its own story

    # `newsmon cluster` runs the same decision code on the same texts, so it decides the same.
    by_cli = {str(r["doc_id"]): r for r in cli_records}
    assert set(by_cli) == set(indexed)
    for name, row in indexed.items():
        decided = {"doc_id": name, "duplicate_of": name_of.get(row.duplicate_of or ""),
                   "similarity": row.similarity, "story_id": name_of[row.story_id]}  # fmt: skip
        assert decided == by_cli[name]
