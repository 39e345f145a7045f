"""Pronouns ('he', 'it', 'they') back to the speaker or organisation they refer to."""

import re

from consumers.claims.aliases import TITLES
from consumers.claims.context import CAPITAL_RUN_RE, ORG_WORDS, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.gender import agrees
from consumers.claims.resolve.organisations import COUNTRY_BARE_MINISTRY_RE, alias_inside, org_with_context
from consumers.claims.resolve.words import PERSON_ROLES, is_org_like
from consumers.claims.sources.clauses import OPENING_TIME_RE, TIME_OPENINGS
from consumers.claims.speakers import canonical_org, country_of, is_known_org


def resolve_pronoun(ctx: DocumentContext, pronoun: str, pos: int) -> Speaker:
    found = _resolve_pronoun(ctx, pronoun, pos)
    if found.is_person and pronoun in ("he", "she"):
        return agrees(ctx, pronoun, found, pos)  # never a person the text says is of the other sex
    return found


def _resolve_pronoun(ctx: DocumentContext, pronoun: str, pos: int) -> Speaker:
    person = pronoun in ("he", "she", "i")
    if pronoun in ("it", "they") and _RELATIVE_BEFORE_RE.search(ctx.text, max(0, pos - 8), pos):
        subject = ctx.first_org_in_sentence_of(pos)
        if subject:
            return Speaker(subject, subject, False)  # "X condemned the raid, which it said killed ...": X
    if pronoun in ("it", "they"):
        subject = _previous_subject_org(ctx, pos, pronoun)
        if subject:
            return Speaker(subject, subject, False)
        if pronoun == "it" and _CLAIM_FIRST_BEFORE_RE.search(ctx.text, max(0, pos - 3), pos):
            subject = ctx.first_org_in_sentence_of(pos)
            if subject:
                return Speaker(subject, subject, False)  # "HRW has documented P, it said": the sentence's subject
    if pronoun == "they" and ctx.history:
        speaker, mention = ctx.history[-1]
        head = WORDS_RE.findall(mention.lower())
        if not speaker.org and not speaker.is_person and len(head) > 1 and head[-2].endswith("s"):
            return speaker  # "local residents said. The tribes, they said, ...": the group quoted just before
    if person and ctx.history and _unnamed_person_just_before(ctx, pronoun, pos):
        return ctx.history[-1][0]  # 'A broker at a Damascus firm said P. "Q," he said': the broker, still unnamed
    if person and ctx.history and _member_of_body_just_before(ctx, pronoun, pos):
        return ctx.history[-1][0]  # "A WHO spokesperson told us P. She said Q": still the body's member, unnamed
    if person and ctx.history and _is_state_delegate(*ctx.history[-1]):
        return ctx.history[-1][0]  # "Syria's representative rejected the findings. He said P": the delegate again
    named = _subject_before_quote(ctx, pos) if person else None
    if named is not None:
        return named  # 'MP Dalia Nasser asked how. "Q," she said': whom the sentence before the quotation is about
    surname_subject = _quoted_person_subject_before(ctx, pos) if person else None
    if surname_subject is not None:
        return surname_subject  # "X replied P. Haddad later changed his post. In an interview, he said": Haddad
    titled = _titled_person_in_sentence_before(ctx, pos) if person else None
    if titled is not None:
        return titled  # "An earlier version misquoted Mr Haddad as saying P. He said Q": Haddad
    opener = _person_opening_sentence_before(ctx, pos) if person and ctx.last(person=True) is None else None
    if opener is not None:
        return opener  # "Abu Khaled pulls a mattress out of his tent. The water reached his knees, he says"
    found = ctx.last(person=person)
    if person:
        # a person introduced after the last quoted person is the likelier "he": 'Ali, a farmer, lost his home.'
        newer = ctx.person_before(pos, after=ctx.last_person_pos if found else -1)
        if newer is not None:
            known = ctx.people.get(newer.name.split()[-1].lower())
            found = known if known is not None and known.name == newer.name else newer
    return found or ctx.last() or Speaker("unnamed sources", "", False)


