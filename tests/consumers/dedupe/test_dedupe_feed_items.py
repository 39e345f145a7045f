"""A feed item carries its page's headline word for word above a sentence or three, often an editor's standfirst that
the page does not contain: the same article, which neither its few shingles nor its few story features find. A
headline of five or more content words is an index key of its own, and an item under another's headline is its copy
when one of the two is that short and nothing says another day."""

from pathlib import Path

from consumers.dedupe.article import dedupe
from consumers.dedupe.batch import stored_band_keys
from consumers.dedupe.index import MemoryIndex
from consumers.dedupe.sketch import sketch_article, sketch_from_bytes
from consumers.dedupe.stage import DedupeStage
from newsmon.store.session import Store
from schemas.topics import Topics
from tests.consumers.dedupe.test_dedupe_stage import deliveries, item, rows, rows_one_item_a_batch

HEADLINE = "Flooded Orontes cuts the road between Jisr al-Shughour and Darkush"
PAGE = (
    "Floodwater from the Orontes river covered the road between Jisr al-Shughour and Darkush on Tuesday, cutting off "
    "eleven villages, the local council said.\n\nCouncil member Yasser Hilal said water reached a metre deep near the "
    "Ain al-Zarqa bridge after three days of rain, and that 40 families had moved to a school in Darkush. Engineers "
    "from the water directorate said the river rose by two metres overnight.\n\nFarmer Adnan Sheikh said his olive "
    "grove was under water for the first time since 2019. The council asked drivers to use the mountain road through "
    "Bdama until the water recedes.")
# The standfirst an editor wrote for the feed: no sentence of it is the page's.
STANDFIRST = ("Eleven villages west of Idlib are cut off after three days of rain swelled the river, and dozens of "
              "families have left their homes.")  # fmt: skip


def _decided(*articles: tuple[str, str, str]) -> dict[str, str | None]:
    index = MemoryIndex()
    return {doc_id: dedupe(index, doc_id, title, body, float(n)).duplicate_of
            for n, (doc_id, title, body) in enumerate(articles)}  # fmt: skip


def test_a_feed_item_under_its_pages_headline_is_the_pages_copy() -> None:
    assert _decided(("page", HEADLINE, PAGE), ("feed", HEADLINE, STANDFIRST))["feed"] == "page"


def test_a_page_after_its_feed_item_is_the_feed_items_copy() -> None:
    assert _decided(("feed", HEADLINE, STANDFIRST), ("page", HEADLINE, PAGE))["page"] == "feed"


def test_a_headline_only_item_is_its_pages_copy() -> None:
    assert _decided(("page", HEADLINE, PAGE), ("feed", HEADLINE, ""))["feed"] == "page"


def test_two_full_reports_under_one_headline_are_two_articles() -> None:
    # Another outlet's own report of the flood under the same headline: its body is no copy of the page.
    own = ("The Jisr al-Shughour to Darkush road is under water. Residents of Ain al-Zarqa told our reporter that the "
           "Orontes burst its banks before dawn on Tuesday and that no bus has reached Darkush since. A teacher, Rami "
           "Aswad, said the school had opened its classrooms to families from the riverside houses. The water "
           "directorate's engineers were measuring the river at the old bridge, where it had risen by two metres, and "
           "said more rain was expected on Thursday.")  # fmt: skip
    assert _decided(("page", HEADLINE, PAGE), ("other", HEADLINE, own))["other"] is None


def test_a_short_item_under_the_headline_that_names_another_day_is_another_article() -> None:
    # The same headline on next week's flood brief: its lead opens on another weekday.
    brief = "The Orontes flooded the road again on Saturday, the council said, and eleven villages were cut off."
    assert _decided(("page", HEADLINE, PAGE), ("brief", HEADLINE, brief))["brief"] is None


def test_a_short_headline_is_no_key() -> None:
    # "Flood cuts road" fits every flood: three content words do not make an item a copy or a candidate.
    short = sketch_article("Flood cuts road", STANDFIRST)
    assert short.band_keys == sketch_article("Another title", STANDFIRST).band_keys
    assert _decided(("page", "Flood cuts road", PAGE), ("feed", "Flood cuts road", STANDFIRST))["feed"] is None


def test_the_headline_key_is_among_a_stored_sketchs_band_keys() -> None:
    sketch = sketch_article(HEADLINE, STANDFIRST)
    assert stored_band_keys(sketch.to_bytes()) == sketch.band_keys
    assert sketch_from_bytes(sketch.to_bytes()).title_values == sketch.title_values


async def test_the_stage_stores_the_feed_item_as_a_copy_of_the_page(store: Store) -> None:
    page, feed = item("orontes", "flood", HEADLINE, PAGE), item("aggregator", "flood", HEADLINE, STANDFIRST)
    await DedupeStage(store, Topics()).process(deliveries([page, feed]))
    assert [(url, of) for url, of, _ in (await rows(store))["duplicates"]] == [(feed.url, page.url)]


async def test_the_stage_finds_the_page_in_the_store_from_a_later_batch(tmp_path: Path) -> None:
    page, feed = item("orontes", "flood", HEADLINE, PAGE), item("aggregator", "flood", HEADLINE, STANDFIRST)
    stored = await rows_one_item_a_batch([feed, page], tmp_path / "one-a-batch.db")
    assert [(url, of) for url, of, _ in stored["duplicates"]] == [(page.url, feed.url)]


def test_a_short_item_under_the_headline_with_another_number_is_another_article() -> None:
    # An outlet's automatic bulletins share every word of the headline but the figures.
    first = "Earthquake of magnitude 4.9 strikes off the Jableh coast, national centre says"
    second = "Earthquake of magnitude 3.2 strikes off the Jableh coast, national centre says"
    bulletin = "The National Earthquake Center recorded the tremor at a depth of ten kilometres."
    assert _decided(("first", first, bulletin), ("second", second, bulletin + " No damage was reported."))[
        "second"] is None  # fmt: skip


def test_two_items_under_one_headline_cut_short_by_the_feed_are_two_articles() -> None:
    cut = "Flooded Orontes cuts the road between Jisr al-Shughour and..."
    assert _decided(("one", cut, STANDFIRST), ("two", cut, "A second brief on the flood, with other words."))[
        "two"] is None  # fmt: skip
