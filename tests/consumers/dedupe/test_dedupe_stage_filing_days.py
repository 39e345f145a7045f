"""In the stage an article's filing day is known without a dateline: the item's publication time. Two reports of the
same zone, officials and weekday published a week apart are two events; a publication time the feed did not give
(the poll time, `is_published_at_estimated`) says nothing."""

from datetime import timedelta

from consumers.dedupe.stage import DedupeStage, sketch_items
from newsmon.store.session import Store
from schemas.items import FeedItem
from schemas.topics import Topics
from tests.consumers.dedupe.test_dedupe_stage import WHEN, deliveries, item, rows

FIRST_FIRE = ("Two workers killed in fire at Adra textile mill", (
    "A fire gutted the dyeing hall of the Barada textile mill in the Adra industrial city north-east of Damascus on "
    "Thursday, killing two workers and injuring seven, civil defence officials said.\n\nThe fire started in a boiler "
    "room, said Brigadier Nizar Khoury, head of the civil defence in Rif Dimashq. Adra's director, engineer Samer "
    "Dakkak, said 300 people work at the mill."))
SECOND_FIRE = ("Fire at Adra plastics depot, no casualties", (
    "A fire destroyed a plastics depot in the Adra industrial city north-east of Damascus on Thursday, a week after a "
    "blaze at the Barada textile mill killed two workers, civil defence officials said.\n\nNo one was hurt, said "
    "Brigadier Nizar Khoury, head of the civil defence in Rif Dimashq. Adra's director, engineer Samer Dakkak, said "
    "the depot had passed an inspection."))


def _pair(days_later: int, estimated: bool = False) -> list[FeedItem]:
    first = item("wire", "mill-fire", *FIRST_FIRE)
    second = item("wire", "depot-fire", *SECOND_FIRE)
    second = second.model_copy(update={"published_at": WHEN + timedelta(days=days_later),
                                       "is_published_at_estimated": estimated})  # fmt: skip
    return [first, second]


def test_an_items_publication_day_is_its_sketchs_filing_day_unless_estimated() -> None:
    first, second = _pair(7)
    assert [sketch.event_date for sketch in sketch_items([first, second])] == [327, 334]  # 23 and 30 November
    assert sketch_items(_pair(7, estimated=True))[1].event_date is None


async def _stories(store: Store, items: list[FeedItem]) -> set[str | None]:
    await DedupeStage(store, Topics()).process(deliveries(items))
    return {story for url, story in (await rows(store))["articles"]}


async def test_the_same_zones_next_fire_published_a_week_later_is_its_own_story(store: Store) -> None:
    assert len(await _stories(store, _pair(7))) == 2


async def test_without_publication_days_the_two_fires_look_like_one_story(store: Store) -> None:
    # What the rule is for: the zone, the officials and the weekday are all the second fire shares with the first.
    assert len(await _stories(store, _pair(7, estimated=True))) == 1