# One unnamed person by an indefinite description: "A broker at a Damascus firm", "a woman from Jableh who ..."
# (or a definite role of an indefinite place: "the owner of a bakery in Hama")
_UNNAMED_PERSON_RE = re.compile(
    r"(?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,2}?|[Tt]he\s+(?=[a-z]+\s+of\s+an?\s))([a-z]+)\b"
)
_FEMALE_RE = re.compile(r"\b(?:woman|mother|girl|wife|sister|daughter|widow|her)\b")
_MALE_RE = re.compile(r"\b(?:man|father|boy|husband|brother|son|his)\b")


def _unnamed_person_just_before(ctx: DocumentContext, pronoun: str, pos: int) -> bool:
    """The last claim's speaker is one unnamed person, quoted within the two sentences before the pronoun, whom the
    pronoun's gender does not rule out (the guideline resolves pronouns to what they refer back to, named or not)."""
    speaker, mention = ctx.history[-1]
    if speaker.is_person or speaker.org or not 0 <= ctx.last_mention_end <= pos:
        return False
    described = _UNNAMED_PERSON_RE.match(mention)
    if described is None or described.group(1).endswith("s") or described.group(1) in _NOT_PEOPLE:
        return False
    between = ctx.text[ctx.last_mention_end : pos]
    if len(between) > 300 or between.count(". ") > 2 or ctx.person_before(pos, after=ctx.last_mention_end):
        return False  # too far, or someone else may have been named since
    lower = mention.lower()
    if pronoun == "she":
        return not _MALE_RE.search(lower) or bool(_FEMALE_RE.search(lower))
    return not _FEMALE_RE.search(lower)


# One unnamed member of a body, by what they do there: "A WHO spokesperson", "A member of the local council"
_BODY_MEMBER_RE = re.compile(
    # (or "the engineer" that went back to such a member: '"Q," the engineer said. He said P')
    r"(?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){0,4}?|[Tt]he\s+(?:[a-z-]+\s+)?(?=[a-z]+\s+[a-z]+$))"
    r"(?:spokes(?:man|woman|person)|official|member|engineer|employee|"
    r"officer|representative|staffer|worker|doctor|nurse|adviser|advisor|aide)\b"
)


def _member_of_body_just_before(ctx: DocumentContext, pronoun: str, pos: int) -> bool:
    """The last claim's speaker is a body through one unnamed member of it, quoted within the two sentences before
    the pronoun with no one named since: "he" or "she" is that member, so the body (guideline, "Speaker": an
    unnamed member is the organisation), not a person named further back."""
    speaker, mention = ctx.history[-1]
    if speaker.is_person or not speaker.org or not 0 <= ctx.last_mention_end <= pos:
        return False
    if _BODY_MEMBER_RE.match(mention) is None:
        return False
    between = ctx.text[ctx.last_mention_end : pos]
    if len(between) > 300 or between.count(". ") > 2 or ctx.person_before(pos, after=ctx.last_mention_end):
        return False
    lower = mention.lower()
    return not (_MALE_RE.search(lower) if pronoun == "she" else _FEMALE_RE.search(lower))


_NOT_PEOPLE = frozenset(["statement", "report", "post", "group", "channel", "source", "official", "spokesperson"])


# One person speaking for a state, the state's body its speaker: "Syria's representative", "the delegate of Qatar"
_STATE_DELEGATE_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+)?(?:representative|delegate|ambassador|envoy)(?:\s+of\s+[A-Z][\w-]*)?\s"
)


def _is_state_delegate(speaker: Speaker, mention: str) -> bool:
    delegate = _STATE_DELEGATE_RE.match(mention) if not speaker.is_person and speaker.org else None
    return delegate is not None and bool(country_of(delegate.group()))


# A country's organ by its kind, in lower case: "The Syrian foreign ministry", "The Turkish defence ministry"
_COUNTRY_ORGAN_RE = re.compile(r"(?:The\s+)?([A-Z][\w-]+)\s+((?:foreign|defen[cs]e|interior)\s+ministry)\b")
_FRONTED_MEDIUM_RE = re.compile(r"(?:In|On|Through|Via)\s[^,.;:!?\"“”\n]{1,100},$")
_CLAIM_FIRST_BEFORE_RE = re.compile(r",\s*$")
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:which|that|what)\s+$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…][\"”’»)]*\s+|\n\s*)(?=[A-Z\"“])")


