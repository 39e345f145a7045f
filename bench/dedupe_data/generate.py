"""Generate a labelled near-duplicate / story set of invented Syria news articles.

    python -m bench.dedupe_data.generate --seed 1 --events 200 --out /tmp/dedupe_dev

Writes one <doc_id>.txt per article (first line title, then body; file names sort in arrival order)
and labels.jsonl with, per doc: article (copies of one article share it: reprints and updates) and
story (articles about one event share it). Hard negatives are sibling events: same kind, place, source
and often the same official, on another day with other numbers and details.
"""

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from bench.dedupe_data import edits
from bench.dedupe_data.vocab import (
    BACKGROUND,
    FIRST_NAMES,
    KINDS,
    LAST_NAMES,
    NEIGHBOURHOODS,
    OCCUPATIONS,
    PLACES,
    RETELLINGS,
    ROLES,
    SOURCES,
    WEEKDAYS,
    WITNESS_ACTS,
    WITNESS_FRAMES,
)


@dataclass(frozen=True)
class Event:
    """The facts outlets report about one event."""

    event_id: str
    kind: str
    slots: dict[str, str]
    facts: tuple[str, ...]
    quotes: tuple[str, ...]
    time_h: float
    leads: tuple[int, ...] = (0, 1, 2)  # lead phrasing of the original, then of each rewrite


@dataclass
class Doc:
    """One generated article with its labels."""

    time_h: float
    title: str
    paragraphs: list[str]
    article: str
    story: str
    role: str
    doc_id: str = field(default="")


def make_event(rng: random.Random, event_id: str, time_h: float, like: Event | None = None) -> Event:
    """A new event; with `like`, a sibling sharing kind, place, source and maybe the official."""
    kind = like.kind if like else rng.choice(list(KINDS))
    spec = KINDS[kind]
    city, province = (like.slots["city"], like.slots["province"]) if like else rng.choice(PLACES)
    official = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    slots = {
        "city": city, "province": province, "kind": kind,
        "target": rng.choice(spec["target"]), "day": rng.choice(WEEKDAYS),
        "source": like.slots["source"] if like else rng.choice(SOURCES),
        "nbhd": rng.choice(NEIGHBOURHOODS), "n1": str(rng.randint(4, 90)), "n2": str(rng.randint(20, 4000)),
        "n3": str(rng.randint(2, 9)), "hour": str(rng.randint(2, 11)),
        "official": like.slots["official"] if like and rng.random() < 0.6 else official,
        "role": rng.choice(ROLES).format(province=province),
    }
    facts = tuple(_anchored(fact, rng) for fact in rng.sample(spec["fact"], rng.randint(2, 4)))
    facts = (*facts, witness(rng, slots))
    quotes = tuple(quote + rng.choice(QUOTE_TAILS) for quote in rng.sample(spec["quote"], 2))
    leads = tuple(rng.sample(range(len(spec["lead"])), len(spec["lead"])))
    return Event(event_id, kind, slots, facts, quotes, time_h, leads)


def witness(rng: random.Random, slots: dict[str, str]) -> str:
    """An eyewitness paragraph from parts: these differ between events, as real quotes do."""
    pronoun, possessive = rng.choice([("he", "his"), ("she", "her")])
    act = rng.choice(WITNESS_ACTS).format(pronoun=pronoun, possessive=possessive, **slots)
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    frame = rng.choice(WITNESS_FRAMES)
    return frame.format(name=name, age=rng.randint(19, 70), occupation=rng.choice(OCCUPATIONS), act=act,
                        nbhd=slots["nbhd"])


def write_article(event: Event, rng: random.Random, telling: int = 0) -> tuple[str, list[str]]:
    """One outlet's article about an event; telling > 0 is another outlet's own wording of it."""
    spec, slots = KINDS[event.kind], event.slots
    title = rng.choice(spec["title"]).format(**slots)
    title = title[0].upper() + title[1:]
    lead = spec["lead"][event.leads[telling % len(event.leads)]].format(**slots)
    paragraphs = [lead[0].upper() + lead[1:]]
    facts = [_retold(fact, rng, telling).format(**slots) for fact in event.facts]
    facts = [fact[0].upper() + fact[1:] for fact in facts]
    quote = rng.choice(event.quotes).format(**slots)
    frames = [f"“{quote},” said {slots['official']}, {slots['role']}.",
              f"{slots['official']}, {slots['role']}, said: “{quote}.”",
              f"“{quote},” {slots['official']} told our correspondent."]
    quote_line = frames[0] if telling == 0 else rng.choice(frames[1:])
    facts.insert(rng.randint(0, len(facts)), quote_line)
    paragraphs += facts
    paragraphs += rng.sample(BACKGROUND, rng.choice([0, 1, 1, 2]))
    return title, paragraphs


# People say things in their own words: the tail ties a stock quote to this event.
QUOTE_TAILS = [
    ". It has been like this since {day} morning", ", and {nbhd} has been hit the hardest",
    ". We counted {n3} families in our building alone", ". Nobody from {city} has come to help us",
    ". I have lived in {nbhd} for {hour} years and never seen this", ", that is the truth about {city}",
    ". The {n1} we lost were our neighbours", ". My cousin in {nbhd} says the same",
]
# Facts that name nothing get tied to this event, so unrelated events do not share whole sentences.
ANCHORS = ["In {city}, ", "On {day}, ", "In {nbhd}, ", "According to {official}, ", "By {day} evening, "]


