"""Two outlets' own reports of one event, opening on the same day: each names its own sources, officials and
outlet, so they share the event's place, day, victim's details and group, eight or nine of some eighteen features
each, a Jaccard near a third. On the same day that many shared features count more
(story_link.STORY_SAME_DAY_FACTOR)."""

from consumers.dedupe.decide import decide
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import sketch_article

FIRST = sketch_article("One killed in drone strike on motorcycle near Tell Tamr", (
    "TELL TAMR (Khabur Post) - A man was killed on Wednesday when a drone struck his motorcycle near the village of "
    "Umm al-Kef, west of Tell Tamr, the Asayish said. The victim, Sipan Ehmed, 27, was a volunteer with the Khabur "
    "Guards, commander Robar Sino told Khabur Post. Ankara did not comment; the AANES counted 12 such strikes since "
    "June."))


def _report(day: str) -> str:
    sketch = sketch_article("Drone kills motorcyclist west of Tell Tamr", (
        f"QAMISHLI (Jazira Voice) - A Turkish drone killed a 27-year-old volunteer of the Khabur Guards on the road to "
        f"Umm al-Kef west of Tell Tamr on {day}, residents told Jazira Voice. Farhad Derik of the Hasakah health "
        "directorate said the body was taken to Qamishli. Rights monitor Hevi Salih called it the third strike this "
        "month."))
    return decide("second", 1.0, sketch, [IndexedDoc("first", 0.0, FIRST.to_bytes(), "first")]).story_id


def test_another_outlets_same_day_report_sharing_nine_features_joins_the_story() -> None:
    assert _report("Wednesday") == "first"


def test_the_same_report_of_another_day_stays_apart() -> None:
    assert _report("Friday") == "second"
