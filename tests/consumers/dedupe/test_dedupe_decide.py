"""Duplicate and story decisions over the in-memory index, on hand-written articles in articles/."""

import asyncio
from collections.abc import Sequence
from pathlib import Path

import pytest

from consumers.dedupe.article import dedupe, dedupe_async
from consumers.dedupe.decide import Decision, decide
from consumers.dedupe.files import read_article
from consumers.dedupe.index import IndexedDoc, MemoryIndex
from consumers.dedupe.sketch import sketch_article

ARTICLES = Path(__file__).parent / "articles"


def run(names: list[str]) -> dict[str, Decision]:
    """Dedupe the named fixture articles in the given order."""
    index = MemoryIndex()
    decisions = {}
    for position, name in enumerate(names):
        title, body = read_article(ARTICLES / f"{name}.txt")
        decisions[name] = dedupe(index, name, title, body, float(position))
    return decisions


def test_reprint_with_new_headline_boilerplate_and_house_style_is_a_duplicate() -> None:
    reprint = run(["01-wire", "02-reprint"])["02-reprint"]
    assert reprint.duplicate_of == "01-wire"
    assert reprint.similarity is not None and reprint.similarity >= 0.9
    assert reprint.story_id == "01-wire"


def test_trimmed_reprint_is_a_duplicate() -> None:
    assert run(["01-wire", "03-trimmed"])["03-trimmed"].duplicate_of == "01-wire"


def test_updated_version_is_linked_to_the_earlier_one() -> None:
    assert run(["01-wire", "06-update"])["06-update"].duplicate_of == "01-wire"


def test_other_outlets_own_article_on_the_event_joins_the_story_but_is_no_duplicate() -> None:
    rewrite = run(["01-wire", "02-reprint", "04-rewrite"])["04-rewrite"]
    assert rewrite.duplicate_of is None
    assert rewrite.story_id == "01-wire"


def test_different_event_sharing_officials_place_and_background_is_neither() -> None:
    negative = run(["01-wire", "02-reprint", "03-trimmed", "04-rewrite", "06-update", "05-negative"])["05-negative"]
    assert negative.duplicate_of is None
    assert negative.story_id == "05-negative"


def test_a_report_in_another_language_naming_few_of_the_wires_names_joins_its_story() -> None:
    # The Arabic report names only the city, the day and the numbers (its other names are lowercase words to
    # story_features), all of which the wire names: a Jaccard of 5/12 with the wire's dozen names and numbers.
    arabic = run(["01-wire", "07-arabic"])["07-arabic"]
    assert arabic.duplicate_of is None
    assert arabic.story_id == "01-wire"


def test_a_short_item_naming_only_the_wires_city_day_and_a_number_stays_apart() -> None:
    # All four of its features are among the wire's, but a city, a day and a number fit many events.
    wire = sketch_article(*read_article(ARTICLES / "01-wire.txt"))
    curfew = sketch_article("Curfew declared", "Authorities in Deir ez-Zor declared a curfew on Thursday night and "
                            "closed 9 bakeries in the old market, residents said.")  # fmt: skip
    assert curfew.story_count == 4
    decision = decide("curfew", 1.0, curfew, [IndexedDoc("wire", 0.0, wire.to_bytes(), "wire")])
    assert decision.story_id == "curfew"


def test_the_same_towns_next_shelling_on_another_day_is_another_story() -> None:
    # Same town, province, source, officials and wounded count: only the day, the dead and the target differ.
    first = sketch_article("Shelling kills five in Jisr al-Shughour market", (
        "Shells hit the vegetable market of Jisr al-Shughour in Idlib province on Monday, killing five people and "
        "wounding 12, the White Helmets said. Civil defence chief Ahmad Yousef said the shells came from positions "
        "near Kabani. Governor Hassan Qaddour called the attack a crime."))
    second = sketch_article("Shelling kills three in Jisr al-Shughour", (
        "Shells hit a bakery queue in Jisr al-Shughour in Idlib province on Wednesday, killing three people and "
        "wounding 12, the White Helmets said. Civil defence chief Ahmad Yousef said the shells came from positions "
        "near Kabani. Governor Hassan Qaddour called the attack a crime."))
    decision = decide("second", 1.0, second, [IndexedDoc("first", 0.0, first.to_bytes(), "first")])
    assert decision.story_id == "second"


