"""An article joins the story its candidates are closest to on average (average linkage), each story article counted
once. In a story of three or more articles (story_link.STORY_TRIM_MIN_ARTICLES) the one least like the newcomer does not
count: an analysis piece or a feature on the event's aftermath names other people and places than the event's own
reports, and pulled another outlet's report of the event under the bar."""

from consumers.dedupe.decide import Scores, decide_scored
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import sketch_article
from consumers.dedupe.story_link import story_similarity

REPORT = sketch_article("Fire guts grain silo in Tal Hamis", (
    "A fire destroyed a grain silo in Tal Hamis on Monday, the Hasakah civil defence said. Silo manager Dilovan Omar "
    "said 3,000 tonnes of wheat burned."))


def _decide(similarities: list[float], story_ids: list[str]) -> str:
    docs = [IndexedDoc(f"d{i}", float(i), b"", story) for i, story in enumerate(story_ids)]
    count = len(docs)
    # Scores whose story figures give the wanted similarities: shared features over an equal union, same unknown day.
    scores = Scores([0.0] * count, similarities, [0] * count, [True] * count, [0] * count, [20] * count,
                    [-1] * count, [0] * count, [-1] * count, [False] * count)  # fmt: skip
    return decide_scored("new", float(count), REPORT, docs, scores).story_id


def test_the_similarity_is_the_jaccard_here() -> None:
    assert story_similarity(0.45, 0, (20, 20), (-1, -1)) == 0.45


def test_a_story_of_three_articles_is_joined_without_the_one_least_like_the_newcomer() -> None:
    # The wire 0.46, another outlet 0.42, the aftermath feature 0.15: 0.34 on average, 0.44 without the feature.
    assert _decide([0.46, 0.42, 0.15], ["d0", "d0", "d0"]) == "d0"


def test_two_articles_both_count() -> None:
    assert _decide([0.46, 0.15], ["d0", "d0"]) == "new"


def test_one_look_alike_among_three_does_not_pull_the_newcomer_in() -> None:
    # A sibling event like one report of the story (a same-town strike with the same officials) but not the others.
    assert _decide([0.55, 0.2, 0.15], ["d0", "d0", "d0"]) == "new"


def _decide_with_members(similarities: list[float], members: list[tuple[int, int]]) -> str:
    # One story "d0"; each member's (story features any language can express, shingles) of its 12 story features.
    docs = [IndexedDoc(f"d{i}", float(i), b"", "d0") for i in range(len(members))]
    count = len(docs)
    scores = Scores([0.0] * count, similarities, [shingles for _, shingles in members], [True] * count, [0] * count,
                    [12] * count, [-1] * count, [expressible for expressible, _ in members], [-1] * count,
                    [False] * count)  # fmt: skip
    return decide_scored("new", float(count), REPORT, docs, scores).story_id


def test_a_translation_under_the_bar_says_nothing_against_another_outlets_report() -> None:
    # The wire 0.46 and its Arabic version (a full report: 90 shingles, every feature a gazetteer name, a number or a
    # day) 0.25: the Arabic one cannot share this report's manager, so the story is joined on the wire.
    assert _decide_with_members([0.46, 0.25], [(8, 120), (12, 90)]) == "d0"


def test_a_short_brief_naming_only_what_any_language_can_still_counts() -> None:
    # An English feed item of 25 shingles giving the town, the day and another toll is evidence of another event.
    assert _decide_with_members([0.46, 0.25], [(8, 120), (12, 25)]) == "new"


def test_a_translation_alone_under_the_bar_is_no_story_to_join() -> None:
    assert _decide_with_members([0.25], [(12, 90)]) == "new"


def test_a_translation_counts_among_a_storys_articles_for_the_trim() -> None:
    # The wire 0.46, an aftermath feature 0.15, the wire's Arabic version 0.25: three articles, the feature trimmed.
    assert _decide_with_members([0.46, 0.15, 0.25], [(8, 120), (6, 150), (12, 90)]) == "d0"