def _previous_subject_org(ctx: DocumentContext, pos: int, pronoun: str) -> str:
    """'State news agency SANA gave a lower toll. It said ...': "it" opening a sentence is the subject before."""
    start = _opening_of_sentence(ctx.text, pos)
    if start < 0:
        return ""  # only a sentence-initial pronoun
    window_start = max(0, start - 400)
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(ctx.text, window_start, max(window_start, start - 1))]
    return _subject_org(ctx, starts[-1], pronoun) if starts else ""


def _opening_of_sentence(text: str, pos: int) -> int:
    """Where the sentence opened by the pronoun at pos starts (before a fronted phrase of place or medium), or -1
    when the pronoun does not open its sentence."""
    start = pos
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    opening = _sentence_opening(text, start)
    if opening < start and text.startswith(TIME_OPENINGS, opening) \
            and (timed := OPENING_TIME_RE.match(text, opening)) is not None and timed.end() == pos:
        start = opening  # "In 2023 it said": a time with no comma after it opens the sentence
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    if start > 0 and text[start - 1] == ",":
        # "In a statement carried by its television, it said": a phrase of place or medium opens the sentence
        fronted = _FRONTED_MEDIUM_RE.search(text, max(0, start - 120), start)
        start = fronted.start() if fronted is not None else start
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    if start > 0 and text[start - 1] not in '.!?\n"”’»':
        return -1
    return start


def _sentence_opening(text: str, pos: int) -> int:
    """The first non-space character after the last sentence end before pos (within 60 characters)."""
    floor = max(0, pos - 60)
    end = max(text.rfind(".", floor, pos), text.rfind("!", floor, pos), text.rfind("?", floor, pos),
              text.rfind("\n", floor, pos))
    opening = end + 1 if end >= 0 else (0 if floor == 0 else pos)
    while opening < pos and text[opening] in " \t":
        opening += 1
    return opening


def _subject_org(ctx: DocumentContext, sentence: int, pronoun: str) -> str:
    """The organisation that is the subject of the sentence starting at sentence, or ""."""
    text = ctx.text
    m = CAPITAL_RUN_RE.match(text, sentence)
    if not m:
        return ""
    organ = _COUNTRY_ORGAN_RE.match(text, sentence)
    if organ is not None and country_of(organ.group(1)):
        return canonical_org(organ.group(1) + " " + organ.group(2))  # "The Syrian foreign ministry did not respond."
    bare = COUNTRY_BARE_MINISTRY_RE.match(text, sentence)
    if bare is not None and "Ministry" in (canon := org_with_context(ctx, sentence, bare.group())):
        return canon  # "Russia's ministry has made such claims before. It said": the ministry quoted before
    surface = re.sub(r"^(?:The|the)\s+", "", m.group())
    prefix = text[sentence : m.start()]
    if prefix.strip() or surface in ("It", "They", "He", "She", "The"):
        return ""
    words = text[sentence : m.end() + 40].split()
    head = " ".join(words[:6])
    if is_known_org(surface) or is_org_like(surface):
        return org_with_context(ctx, sentence, surface)
    alias = alias_inside(head, min_words=1)
    if alias and re.match(r"(?:[Ss]tate\s+)?(?:news\s+agency|media|television)\s+[A-Z]", " ".join(words[:4])):
        return alias  # "State news agency SANA gave a lower toll."
    if (
        pronoun == "it"
        and _VERB_AFTER_RE.match(text, m.end())
        and not country_of(surface)
        and (surface.split()[-1].lower() not in ctx.people)
    ):
        # "Hurras al-Din has not commented. It said last year ...": a named subject that is an "it" is an organisation
        return canonical_org(surface)
    return ""


_VERB_AFTER_RE = re.compile(r"\s+(?:has|have|had|is|was|also|[a-z]+(?:s|ed))\b")


def _quoted_person_subject_before(ctx: DocumentContext, pos: int) -> Speaker | None:
    """A pronoun opening its sentence (after any fronted phrase) whose sentence before has for its subject a person
    quoted before under a surname ("Haddad later changed the wording."); None otherwise."""
    start = _opening_of_sentence(ctx.text, pos)
    if start <= 0:
        return None
    window_start = max(0, start - 400)
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(ctx.text, window_start, max(window_start, start - 1))]
    run = CAPITAL_RUN_RE.match(ctx.text, starts[-1]) if starts else None
    if run is None or not _VERB_NEXT_RE.match(ctx.text, run.end()):
        return None
    words = run.group().split()
    known = ctx.people.get(words[-1].lower())
    if known is None or not known.is_person or ctx.last(person=True) == known:
        return None  # (the last quoted person is found anyway)
    return known


