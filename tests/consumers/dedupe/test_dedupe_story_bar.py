"""A similarity exactly at the story bar meets it (story_link.SIMILARITY_TOLERANCE): two thirds of a short report's
features found in a fuller one, weighted by STORY_CONTAINED_WEIGHT, is the bar's 0.40, which floating point made
0.39999999999999997 and so kept the two apart; so was a story's mean of 0.1 and 0.7."""

from consumers.dedupe.decide import Scores, decide_scored
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import sketch_article

# Nine story features: Tal Abyad, Sunday and its day, Raqqa, Ahmad, Saleh, Omar, Hamoud, 2.
REPORT = sketch_article("Bakery fire in Tal Abyad", (
    "A fire broke out in a bakery in Tal Abyad on Sunday, the Raqqa civil defence said. Baker Ahmad Saleh and his "
    "brother Omar said two of the Hamoud family ovens burned."))


def test_six_of_a_short_reports_nine_features_in_a_fuller_one_meet_the_bar() -> None:
    # 6 shared of its 9 and the other's 14: a Jaccard of 0.35, and 0.6 * 6 / 9 = 0.40 contained.
    assert len(REPORT.story_values) // 4 == 9
    docs = [IndexedDoc("d0", 0.0, b"", "d0")]
    scores = Scores([0.0], [6 / 17], [0], [True], [6], [14], [-1], [0], [-1], [False])
    assert decide_scored("new", 1.0, REPORT, docs, scores).story_id == "d0"


def test_a_story_whose_mean_is_the_bar_is_joined() -> None:
    # Two articles of one story at 0.1 and 0.7 (Jaccard, nothing else counting): a mean of 0.40.
    docs = [IndexedDoc("d0", 0.0, b"", "d0"), IndexedDoc("d1", 1.0, b"", "d0")]
    scores = Scores([0.0, 0.0], [0.1, 0.7], [0, 0], [True, True], [0, 0], [20, 20], [-1, -1], [0, 0], [-1, -1],
                    [False, False])  # fmt: skip
    assert decide_scored("new", 2.0, REPORT, docs, scores).story_id == "d0"
