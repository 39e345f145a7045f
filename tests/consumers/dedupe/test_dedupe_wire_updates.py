"""A wire's "UPDATE 1-" / "CORRECTED-" version of a story is that story's article, though its new top and rewritten
paragraphs leave it under half of the first version's shingles: the headline says it is a new version."""

from dataclasses import replace

import pytest

from consumers.dedupe.decide import decide
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import shared_title_words, sketch_article, sketch_from_bytes
from consumers.dedupe.text import is_update_headline
from tests.test_kill_anywhere import story

WIRE = ("Flash flood sweeps through Afrin valley, three missing", (
    "AFRIN, Syria, June 3 (Northline Agency) - A flash flood swept through villages in the Afrin valley after a night "
    "of heavy rain, destroying at least 40 homes and leaving three people missing, local officials said on Wednesday."
    "\n\nThe water rose within an hour after midnight and carried away cars and livestock in the villages of Maabatli "
    "and Sheikh al-Hadid, said Jamil Osman, head of the civil defence in the area. Rescue teams were searching the "
    "banks of the river with boats.\n\nAbout 250 families spent the night in mosques and schools in Afrin town, the "
    "local council said. The road to Jinderes was closed by mud and fallen trees.\n\nOsman said the missing were two "
    "children and their grandfather whose car was swept off a bridge near Maabatli. The region had received more rain "
    "in one night than in the whole of May, he said."))
UPDATE_BODY = (
    "AFRIN, Syria, June 4 (Northline Agency) - Rescuers on Thursday recovered the bodies of a man and his grandson "
    "who were swept away by a flash flood in the Afrin valley, and were still searching for a second child, local "
    "officials said.\n\nJamil Osman, head of the civil defence in the area, said the bodies were found 3 km downstream "
    "of the bridge near Maabatli where their car had been swept away on Tuesday night.\n\nThe flood destroyed at "
    "least 40 homes in villages of the Afrin valley. About 250 families spent the night in mosques and schools in "
    "Afrin town, the local council said. The road to Jinderes was closed by mud and fallen trees.\n\nThe region had "
    "received more rain in one night than in the whole of May, Osman said.")
HEADLINE = "Afrin flood: bodies of grandfather and child recovered, one still missing"


def _decide(title: str, body: str) -> tuple[str | None, str]:
    wire = sketch_article(*WIRE)
    decision = decide("later", 1.0, sketch_article(title, body), [IndexedDoc("wire", 0.0, wire.to_bytes(), "wire")])
    return decision.duplicate_of, decision.story_id


@pytest.mark.parametrize("marker", ["UPDATE 1-", "UPDATE 2 - ", "CORRECTED-", "REFILE-", "Updated: "])
def test_a_marked_update_of_the_wire_is_its_article(marker: str) -> None:
    assert _decide(marker + HEADLINE, UPDATE_BODY) == ("wire", "wire")


def test_the_same_text_without_the_marker_is_another_article() -> None:
    # Under half of the wire's shingles, and the facts moved on: an outlet's own report, not a copy.
    duplicate_of, _ = _decide(HEADLINE, UPDATE_BODY)
    assert duplicate_of is None


def test_a_marked_update_filed_a_week_later_is_not_the_wires_article() -> None:
    body = UPDATE_BODY.replace("June 4", "June 11")
    duplicate_of, _ = _decide("UPDATE 1-" + HEADLINE, body)
    assert duplicate_of is None


@pytest.mark.parametrize(("title", "is_update"), [
    ("UPDATE 3-Syria says talks postponed", True),
    ("(UPDATED) Toll from Aleppo blast rises", True),
    ("Toll from Aleppo blast rises (updated)", True),
    ("[Update 2] Toll from Aleppo blast rises", True),
    ("(محدّث) ارتفاع حصيلة انفجار حلب", True),
    ("تحديث: ارتفاع حصيلة انفجار حلب", True),
    ("(обновлено) Число погибших при взрыве в Алеппо выросло", True),
    ("(Update on the talks) nothing new", False),
    ("Syria's updated voter rolls (analysis)", False),
    ("CORRECTED-Toll from Aleppo blast rises", True),
    ("Update: toll rises to nine", True),
    ("Update on the Astana talks: no date yet", False),
    ("Syria to update its electoral rolls", False),
    ("Correction officers strike in Homs", False),
])  # fmt: skip
def test_update_markers_are_told_from_headlines_about_updates(title: str, is_update: bool) -> None:
    assert is_update_headline(title) is is_update


def test_a_marked_item_sharing_stock_sentences_with_another_events_report_is_not_its_version() -> None:
    # test_kill_anywhere's templated items: another feed reprints feed 0's first two reports an hour apart under an
    # "Update:" kicker, and the two reprints share half their shingles and 0.40 of their names. Were the second a
    # version of the first, feed 0's second report, arriving after them, would join the first one's article.
    first, second = (sketch_article(f"Update: {title}", f"{body} Follow us on Telegram for more news.")
                     for title, body in (story(0, 0), story(0, 1)))  # fmt: skip
    decision = decide("second", 1.0, second, [IndexedDoc("first", 0.0, first.to_bytes(), "first")])
    assert decision.duplicate_of is None


def test_headline_words_survive_the_store_and_an_old_sketch_without_them_still_reads() -> None:
    sketch = sketch_article("UPDATE 1-" + HEADLINE, UPDATE_BODY)
    assert sketch.title_values and sketch_from_bytes(sketch.to_bytes()) == sketch
    assert shared_title_words(sketch, sketch_article(*WIRE)) >= 2  # Afrin, flood, missing
    legacy = replace(sketch, event_date=None, title_values=b"")
    assert legacy.to_bytes() == sketch.to_bytes()[: len(legacy.to_bytes())]
    assert sketch_from_bytes(legacy.to_bytes()) == legacy
