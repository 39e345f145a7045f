"""`newsmon report`: the HTML report of a period, from a store the real pipeline filled."""

import json
import os
import subprocess
import sys

import lxml.html

from newsmon.store.feeds import FeedSpec
from tests.feed_server import Route
from tests.pipeline_helpers import run_pipeline_over
from tests.test_cli_reads import env_for, two_outlet_feeds

HOSTILE_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>x</title><link>https://hostile.example/</link><description>d</description>
<item><title>&lt;script&gt;alert(1)&lt;/script&gt; Shelling in Syria's Idlib</title>
<link>https://hostile.example/a</link><pubDate>Thu, 05 Nov 2026 09:00:00 GMT</pubDate>
<description>Five people were killed in Idlib in Syria, the &lt;b&gt;Civil Defence&lt;/b&gt; said.</description></item>
</channel></rss>"""


def newsmon(*args: str, settings) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsmon", *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, **env_for(settings)})  # fmt: skip


async def test_report_charts_and_tables_what_the_store_holds_and_escapes_feed_text(make_settings, feed_server,
                                                                                   tmp_path):  # fmt: skip
    settings = make_settings()
    feed_server.routes["/hostile.xml"] = Route(200, HOSTILE_FEED, {"Content-Type": "application/rss+xml"})
    hostile = FeedSpec(url=feed_server.url("hostile.xml"), name="h", outlet="<i>Hostile</i> Desk", language="en")
    await run_pipeline_over(settings, [*two_outlet_feeds(feed_server), hostile])
    page_path = tmp_path / "report.html"
    result = newsmon("report", "--since", "2026-11-01", "--output", str(page_path), settings=settings)
    assert result.returncode == 0, result.stderr[-3000:]
    page_text = page_path.read_text()
    assert "<script" not in page_text and "<i>Hostile" not in page_text  # feed text is text, never markup
    page = lxml.html.fromstring(page_text)
    assert page.findtext(".//h1") == "newsmon report, 2026-11-01 to now"
    facts = {item.text_content().split(" ", 1)[1]: int(item.findtext("b")) for item in page.find_class("facts")[0]}
    assert facts["articles"] == 7 and facts["outlets"] == 3
    claims = [json.loads(line) for line in newsmon("query", "claims", "--format", "json", "--limit", "1000",
                                                    settings=settings).stdout.splitlines()]  # fmt: skip
    assert facts["claims"] == len(claims)
    charts = page.findall(".//svg")
    assert len(charts) == 4  # articles a day, claims a day, who claims most, disputes over time
    chart_text = " ".join(" ".join(chart.itertext()) for chart in charts)
    assert "Wire Desk" in chart_text and "<i>Hostile</i> Desk" in chart_text  # the outlet as text, escaped
    speakers = [row.xpath("td/text()") for row in page.find_class("speakers")[0].findall("tr")[1:]]
    counted: dict[str, int] = {}
    for claim in claims:
        counted[claim["speaker"]] = counted.get(claim["speaker"], 0) + 1
    assert {row[0]: int(row[2]) for row in speakers} == counted
    disputed = [heading.text_content() for heading in page.findall(".//article/h3")]
    assert disputed == ["SDF says drone strike hit car near Qamishli"]


def test_report_of_an_empty_period_says_so_and_a_bad_time_is_one_line(tmp_path):
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    empty = subprocess.run([sys.executable, "-m", "newsmon", "report"], capture_output=True, text=True, timeout=180,
                           env=env)  # fmt: skip
    assert empty.returncode == 0, empty.stderr[-3000:]
    page = lxml.html.fromstring(empty.stdout)
    assert page.findall(".//svg") == [] and len(page.find_class("empty")) == 7
    bad = subprocess.run([sys.executable, "-m", "newsmon", "report", "--since", "last week"], capture_output=True,
                         text=True, timeout=180, env=env)  # fmt: skip
    assert bad.returncode == 2 and "--since 'last week'" in bad.stderr and "Traceback" not in bad.stderr
