"""A report that says only what any language can (gazetteer places and actors, numbers, days: an Arabic-script
report, a brief) is compared with another on what of the other's it could have said, not on the witnesses,
officials and outlets the other also names."""

from consumers.dedupe.decide import decide
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import expressible_counts, sketch_article

WIRE = sketch_article("Rocket strike kills seven in Azaz market", (
    "Rockets hit the vegetable market of Azaz in Aleppo province on Tuesday, killing 7 people and wounding 23, "
    "civil defence volunteer Karim Haddad said. Hospital director Samir Othman said 4 children were among the "
    "wounded. Council head Yusuf Dallal blamed gunners near Tal Rifaat, and trader Nabil Sarraf said 12 stalls "
    "burned."))


def test_an_arabic_report_of_the_event_joins_the_wire_story_on_what_it_can_say() -> None:
    arabic = sketch_article("قصف صاروخي على سوق اعزاز", (
        "قتل 7 اشخاص واصيب 23 اخرون يوم الثلاثاء بقصف صاروخي على سوق اعزاز شمال حلب، بينهم 4 اطفال، "
        "وسقطت 3 صواريخ قرب الطريق الى منبج وجرابلس، وقال ناشطون ان القصف جاء من مواقع قرب الحدود مع تركيا."))
    mine, theirs = expressible_counts([arabic.story_values, WIRE.story_values]).tolist()
    assert mine == arabic.story_count  # it says only what any language can
    assert theirs < WIRE.story_count  # the wire names people too
    decision = decide("arabic", 1.0, arabic, [IndexedDoc("wire", 0.0, WIRE.to_bytes(), "wire")])
    assert decision.duplicate_of is None
    assert decision.story_id == "wire"


def test_an_arabic_report_of_another_event_in_the_same_town_on_the_same_day_stays_apart() -> None:
    other = sketch_article("انفجار في اعزاز", (
        "انفجرت عبوة ناسفة يوم الثلاثاء عند حاجز على مدخل اعزاز شمال حلب، ما ادى الى مقتل شخصين واصابة 9، "
        "واغلقت الطريق الى كلس لساعات."))
    decision = decide("other", 1.0, other, [IndexedDoc("wire", 0.0, WIRE.to_bytes(), "wire")])
    assert decision.story_id == "other"


def test_a_brief_inside_a_weekly_round_up_four_times_its_size_does_not_join_it() -> None:
    brief = sketch_article("Bakery fire in Manbij", "A fire gutted the Nour bakery in Manbij on Sunday, killing 3, "
                                                    "civil defence volunteers said.")  # fmt: skip
    # A headline without a round-up's mark ("The week in ...": text.is_overview_headline, no story features at all):
    # the size of its features is what keeps it apart.
    round_up = sketch_article("Seven days in northern Syria", (
        "The week began on Sunday, when a fire gutted the Nour bakery in Manbij, killing 3 workers, Rami Haddad said. "
        "Monday: Rockets hit Azaz, killing 7, said Karim Khalil. Tuesday: Floods in Atmeh left 400 families homeless, "
        "said Huda Rashid. Wednesday: Turkey shelled Kobani, said Jwan Ibrahim of the SDF. Thursday: 12 detainees were "
        "freed in Raqqa, said Bassam Darwish. Friday: Clashes in Deir ez-Zor killed 5, said Omar Abu Layla. Saturday: "
        "Talks in Damascus on 2 crossings ended, said Lina Haddad."))
    assert round_up.story_count > 4 * brief.story_count
    decision = decide("round-up", 1.0, round_up, [IndexedDoc("brief", 0.0, brief.to_bytes(), "brief")])
    assert decision.story_id == "round-up"
