"""How outlets change a text: reprint edits (copies) and rewrites (same event, own words)."""

import random
import re
from functools import partial

from bench.dedupe_data.vocab import BOILERPLATE, BYLINES, FIRST_NAMES, LAST_NAMES, SPELLINGS, SYNONYMS

# Rewriters do not copy phrasing; this table turns the shared fact sentences into an outlet's own words.
PARAPHRASES = [
    ("were killed", "died"), ("killing", "leaving dead"), ("civilians", "non-combatants"), ("on ", "on "),
    ("said", "told reporters"), ("residents", "people living there"), ("according to", "as reported by"),
    ("people", "individuals"), ("about", "roughly"), ("at least", "a minimum of"), ("families", "households"),
    ("The ", "This "), ("were taken", "were rushed"), ("hospitals", "medical facilities"), ("district", "quarter"),
    ("expected", "set"), ("warned", "cautioned"), ("weeks", "weeks now"), ("began", "launched"),
    ("in recent months", "lately"), ("immediately", "straight away"), ("nearby", "neighbouring"),
    ("the area", "the locality"), ("damaged", "harmed"), ("started", "got under way"), ("hit", "pounded"),
    ("fled", "escaped"), ("blamed", "pointed to"), ("set up", "opened"), ("carried", "held up"),
    ("late into the night", "until after dark"), ("children", "young ones"), ("found", "discovered"),
    ("recorded", "registered"), ("took part", "joined in"), ("still", "yet"), ("streets", "roads"),
    ("the first", "the initial"), ("last", "previous"), ("more than", "over"), ("around", "approximately"),
]


def swap_words(text: str, pairs: list[tuple[str, str]], rng: random.Random, rate: float) -> str:
    """Replace some occurrences of each phrase with its alternative (whole words only)."""
    for old, new in pairs:
        pattern = re.compile(rf"\b{re.escape(old.strip())}\b")
        text = pattern.sub(partial(_maybe, new.strip(), rng, rate), text)
    return text


def _maybe(new: str, rng: random.Random, rate: float, match: re.Match[str]) -> str:
    return new if rng.random() < rate else match.group()


def rotate_clause(sentence: str, rng: random.Random) -> str:
    """'X happened, Y said.' -> 'Y said that x happened.' — a typical rewrite of a wire lead."""
    match = re.match(r"^(.+), ((?:[\w-]+ ){0,8}[\w-]+) (said|reported|told reporters)\.$", sentence)
    if match and rng.random() < 0.8:
        claim, who, verb = match.groups()
        return f"{who[0].upper()}{who[1:]} {verb} that {claim[0].lower()}{claim[1:]}."
    return sentence


def paraphrase(paragraphs: list[str], rng: random.Random) -> list[str]:
    """An outlet's own telling of the same facts: reworded, clauses rotated, some facts dropped."""
    kept = [p for i, p in enumerate(paragraphs) if i == 0 or rng.random() < 0.75]
    out = [swap_words(rotate_clause(p, rng), PARAPHRASES, rng, 0.5) for p in kept]
    head, rest = out[:1], out[1:]
    rng.shuffle(rest)
    return head + rest


def byline(rng: random.Random) -> str:
    """A byline with invented names."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    name2 = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return rng.choice(BYLINES).format(name=name, name2=name2)


def add_boilerplate(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Bylines, social links, copyright lines around a reprint."""
    head = [byline(rng)] if rng.random() < 0.6 else []
    tail = rng.sample(BOILERPLATE, rng.randint(1, 3))
    if rng.random() < 0.3:
        mid = rng.randint(1, max(1, len(paragraphs) - 1))
        paragraphs = [*paragraphs[:mid], rng.choice(BOILERPLATE), *paragraphs[mid:]]
    return head + paragraphs + tail


def trim(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Keep the top of the story (at least half of it), as outlets cut wire copy from the bottom."""
    keep = max(3, round(len(paragraphs) * rng.uniform(0.5, 0.85)))
    return paragraphs[:keep]


def normalise_spelling(paragraphs: list[str], rng: random.Random) -> list[str]:
    """House style: straight quotes, ASCII dashes, other transliterations and spellings."""
    pairs = SPELLINGS if rng.random() < 0.5 else [(b, a) for a, b in SPELLINGS]
    out = []
    for p in paragraphs:
        p = p.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")
        out.append(swap_words(p, pairs, rng, 1.0))
    return out


def light_edit(paragraphs: list[str], rng: random.Random) -> list[str]:
    """A copy editor's pass: a few synonyms, maybe one sentence dropped."""
    out = [swap_words(p, SYNONYMS, rng, 0.3) for p in paragraphs]
    if len(out) > 4 and rng.random() < 0.5:
        del out[rng.randrange(1, len(out))]
    return out


REPRINT_EDITS = [trim, add_boilerplate, normalise_spelling, light_edit]
