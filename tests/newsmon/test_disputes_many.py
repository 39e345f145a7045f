"""A story with many voices: its conflicting figures are one reason a group, each voice's figure named once (not
every pair: forty tolls made 734 lines a story, and a report of 200 disputes 10 MB)."""

from newsmon.report.disputes import disputes
from tests.newsmon.test_disputes import claim, toll


def test_many_conflicting_figures_of_one_thing_are_one_reason_naming_each_once():
    story = [claim(f"Speaker {number}", f"{10 * number} people were killed", hours=number,
                   quantities=(toll(10 * number, "people"),)) for number in range(1, 7)]  # fmt: skip
    story.append(claim("Speaker 1", "10 people were killed", hours=7, quantities=(toll(10, "people"),)))  # again
    story.append(claim("Speaker 7", "5 families fled", hours=8, quantities=(toll(5, "families"),)))
    story.append(claim("Speaker 8", "50 families fled", hours=9, quantities=(toll(50, "families"),)))
    (found,) = disputes(story)
    assert found.reasons == [
        "Speaker 1 says 10 people, Speaker 2 says 20 people, Speaker 3 says 30 people, Speaker 4 says 40 people, "
        "Speaker 5 says 50 people, Speaker 6 says 60 people",
        "Speaker 7 says 5 families, Speaker 8 says 50 families",
    ]
    assert [c.speaker for c in found.claims] == [*(f"Speaker {number}" for number in range(1, 7)), "Speaker 1",
                                                 "Speaker 7", "Speaker 8"]  # fmt: skip
