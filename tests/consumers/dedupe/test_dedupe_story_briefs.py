"""A brief (a one-line alert, a Telegram post, a headline and one sentence) keeps a handful of story features: the
place, the day, the toll. When every one of them is in a fuller report, it says nothing that report does not, and
joins its story, although its Jaccard with that report's fifteen features is a quarter."""

from consumers.dedupe.decide import decide
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import sketch_article

WIRE = sketch_article("Grain silo collapses in Qamishli", (
    "Part of the old grain silo in Qamishli collapsed on Thursday, killing 2 workers and injuring 5, municipal "
    "engineer Farhad Yousef said. Crews from the Hasakah fire brigade worked through the night, and silo manager "
    "Dilovan Saleh said 300 tonnes of wheat were lost. Governor Ahmed Hammoud ordered an inquiry by the Agriculture "
    "Directorate."))


def _story_of(title: str, body: str) -> str:
    sketch = sketch_article(title, body)
    return decide("brief", 1.0, sketch, [IndexedDoc("wire", 0.0, WIRE.to_bytes(), "wire")]).story_id


def test_a_brief_whose_every_feature_the_wire_has_joins_its_story() -> None:
    title, body = "Silo collapse", "2 workers were killed when part of a grain silo in Qamishli fell down on Thursday."
    assert sketch_article(title, body).story_count == 4  # the town, the weekday (a name and the event's day), the toll
    assert _story_of(title, body) == "wire"


def test_a_short_report_naming_someone_the_wire_does_not_stays_apart() -> None:
    # The same town, day and number and a witness of its own: four of its six features, a contained share that still
    # needs STORY_MIN_SHARED_CONTAINED (five: a town, a day and a number fit many events).
    assert _story_of("Silo fire", "A fire broke out at a grain silo in Qamishli on Thursday; 2 workers were treated "
                                  "for smoke, Rojhat Ali said.") == "brief"  # fmt: skip


def test_a_post_with_no_body_is_read_for_names_like_a_lead() -> None:
    # A Telegram post is one line in the headline's place: its capitalised words are names, as in a lead, not
    # lowercase content words ("collapsed", "workers") that no report's names can share.
    post = "🔴 Part of the old grain silo in Qamishli collapsed on Thursday, killing 2 workers, Farhad Yousef said"
    assert sketch_article(post, "").story_count == 6  # the town, the day (a name and the event's day), 2, the engineer
    assert _story_of(post, "") == "wire"
    assert _story_of(post, "\n \n") == "wire"
