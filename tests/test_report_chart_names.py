"""Names from feeds in the report's charts are text as written: dollar signs are not TeX, a leading underscore does
not hide an outlet from the legend, and a very long name leaves the chart readable."""

from datetime import timedelta

import lxml.html

from newsmon.report.html import gather, render
from newsmon.store import articles, claims
from newsmon.store.filters import Filters
from tests.test_report_relays_and_disputes import DAY, stored_article, stored_claim

NAMES = [r"Cost $5 \frac{ and $6", r"$\alpha$ Wire", "_Underscore Outlet", "المرصد السوري لحقوق الإنسان",
         "Normal Wire"]  # fmt: skip


async def _fill(store, names: list[str]) -> None:
    """One article a name, by an outlet of that name, with one claim by a speaker of that name."""
    async with store.sessions.begin() as session:
        for number, name in enumerate(names):
            speaker = await claims.speaker_id(session, name, "", [])
            article_id = f"art{number:03d}"
            await articles.insert_many(session, [stored_article(article_id, name, DAY + timedelta(hours=number))],
                                       [], [])  # fmt: skip
            await claims.replace_for_article(session, article_id, 1, [stored_claim(article_id, 0, speaker)])


def chart_texts(page, caption: str) -> list[str]:
    section = next(found for found in page.findall(".//section") if found.findtext("h2") == caption)
    return [text.text_content() for text in section.iter("{*}text", "text")]


async def test_names_with_dollar_signs_and_underscores_are_charted_as_written(store):
    await _fill(store, NAMES)
    page = lxml.html.fromstring(render(await gather(store, Filters(since=DAY - timedelta(days=1)), 15)))
    legend = chart_texts(page, "Articles a day, by outlet")
    speakers = chart_texts(page, "Who claims most")
    for name in NAMES:
        assert name in legend, name
        assert name in speakers, name


async def test_a_very_long_name_is_cut_in_the_charts_and_whole_in_the_table(store):
    long_name = "Coordination Office of the " + "Very " * 40 + "Long Council"
    twin = long_name.replace("Long Council", "Long Committee")  # cut alike: still two bars, not one
    await _fill(store, [long_name, twin, "Normal Wire"])
    page = lxml.html.fromstring(render(await gather(store, Filters(since=DAY - timedelta(days=1)), 15)))
    for caption in ("Articles a day, by outlet", "Who claims most"):
        texts = chart_texts(page, caption)
        assert "Normal Wire" in texts and long_name not in texts, caption
        cut = [text for text in texts if text.startswith("Coordination Office")]
        assert len(cut) == 2 and all(len(text) <= 60 and text.endswith("…") for text in cut), (caption, cut)
    speakers = [row.xpath("td/text()")[0] for row in page.find_class("speakers")[0].findall("tr")[1:]]
    assert long_name in speakers and twin in speakers


async def test_counts_are_ticked_in_whole_numbers(store):
    await _fill(store, ["One Wire", "Two Wire"])  # one day, one article and one claim an outlet
    page = lxml.html.fromstring(render(await gather(store, Filters(since=DAY - timedelta(days=1)), 15)))
    for caption in ("Articles a day, by outlet", "Claims a day", "Who claims most"):
        ticks = [text for text in chart_texts(page, caption) if text.replace(".", "").replace("−", "").isdigit()]
        assert ticks and all("." not in tick for tick in ticks), (caption, ticks)