def test_a_local_outlets_own_report_of_the_day_with_its_own_sources_joins_the_wire_story() -> None:
    # 13 shared names, places, numbers and the day, but each adds its own (a Jaccard of 0.42).
    wire = sketch_article("Floods sweep camps near Atmeh, displacing 900 families", (
        "Heavy rain flooded 14 displacement camps near Atmeh and Qah in northern Idlib on Saturday, forcing about 900 "
        "families from their tents, the White Helmets said. Team leader Mahmoud Kurdi said crews pulled 6 children "
        "from the water near Kafr Lusin. The UN agency OCHA said Sarmada hospital took in 20 people. Aid group Molham "
        "Volunteering Team sent trucks from Dana, and Turkey's AFAD pledged tents."))
    local = sketch_article("Atmeh camps under water after storm", (
        "Rain and wind flooded 14 camps around Atmeh and Qah on Saturday, and about 900 families left their tents, "
        "according to the White Helmets. Rescuer Mahmoud Kurdi told Enab Baladi that 6 children were pulled from the "
        "water near Kafr Lusin. Camp manager Abu Yasser of the Karama camp said families sheltered in mosques in Deir "
        "Hassan and in schools in Sarmada, where the Syria Relief clinic opened its doors."))
    decision = decide("local", 1.0, local, [IndexedDoc("wire", 0.0, wire.to_bytes(), "wire")])
    assert decision.duplicate_of is None
    assert decision.story_id == "wire"


def test_arabic_reprint_with_boilerplate_is_a_duplicate_and_other_scripts_stay_apart() -> None:
    decisions = run(["01-wire", "07-arabic", "08-arabic-reprint", "09-russian"])
    assert decisions["08-arabic-reprint"].duplicate_of == "07-arabic"
    assert decisions["07-arabic"].duplicate_of is None
    assert decisions["09-russian"].duplicate_of is None
    assert decisions["09-russian"].story_id == "09-russian"


def test_empty_and_few_word_bodies_are_not_duplicates_of_each_other() -> None:
    decisions = run(["10-empty", "11-empty", "12-short", "13-short"])
    for name, decision in decisions.items():
        assert decision.duplicate_of is None
        assert decision.story_id == name


def test_copy_of_a_copy_points_at_the_earliest_article() -> None:
    index = MemoryIndex()
    title, body = read_article(ARTICLES / "01-wire.txt")
    dedupe(index, "first", title, body, 0.0)
    dedupe(index, "second", "Other headline", body, 1.0)
    third = dedupe(index, "third", "Third headline", body + "\nFollow us on Telegram", 2.0)
    assert third.duplicate_of == "first"


def test_replaying_an_article_decides_the_same_way() -> None:
    index = MemoryIndex()
    wire, reprint = read_article(ARTICLES / "01-wire.txt"), read_article(ARTICLES / "02-reprint.txt")
    first = dedupe(index, "a", *wire, 0.0)
    second = dedupe(index, "b", *reprint, 1.0)
    # Replays (same ids, same first_seen) must not turn the original into a copy of its own reprint.
    assert dedupe(index, "a", *wire, 0.0) == first
    assert dedupe(index, "b", *reprint, 1.0) == second
    assert len(index) == 2


def test_decide_is_pure_over_given_candidates() -> None:
    title, body = read_article(ARTICLES / "01-wire.txt")
    sketch = sketch_article(title, body)
    earlier = IndexedDoc("old", 0.0, sketch.to_bytes(), story_id="story-of-old", duplicate_of=None)
    later = IndexedDoc("later", 9.0, sketch.to_bytes(), story_id="later", duplicate_of=None)
    decision = decide("new", 5.0, sketch, [later, earlier])
    assert decision == Decision("new", "old", 1.0, "story-of-old", None)
    assert decide("new", 5.0, sketch, []) == Decision("new", None, None, "new", None)


class AsyncIndex:
    """The async protocol over MemoryIndex, as the store will provide it."""

    def __init__(self) -> None:
        self.memory = MemoryIndex()

    async def candidates(self, band_keys: Sequence[int], limit: int = 64) -> list[IndexedDoc]:
        return self.memory.candidates(band_keys, limit)

    async def add(self, doc: IndexedDoc, band_keys: Sequence[int]) -> None:
        self.memory.add(doc, band_keys)


def test_async_path_decides_like_the_sync_one() -> None:
    names = ["01-wire", "02-reprint", "04-rewrite", "05-negative"]
    expected = run(names)
    index = AsyncIndex()

    async def go() -> dict[str, Decision]:
        out = {}
        for position, name in enumerate(names):
            title, body = read_article(ARTICLES / f"{name}.txt")
            out[name] = await dedupe_async(index, name, title, body, float(position))
        return out

    assert asyncio.run(go()) == expected


@pytest.mark.parametrize("body", ["", "x", "\x00\ufffd" * 50, "١٢٣ ٤٥٦", "🙂" * 1000])
def test_odd_bodies_do_not_crash(body: str) -> None:
    index = MemoryIndex()
    first = dedupe(index, "a", "t", body, 0.0)
    second = dedupe(index, "b", "t", body, 1.0)
    assert first.duplicate_of is None
    assert second.duplicate_of in (None, "a")


def test_new_version_of_an_article_replaces_its_entry_in_the_index() -> None:
    index = MemoryIndex()
    wire, negative = read_article(ARTICLES / "01-wire.txt"), read_article(ARTICLES / "05-negative.txt")
    dedupe(index, "a", *wire, 0.0)
    # Same article id, other content (the store saw a new content hash): same first_seen, new sketch.
    dedupe(index, "a", *negative, 0.0)
    assert len(index) == 1
    assert dedupe(index, "b", *wire, 1.0).duplicate_of is None
    assert dedupe(index, "c", "Copy", negative[1], 2.0).duplicate_of == "a"