# A person quoted before, by title and surname: "Mr Haddad", "Dr Nasser"
_TITLED_SURNAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+((?:al-)?[A-Z][\w'’-]+)")


def _titled_person_in_sentence_before(ctx: DocumentContext, pos: int) -> Speaker | None:
    """A pronoun opening its sentence whose sentence before names one person only, by title and surname, a person
    quoted before other than the last one ("A previous version misquoted Mr Haddad as saying P. He said Q"); None
    otherwise."""
    start = _opening_of_sentence(ctx.text, pos)
    if start <= 0:
        return None
    window_start = max(0, start - 400)
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(ctx.text, window_start, max(window_start, start - 1))]
    if not starts:
        return None
    named = {m.group(1).lower() for m in _TITLED_SURNAME_RE.finditer(ctx.text, starts[-1], start)}
    known = ctx.people.get(named.pop()) if len(named) == 1 else None
    if known is None or not known.is_person or ctx.last(person=True) == known:
        return None
    return known


def _person_opening_sentence_before(ctx: DocumentContext, pos: int) -> Speaker | None:
    """The person a sentence before the pronoun's opens with, by a bare name of two to four words and then a verb
    ("Abu Khaled pulls a soaked mattress ..."), in the same paragraph; None otherwise."""
    paragraph = ctx.text.rfind("\n", 0, pos) + 1
    starts = sorted({paragraph, *(m.end() for m in _SENTENCE_START_RE.finditer(ctx.text, paragraph, pos))})
    if len(starts) < 2:
        return None  # (no sentence before the pronoun's in its paragraph)
    run = CAPITAL_RUN_RE.match(ctx.text, starts[-2])
    if run is None or not _VERB_NEXT_RE.match(ctx.text, run.end()):
        return None
    words = run.group().split()
    if not 2 <= len(words) <= 4 or words[0] in ("The", "A", "An") or any(
            w.lower() in TITLES or w.lower() in PERSON_ROLES or w.lower() in ORG_WORDS for w in words):
        return None
    name = " ".join(words)
    if is_known_org(name) or country_of(name) or any(country_of(w) for w in words):
        return None
    return Speaker(name, "", True)


_CLOSED_QUOTE_BEFORE_RE = re.compile(r"[,.!?]([\"”])\s*$")
_VERB_NEXT_RE = re.compile(r"\s+(?:also\s+|later\s+|then\s+)?[a-z]+\b")


def _subject_before_quote(ctx: DocumentContext, pos: int) -> Speaker | None:
    """'"Q," she said' where the quotation opens its sentence and the sentence before has a person for its subject: a
    speaker quoted before under that name, or a name after its role ("Independent MP Dalia Nasser asked how ..."); None
    otherwise."""
    text = ctx.text
    closed = _CLOSED_QUOTE_BEFORE_RE.search(text, max(0, pos - 4), pos)
    if closed is None:
        return None
    mark = closed.group(1)
    opening = text.rfind("“" if mark == "”" else '"', max(0, closed.start(1) - 1500), closed.start(1))
    before = text[max(0, opening - 3) : opening].rstrip(" ")
    if opening <= 0 or not before or before[-1] not in ".!?":
        return None  # the quotation does not open its sentence (or opens the text)
    window_start = max(0, opening - 400)
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(text, window_start, opening - 1)]
    run = CAPITAL_RUN_RE.match(text, starts[-1]) if starts else None
    if run is None or not _VERB_NEXT_RE.match(text, run.end()):
        return None
    words = run.group().split()
    known = ctx.people.get(words[-1].lower())
    if known is not None:
        return known
    role_at = max((i for i, w in enumerate(words) if w.lower() in TITLES or w.lower() in PERSON_ROLES), default=-1)
    name = words[role_at + 1 :]
    if role_at < 0 or not 2 <= len(name) <= 4 or {w.lower() for w in name} & ORG_WORDS:
        return None
    surface = " ".join(name)
    if is_known_org(surface) or country_of(surface):
        return None
    return Speaker(surface, "", True)
