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


# A wire naming the town, the day and the toll, and otherwise people (4 of its 12 features any language can say).
PEOPLE_WIRE = sketch_article("Rocket strike kills seven in Azaz market", (
    "Rockets hit the vegetable market of Azaz on Tuesday, killing 7 people, civil defence volunteer Karim Haddad "
    "said. Hospital director Samir Othman said most of the dead were traders, and council head Yusuf Dallal called "
    "on the Syrian Interim Government for help."))
ARABIC_LEAD = "قتل 7 اشخاص يوم الثلاثاء بقصف صاروخي على سوق الخضار في اعزاز، ونقل الجرحى الى مشافي مدينة منبج."
ARABIC_BODY = (
    "وقال شهود ان القذائف سقطت في ساعات الصباح الاولى حين كان السوق مزدحما بالباعة والمتسوقين، "
    "وان النيران اشتعلت في عدد من البسطات والمحال التجارية قبل ان تتمكن فرق الدفاع المدني من اخمادها. "
    "واضاف الشهود ان سيارات الاسعاف نقلت المصابين على عجل، وان الاهالي ساعدوا في رفع الانقاض عن الطرقات. "
    "ولم تعلن اي جهة مسؤوليتها عن القصف حتى مساء اليوم، فيما اغلقت المحال ابوابها في المدينة حدادا على الضحايا.")


def test_a_full_report_in_another_language_sharing_four_of_its_features_joins_either_way() -> None:
    # Azaz, Tuesday (twice: the name and the event's day) and the toll, with one more of its own (Manbij's hospitals).
    arabic = sketch_article("قصف صاروخي على سوق اعزاز", ARABIC_LEAD + "\n\n" + ARABIC_BODY)
    assert arabic.shingle_count > 40
    wire = IndexedDoc("wire", 0.0, PEOPLE_WIRE.to_bytes(), "wire")
    assert decide("arabic", 1.0, arabic, [wire]).story_id == "wire"
    assert decide("wire", 1.0, PEOPLE_WIRE, [IndexedDoc("arabic", 0.0, arabic.to_bytes(), "arabic")]).story_id \
        == "arabic"  # fmt: skip


def test_a_brief_sharing_four_such_features_still_needs_five() -> None:
    # The same lead alone (a feed item): a town, a day and a toll fit several events.
    brief = sketch_article("قصف صاروخي على سوق اعزاز", ARABIC_LEAD)
    assert brief.shingle_count <= 40
    assert decide("brief", 1.0, brief, [IndexedDoc("wire", 0.0, PEOPLE_WIRE.to_bytes(), "wire")]).story_id == "brief"
