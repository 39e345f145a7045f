"""A one-line post (a "BREAKING" line, a Telegram post) names too few things for a story sketch, so no story band found
it or found for it the reports of its event. Its headline names the town (sketch.headline_name_keys finds the pair),
and when the headlines tell the same thing (three shared words, one of them that town) the post and the reports are
one story (story_link.SHORT_POST_MIN_SHARED_HEADLINE_WORDS); otherwise it says nothing about a story, and does not
hold its reports apart. A post about another town's event stays apart."""

from sqlalchemy import select

from consumers.dedupe.article import dedupe
from consumers.dedupe.decide import decide
from consumers.dedupe.index import IndexedDoc, MemoryIndex
from consumers.dedupe.sketch import sketch_article
from consumers.dedupe.stage import DedupeStage
from newsmon.store.models import ArticleRow
from newsmon.store.session import Store
from schemas.topics import Topics
from tests.consumers.dedupe.test_dedupe_stage import deliveries, item

POST = "BREAKING: Fire tears through cotton warehouse in Jarablus, firefighters on scene — local sources"
REPORT = ("Cotton warehouse fire in Jarablus destroys harvest stocks", (
    "JARABLUS (Euphrates Courier) - A fire destroyed a cotton warehouse on the eastern edge of Jarablus on Sunday "
    "night, the town's civil defence chief Mahmoud Haddad said. Nobody was hurt, but trader Yasser Kanjo said 400 "
    "tonnes of ginned cotton bought from farmers around Shuyukh burned. The local council said it would ask the "
    "Aleppo chamber of agriculture to compensate the farmers who had not been paid."))
OTHER_REPORT = ("Warehouse blaze in Jarablus guts cotton stores", (
    "A blaze gutted cotton stores in a warehouse in Jarablus on Sunday, the Euphrates Courier and residents said. "
    "Firefighter Ali Hamwi said crews from Shuyukh and Ghandoura fought it for six hours, and merchant Yasser Kanjo "
    "put the loss at 400 tonnes."))


def test_a_breaking_post_and_the_reports_of_its_event_are_one_story() -> None:
    post = sketch_article(POST, "")
    assert not post.has_story  # too few story features: no story band keys
    index = MemoryIndex()
    dedupe(index, "post", POST, "", 0.0)
    assert dedupe(index, "report", *REPORT, 1.0).story_id == "post"
    # The report that follows is close to the first report; the post does not hold it out of their story.
    assert dedupe(index, "other", *OTHER_REPORT, 2.0).story_id == "post"


def test_a_post_after_the_report_joins_its_story() -> None:
    index = MemoryIndex()
    dedupe(index, "report", *REPORT, 0.0)
    assert dedupe(index, "post", POST, "", 1.0).story_id == "report"


def test_a_post_about_another_towns_fire_stays_apart() -> None:
    # The same words and province, another town: Manbij is not among the report's names.
    report = sketch_article(*REPORT)
    stored = [IndexedDoc("report", 0.0, report.to_bytes(), "report")]
    other_town = sketch_article("BREAKING: Fire tears through cotton warehouse in Manbij, east of Aleppo", "")
    assert decide("post", 1.0, other_town, stored).story_id == "post"


def test_two_posts_sharing_a_town_and_two_words_only_stay_apart() -> None:
    # Two one-line posts need one more shared headline word than a post and a report: a market fire and a shooting.
    first = sketch_article("BREAKING: Fire at the vegetable market in Azaz", "")
    second = sketch_article("Azaz vegetable market: gunfire, two wounded", "")
    stored = [IndexedDoc("first", 0.0, first.to_bytes(), "first")]
    assert decide("second", 1.0, second, stored).story_id == "second"


def test_a_post_naming_another_town_of_the_province_stays_apart() -> None:
    # Both headlines name Aleppo (the province) and the fire, but each a town the other's headline and lead do not.
    report = sketch_article("Aleppo: cotton warehouse fire in Jarablus destroys stocks", REPORT[1])
    stored = [IndexedDoc("report", 0.0, report.to_bytes(), "report")]
    other_town = sketch_article("BREAKING: Fire tears through cotton warehouse in Manbij, Aleppo countryside", "")
    assert decide("post", 1.0, other_town, stored).story_id == "post"
    same_town = sketch_article("BREAKING: Fire tears through cotton warehouse in Jarablus, Aleppo countryside", "")
    assert decide("post", 1.0, same_town, stored).story_id == "report"


async def _stories_by_url(store: Store) -> dict[str, str | None]:
    async with store.sessions() as session:
        rows = (await session.execute(select(ArticleRow.url, ArticleRow.story_id))).all()
    return {url.rsplit("/", 1)[1]: story for url, story in rows}


async def test_the_stage_finds_a_posts_reports_in_a_later_batch_and_in_its_own(store: Store) -> None:
    post, report = item("telegram", "post", POST, ""), item("courier", "report", *REPORT)
    other = item("daily", "other", *OTHER_REPORT)
    stage = DedupeStage(store, Topics())
    await stage.process(deliveries([post]))
    await stage.process(deliveries([report, other]))
    assert await _stories_by_url(store) == {"post": post.item_id, "report": post.item_id, "other": post.item_id}


AMUDA_REPORT = sketch_article("Two Asayish members killed in Turkish drone strike near Amuda", (
    "AMUDA (Khabur Post) - A Turkish drone struck a car on the road between Amuda and Qamishli, killing two members of "
    "the Asayish internal security forces, the Asayish general command said. Farmer Dilshad Hesso said the car burned "
    "near the Girkê junction; doctor Rezan Kalo at the Amuda hospital said a third man, driver Ciwan Osman, was hurt. "
    "The SDF blamed Ankara."))


def _joins_amuda_report(post: str) -> bool:
    sketch = sketch_article(post, "")
    assert 4 <= sketch.story_count <= 6  # a few story features: the town, the group, the toll, the outlet
    stored = [IndexedDoc("report", 0.0, AMUDA_REPORT.to_bytes(), "report")]
    return decide("post", 1.0, sketch, stored).story_id == "report"


def test_a_post_with_a_few_story_features_under_a_headline_telling_the_same_joins_the_report() -> None:
    # Four of its five features are the report's twenty (a Jaccard of 0.19); the headlines share five words.
    assert _joins_amuda_report("BREAKING: Turkish drone strikes car near Amuda, two Asayish members killed — Hawar")


def test_a_post_with_a_few_story_features_sharing_three_headline_words_stays_apart() -> None:
    # One more word than a post without story features needs: its own features were compared already.
    post = "BREAKING: Turkish shelling hits an Asayish checkpoint outside Amuda, Hawar's Baran Ali says"
    assert not _joins_amuda_report(post)
