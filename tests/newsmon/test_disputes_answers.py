"""A denial in the dispute list names the claim it answers: another speaker's claim of the story, the one sharing
most words with it (the nearest said before it when several share as many)."""

from newsmon.report.disputes import disputes
from tests.newsmon.test_disputes import claim


def test_a_denial_names_the_other_voice_s_claim_it_answers():
    found = disputes([claim("Kurdish-led forces", "a Turkish drone struck a car near Qamishli", hours=0),
                      claim("Governor", "schools in the province reopened", hours=1),
                      claim("Defence Ministry", "that its drone struck the car", cue="denied", hours=2),
                      claim("SOHR", "the car carried two fighters", hours=3)])  # fmt: skip
    assert found[0].reasons == ["Defence Ministry denied: that its drone struck the car (answering Kurdish-led "
                                "forces: a Turkish drone struck a car near Qamishli)"]  # fmt: skip


def test_a_denial_sharing_no_word_with_several_claims_names_none():
    found = disputes([claim("Kurdish-led forces", "a strike hit a convoy", hours=0),
                      claim("Governor", "schools reopened", hours=1),
                      claim("Defence Ministry", "the allegations", cue="rejected", hours=2)])  # fmt: skip
    assert found[0].reasons == ["Defence Ministry rejected: the allegations"]


def test_a_denial_of_the_only_other_voice_names_its_claim_and_never_another_denial():
    found = disputes([claim("Activists", "militiamen looted homes in Tadef", hours=0),
                      claim("Interior Ministry", "the reports", cue="dismissed", hours=1),
                      claim("Army", "any looting", cue="denied", hours=2)])  # fmt: skip
    assert found[0].reasons == [
        "Interior Ministry dismissed: the reports (answering Activists: militiamen looted homes in Tadef)",
        "Army denied: any looting (answering Activists: militiamen looted homes in Tadef)"]  # fmt: skip
