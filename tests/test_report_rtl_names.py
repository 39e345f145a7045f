"""Arabic names beside Latin ones in the report: each name is isolated (<bdi>), so that the bidirectional algorithm
never runs two right-to-left names together across a separator and swaps their places on screen."""

from datetime import timedelta

import lxml.html

from newsmon.report.html import gather, render
from newsmon.store import articles, claims
from newsmon.store.filters import Filters
from tests.test_report_relays_and_disputes import DAY, stored_article, stored_claim

SPEAKERS = ["Syrian Arab Army", "المرصد السوري لحقوق الإنسان"]
OUTLETS = ["عنب بلدي", "Levant Wire"]


async def test_a_disputes_speakers_and_outlets_are_each_isolated(store):
    async with store.sessions.begin() as session:
        for number, (speaker, outlet) in enumerate(zip(SPEAKERS, OUTLETS, strict=True)):
            speaker_id = await claims.speaker_id(session, speaker, "", [])
            article_id = f"art{number}"
            await articles.insert_many(session, [stored_article(article_id, outlet, DAY + timedelta(hours=number),
                                                                story_id="story")], [], [])  # fmt: skip
            cue = "denied" if number else "said"
            await claims.replace_for_article(session, article_id, 1, [stored_claim(article_id, 0, speaker_id, cue)])
    page = lxml.html.fromstring(render(await gather(store, Filters(since=DAY - timedelta(days=1)), 15)))
    (who,) = page.find_class("who")
    # 'Syrian Arab Army, المرصد · عنب بلدي, Levant Wire' shows the outlet before the speaker: the two Arabic names
    # and the dot between them are one right-to-left run.
    assert [element.text for element in who.findall("bdi")] == [*SPEAKERS, *OUTLETS]
    (title,) = page.findall(".//article/h3")
    assert title.get("dir") == "auto"  # an Arabic headline reads right to left
