"""Where claims disagree: denials and different numbers for one thing, from claims grouped by story."""

from datetime import UTC, datetime, timedelta

from newsmon.report.disputes import StoryClaim, disputes

DAY = datetime(2026, 11, 10, 8, 0, tzinfo=UTC)


def claim(speaker: str, text: str, *, story: str = "s1", cue: str = "said", hours: int = 0, outlet: str = "Wire",
          quantities: tuple[dict, ...] = ()) -> StoryClaim:  # fmt: skip
    return StoryClaim(story, f"title of {story}", DAY + timedelta(hours=hours), outlet, speaker, cue, text,
                      list(quantities))  # fmt: skip


def toll(value: float, unit: str = "civilians", qualifier: str = "", value_max: float | None = None) -> dict:
    return {"text": f"{qualifier} {value:g} {unit}".strip(), "value": value, "value_max": value_max, "unit": unit,
            "qualifier": qualifier}  # fmt: skip


def test_a_denial_by_another_speaker_of_the_story_is_a_dispute():
    found = disputes([claim("SDF", "a Turkish drone hit a car", hours=0),
                      claim("Turkish Ministry of Defence", "hitting civilians", cue="also denied", hours=2,
                            outlet="Agency")])  # fmt: skip
    assert len(found) == 1
    assert found[0].speakers == ["SDF", "Turkish Ministry of Defence"] and found[0].outlets == ["Wire", "Agency"]
    assert found[0].reasons == ["Turkish Ministry of Defence also denied: hitting civilians (answering SDF: a Turkish "
                                "drone hit a car)"]  # fmt: skip
    assert [c.speaker for c in found[0].claims] == ["Turkish Ministry of Defence"]


def test_one_speaker_alone_disputes_nothing_even_when_denying():
    assert disputes([claim("Pentagon", "the allegations", cue="rejected"), claim("Pentagon", "troops remain")]) == []


def test_numbers_of_one_thing_that_cannot_both_be_true_are_a_dispute():
    found = disputes([claim("SOHR", "at least 12 civilians were killed", quantities=(toll(12, qualifier="at least"),)),
                      claim("Governor", "three civilians died", hours=1, story="s1",
                            quantities=(toll(3, unit="civilian"),))])  # fmt: skip
    assert len(found) == 1
    assert found[0].reasons == ["SOHR says at least 12 civilians, Governor says 3 civilian"]
    assert {c.speaker for c in found[0].claims} == {"SOHR", "Governor"}


def test_numbers_that_can_both_be_true_or_count_other_things_are_no_dispute():
    compatible = [
        (toll(40, "fighters", "more than"), toll(50, "fighters")),  # 50 is more than 40
        (toll(100, "people", "about"), toll(110, "people")),  # about 100
        (toll(20, "families", value_max=30), toll(25, "families")),  # 20 to 30
        (toll(12, "civilians"), toll(3, "soldiers")),  # other things counted
        (toll(12, "civilians"), toll(3, "")),  # a bare number counts nothing comparable
    ]
    for first, second in compatible:
        claims = [claim("A", "x", quantities=(first,)), claim("B", "y", quantities=(second,))]
        assert disputes(claims) == [], (first, second)
    same_speaker = [claim("A", "x", quantities=(toll(12),)), claim("A", "y", quantities=(toll(3),))]
    assert disputes([*same_speaker, claim("B", "z")]) == []  # a speaker who changed a figure is not two sides


def test_only_claims_of_one_story_are_compared_and_newest_stories_come_first():
    found = disputes([claim("A", "x", story="old", quantities=(toll(12),)),
                      claim("B", "y", story="other", quantities=(toll(3),)),  # another story: no dispute with A
                      claim("C", "p", story="new", hours=30), claim("D", "q", story="new", cue="denied", hours=31),
                      claim("E", "r", story="older", hours=-5), claim("F", "s", story="older", cue="refuted")])
    assert [d.story_id for d in found] == ["new", "older"]
    assert found[0].as_dict()["first_published_at"] == (DAY + timedelta(hours=30)).isoformat()
