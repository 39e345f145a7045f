"""Cost of the full-text stage's CPU part: trafilatura main-text extraction per article page.

Pages are built from the dev-data article texts (read in place from ../shared/dev-data, never copied)
wrapped in a news site's boilerplate (navigation, cookie banner, sidebar, related links, footer), so the
extractor has to find the article. Prints wall and CPU ms per page, and how much of each article came out.

    .venv/bin/python bench/fulltext_extract.py [--reps 3]
"""

import argparse
import html
import statistics
import time
from pathlib import Path

from consumers.fulltext.extract import ExtractJob, extract_main_text

DOCS = Path(__file__).resolve().parents[2] / "shared" / "dev-data" / "claims" / "docs"
CHROME = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<script>var analytics = {{id: 1}};{script}</script><link rel="stylesheet" href="/s.css"></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p><button>Accept</button></div>
<header><nav><ul>{nav}</ul></nav><form action="/search"><input name="q"></form></header>
<main><article><h1>{title}</h1><div class="byline">By Staff Writer, 2 November 2026</div>
<div class="article-body">{body}</div><div class="tags">Tags: Syria, Middle East</div></article>
<section class="related"><h2>Related</h2><ul>{related}</ul></section></main>
<aside><h2>Most read</h2><ol>{related}</ol><div>Subscribe to our newsletter.</div></aside>
<footer><p>&copy; 2026 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>"""


def page_for(text: str, title: str, padding_kib: int) -> bytes:
    """A page around `text`; `padding_kib` of inline script and menu links bring it to a real site's weight."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    nav = "".join(f'<li><a href="/s{n}">Section {n}</a></li>' for n in range(12 + padding_kib * 8))
    related = "".join(f'<li><a href="/a{n}">Unrelated headline number {n} about the economy</a></li>' for n in range(8))
    script = "var x = 1;" * (padding_kib * 50)
    return CHROME.format(title=html.escape(title), nav=nav, body=paragraphs, related=related, script=script).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--padding-kib", type=int, default=0, help="extra script and menu per page (real pages: 100+)")
    args = parser.parse_args()
    docs = sorted(DOCS.glob("*.txt"))
    jobs = []
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        jobs.append(
            (
                text,
                ExtractJob(
                    f"https://news.example/{doc.stem}", page_for(text, doc.stem, args.padding_kib), "text/html", ""
                ),
            )
        )
    extract_main_text(jobs[0][1])  # trafilatura builds lazy state on first use; not part of the per-page figure
    print(f"{len(jobs)} pages from {DOCS} (mean {statistics.mean(len(j.body) for _, j in jobs) / 1024:.1f} KiB)")
    for rep in range(1, args.reps + 1):
        walls, cpus, recalls, failures, leaks = [], [], [], 0, 0
        for text, job in jobs:
            wall, cpu = time.perf_counter(), time.process_time()
            extraction = extract_main_text(job)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
            if extraction.text is None:
                failures += 1
                continue
            leaks += any(
                phrase in extraction.text for phrase in ("cookies", "Most read", "Unrelated headline", "reserved")
            )
            words = text.split()
            recalls.append(sum(1 for word in words if word in extraction.text) / max(len(words), 1))
        p90 = sorted(walls)[int(len(walls) * 0.9)]
        print(f"rep {rep}: wall ms/page median {statistics.median(walls):.1f} p90 {p90:.1f}"
              f" | cpu ms/page median {statistics.median(cpus):.1f} mean {statistics.mean(cpus):.1f}"
              f" | article words recovered {statistics.mean(recalls):.3f} | no text {failures}"
              f" | pages with boilerplate {leaks}")  # fmt: skip


if __name__ == "__main__":
    main()