def _anchored(fact: str, rng: random.Random) -> str:
    return fact if "{" in fact else rng.choice(ANCHORS) + "\x00" + fact


def _retold(fact: str, rng: random.Random, telling: int) -> str:
    anchor, _, bare = fact.rpartition("\x00")
    if telling and rng.random() < 0.85:
        bare = RETELLINGS.get(bare, bare)
    return anchor + (bare[0].lower() + bare[1:] if anchor else bare)


def reprint(doc: Doc, rng: random.Random, delay_h: float) -> Doc:
    """A copy of `doc` by another outlet: new headline, and some of the reprint edits."""
    paragraphs = list(doc.paragraphs)
    chosen = [edit for edit in edits.REPRINT_EDITS if rng.random() < 0.55] or [rng.choice(edits.REPRINT_EDITS)]
    for edit in chosen:
        paragraphs = edit(paragraphs, rng)
    title = edits.swap_words(doc.title, edits.PARAPHRASES, rng, 0.7) if rng.random() < 0.8 else doc.title
    return replace(doc, time_h=doc.time_h + delay_h, title=title, paragraphs=paragraphs, role="reprint")


def update(doc: Doc, event: Event, rng: random.Random, delay_h: float) -> Doc:
    """A later version of the same article: toll revised, a paragraph added at the top."""
    old, new = event.slots["n1"], str(int(event.slots["n1"]) + rng.randint(1, 12))
    paragraphs = [p.replace(old, new) for p in doc.paragraphs]
    paragraphs.insert(1, f"The toll rose to {new} later on {event.slots['day']}, {event.slots['source']} said, "
                         "as more bodies were recovered.")
    return replace(doc, time_h=doc.time_h + delay_h, title=doc.title.replace(old, new), paragraphs=paragraphs,
                   role="update")


def rewrite(event: Event, rng: random.Random, time_h: float, article: str, telling: int) -> Doc:
    """Another outlet's own article about the same event: same story, not a copy."""
    title, paragraphs = write_article(event, rng, telling)
    title = edits.swap_words(title, edits.PARAPHRASES, rng, 0.8)
    return Doc(time_h, title, edits.paraphrase(paragraphs, rng), article, event.event_id, "rewrite")


def event_docs(event: Event, rng: random.Random, serial: Iterator[int]) -> list[Doc]:
    """The original report of an event plus its reprints, maybe an update, maybe rewrites."""
    title, paragraphs = write_article(event, rng)
    original = Doc(event.time_h, title, paragraphs, f"a{next(serial)}", event.event_id, "original")
    docs = [original]
    docs += [reprint(original, rng, rng.uniform(0.2, 30)) for _ in range(rng.choice([0, 1, 1, 2, 3]))]
    if rng.random() < 0.25:
        docs.append(update(original, event, rng, rng.uniform(1, 8)))
    for telling in range(1, 1 + rng.choice([0, 1, 1, 2])):
        other = rewrite(event, rng, event.time_h + rng.uniform(0.5, 20), f"a{next(serial)}", telling)
        docs.append(other)
        if rng.random() < 0.3:
            docs.append(reprint(other, rng, rng.uniform(0.5, 10)))
    return docs


def generate(seed: int, events: int) -> list[Doc]:
    """Docs in arrival order with doc ids assigned; a third of events have a hard-negative sibling."""
    rng = random.Random(seed)
    serial = iter(range(1_000_000_000))
    docs: list[Doc] = []
    for number in range(events):
        event = make_event(rng, f"e{seed}-{number}", rng.uniform(0, 24 * 90))
        docs += event_docs(event, rng, serial)
        if rng.random() < 0.35:
            sibling = make_event(rng, f"e{seed}-{number}s", event.time_h + rng.uniform(24, 24 * 20), like=event)
            docs += event_docs(sibling, rng, serial)
    docs += _short_docs(rng, serial)
    docs.sort(key=lambda doc: doc.time_h)
    for position, doc in enumerate(docs):
        doc.doc_id = f"{position:06d}-{doc.role}"
    return docs


def _short_docs(rng: random.Random, serial: Iterator[int]) -> list[Doc]:
    # Empty and few-word bodies: each is its own article and story; none is a copy of another.
    bodies = ["", "", "Developing story.", "More details to follow.", "Photo gallery", ""]
    docs = []
    for body in bodies:
        label = f"a{next(serial)}"
        docs.append(Doc(rng.uniform(0, 24 * 90), "Breaking news", [body] if body else [], label, label, "short"))
    return docs


def write(docs: list[Doc], out: Path) -> None:
    """One .txt per doc plus labels.jsonl."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "labels.jsonl").open("w", encoding="utf-8") as labels:
        for doc in docs:
            text = doc.title + "\n" + "\n\n".join(doc.paragraphs) + "\n"
            (out / f"{doc.doc_id}.txt").write_text(text, encoding="utf-8")
            record = {"doc_id": doc.doc_id, "article": doc.article, "story": doc.story, "role": doc.role}
            labels.write(json.dumps(record) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write(generate(args.seed, args.events), args.out)


if __name__ == "__main__":
    main()