def test_a_story_counts_each_article_once_however_often_its_wire_was_reprinted() -> None:
    # The new report retells the local outlet's (similarity 0.76) more than the wire's (0.26): with the wire and
    # the local report it joins their story, and three reprints of the wire must not outvote the local report.
    wire = sketch_article("Blast at Binnish fuel depot kills 7", (
        "A fuel depot exploded in Binnish, east of Idlib, on Thursday, killing 7 workers and injuring 15, the White "
        "Helmets said. Depot owner Khaled Barakat told Levant Wire the fire spread to 3 tankers. Governor Samir Haddad "
        "ordered an inquiry, and Turkey's AFAD sent 2 fire engines from Reyhanli."))
    local = sketch_article("Fire at Binnish depot: 7 dead", (
        "Seven workers died and 15 were hurt on Thursday when a fuel depot blew up in Binnish near Idlib, the White "
        "Helmets said. Rescuer Yaman Shaar told Enab Baladi that crews fought the fire at the depot of Khaled Barakat "
        "for 4 hours. Local council head Fouad Ramadan said 12 shops in the Binnish souk were damaged."))
    new = sketch_article("Binnish depot blast: death toll 7", (
        "Seven workers were killed and 15 injured in the Thursday blast at a fuel depot in Binnish, near Idlib, "
        "rescuer Yaman Shaar told Orient News. The fire burned for 4 hours, he said, and council head Fouad Ramadan "
        "said 12 shops in the souk were damaged."))
    story = [IndexedDoc("wire", 0.0, wire.to_bytes(), "wire"), IndexedDoc("local", 5.0, local.to_bytes(), "wire")]
    reprints = [IndexedDoc(f"reprint-{i}", 1.0 + i, wire.to_bytes(), "wire", "wire") for i in range(3)]
    assert decide("new", 9.0, new, story).story_id == "wire"
    with_reprints = decide("new", 9.0, new, story + reprints)
    assert with_reprints.story_id == "wire"
    assert with_reprints.story_similarity == decide("new", 9.0, new, story).story_similarity


# Ten words reworded across a 150-word report, and a new headline: 0.75 of its shingles are left.
SALAMIYAH_ORIGINAL = ("Water returns to Salamiyah after pipeline repair", (
    "SALAMIYAH, Syria (Hama Post) - Running water returned to most homes in Salamiyah on Tuesday, nine days after a "
    "landslide broke the main pipeline from the Orontes pumping station, the city's water directorate said.\n\n"
    "Engineer Rami Haddad, who led the repair crew, said 40 workers replaced a 120-metre section of the pipe and "
    "tested it for two days before the pumps were switched back on. Pressure in the eastern neighbourhoods would stay "
    "low until Thursday, he said.\n\nDuring the outage the directorate sent 25 tanker trucks a day to the city, but "
    "residents said the queues at the tankers often lasted four hours. Mona Khalil, a teacher, said her family of six "
    "had bought water from private sellers at 15,000 pounds a barrel.\n\nThe governor of Hama, Ziad Mansour, visited "
    "the pumping station on Tuesday and promised to fund a second line so that one landslide could not cut off the "
    "city of 110,000 people again."))
SALAMIYAH_EDITED = ("Salamiyah taps flow again as pipeline is fixed", (
    "SALAMIYAH, Syria (Hama Post) - Tap water came back to most homes in Salamiyah on Tuesday, nine days after a "
    "landslide ruptured the main pipeline from the Orontes pumping station, the city's water directorate said.\n\n"
    "Engineer Rami Haddad, who led the repair team, said 40 workers replaced a 120-metre section of the pipe and "
    "checked it for two days before the pumps were turned back on. Pressure in the eastern districts would remain "
    "low until Thursday, he said.\n\nDuring the outage the directorate sent 25 tanker trucks a day to the city, but "
    "residents said the lines at the tankers often took four hours. Mona Khalil, a teacher, said her family of six "
    "had bought water from private vendors at 15,000 pounds a barrel.\n\nThe governor of Hama, Ziad Mansour, toured "
    "the pumping station on Tuesday and pledged to pay for a second line so that one landslide could not cut off the "
    "city of 110,000 people again."))


def test_a_lightly_edited_copy_reporting_the_same_facts_is_a_duplicate() -> None:
    original, edited = sketch_article(*SALAMIYAH_ORIGINAL), sketch_article(*SALAMIYAH_EDITED)
    decision = decide("edited", 1.0, edited, [IndexedDoc("original", 0.0, original.to_bytes(), "original")])
    assert decision.duplicate_of == "original"
    assert decision.similarity is not None and decision.similarity < 0.75
