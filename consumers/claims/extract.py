"""Attributed claims in article text: who said what, with quotes, numbers and provenance.

Pure and thread-safe: rules over spans of the text (no model, nothing downloaded), linear in the text length.
Definitions follow the claim annotation guideline (shared/dev-data/claims/GUIDELINE.md).
"""

import bisect
import re
from dataclasses import dataclass, replace

from consumers.claims.attribution import RawClaim, attribute_sentence
from consumers.claims.attribution.header_lines import header_line_claims
from consumers.claims.attribution.quote_cues import closes_with_named_cue, holds_statement, quote_cue_claims
from consumers.claims.attribution.so_says import so_says_claims
from consumers.claims.context import DocumentContext, Speaker
from consumers.claims.numbers import ClaimNumber, find_numbers
from consumers.claims.resolve import resolve_mention
from consumers.claims.resolve.named_after import named_after
from consumers.claims.resolve.words import PERSON_ROLES
from consumers.claims.searches import DocumentSearches
from consumers.claims.segment import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    Quote,
    Sentence,
    find_paragraphs,
    find_quotes,
    find_sentences,
)

EXTRACTOR_VERSION = "rules-2026.11.23"

_MARKS = DOUBLE_MARKS + SINGLE_MARKS
_LEFT_TRIM = _MARKS + ",;:—–-"
_RIGHT_TRIM = _MARKS + ",.;:—–"
_WORD_RE = re.compile(r"\w")
# A trailing journalist's aside is not the source's claim: "..., a figure that could not be verified".
_ASIDE_RE = re.compile(
    r",\s+(?:(?:a|an)\s+(?:figure|date|claim|number|toll|assertion|allegation|accusation|account|charge|tally|estimate|"
    r"version|description|characteri[sz]ation)\b"
    r"|which\s+(?:could|can)(?:not|n't)\b)[^,]{0,120}$"
)
# A trailing wire-style context clause is the journalist's too: "..., without giving details", "..., a day after
# rockets were fired at the base", "..., the latest in a series of strikes" (guideline, "Spans").
_CONTEXT_TAIL_RE = re.compile(
    # (the comma may close a quotation: 'was "progressing well," without giving further details')
    r",[\"”]?\s+(?:without\s+(?:giving|providing|offering|citing|naming|elaborating|specifying|presenting)"
    # "..., speaking to journalists on his return flight": where the words were said, not what
    r"|(?:speaking|talking|answering|addressing)\s+(?:to|at|on|in|during|after|from|with|reporters|journalists|"
    r"questions)"
    # "X reported that P, citing two officials": the source the report names, never content (guideline, "Spans")
    r"|citing|quoting"
    r"|(?:(?:just|only)\s+)?(?:a|one|two|three|several|hours|days|weeks|months)\s+(?:(?:day|days|week|weeks|hours?)\s+)?"
    r"(?:after|before)"
    r"|the\s+latest\s+(?:in|of)|in\s+the\s+latest"
    # "said on Sunday that P, in a televised address marking X": where it was said, not what
    r"|in\s+(?:a|an|his|her|its|their)\s+(?:[a-z]+\s+)?(?:address|speech|sermon|broadcast|interview))"
    r"\b[^,\"“”«»]{0,120}$"
)


# A call or attitude coordinated with the report ends the claim: "said P and urged all sides to ..." (guideline,
# "Not claims": calls, demands and attitudes without a proposition).
_COORDINATED_CALL_RE = re.compile(
    r",?\s+and\s+(?:also\s+)?(?:urged|called\s+(?:on|for)|appealed|demanded|expressed|condemned|welcomed"
    # "told MEE that "Q" and declined to comment on the letter": a refusal, no proposition
    r"|(?:declined|refused)\s+to\s+(?:comment|elaborate|give|say|answer|discuss|name|provide))\b"
)


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One attributed claim; text == document[start:end]."""

    speaker: str
    speaker_mention: str
    speaker_org: str
    cue: str
    kind: str  # "direct" | "indirect" | "mixed"
    text: str
    start: int
    end: int
    numbers: tuple[ClaimNumber, ...]


@dataclass(slots=True)
class _Document:
    text: str
    outer: list[Quote]
    outer_starts: list[int]
    inner: list[Quote]
    inner_starts: list[int]
    ctx: DocumentContext
    searches: DocumentSearches


def extract_claims(text: str) -> list[ExtractedClaim]:
    """Every attributed claim in text, in reading order."""
    if not text or not _WORD_RE.search(text):
        return []
    paragraphs = find_paragraphs(text)
    quotes = find_quotes(text, paragraphs)
    outer = [q for q in quotes if q.depth == 0]
    first_body = next((p.body_start for p in paragraphs if not p.is_heading), 0)
    inner = [q for q in quotes if q.depth > 0]
    doc = _Document(
        text,
        outer,
        [q.start for q in outer],
        inner,
        [q.start for q in inner],
        DocumentContext(text, first_body, [(p.start, p.body_start) for p in paragraphs]),
        DocumentSearches(text),
    )
    claims: list[ExtractedClaim] = []
    previous: list[ExtractedClaim] = []
    last_paragraph = -1
    sentences = _join_colon_leads(text, find_sentences(text, paragraphs, quotes))
    for sentence in sentences:
        sentence_claims = _sentence_claims(
            doc, sentence.start, sentence.end, previous, sentence.paragraph != last_paragraph
        )
        last_paragraph = sentence.paragraph
        if sentence_claims or not (
            (text.endswith(_REACTION_ENDINGS, sentence.start, sentence.end)
             and _REACTION_RE.search(text, max(sentence.start, sentence.end - 40), sentence.end))
            or (text.find("?", sentence.start, sentence.end) >= 0
                and _OWN_QUESTION_RE.fullmatch(text, sentence.start, sentence.end))
        ):
            # ("Asked about X, he laughed.": a gesture keeps the speaker before it, as '"Q?" she asked.' does)
            previous = sentence_claims
        claims.extend(sentence_claims)
        for claim in sentence_claims:
            if claim.kind == "direct":
                claims.extend(_nested_claims(doc, claim))
    return named_after(text, _police_named_after(_named_later(text, _lead_role_named_next(text, claims))))


# A definite role that stands for the person before the name is given: "the UN's humanitarian chief",
# "Syria's interim justice minister" (an indefinite "a ministry spokesman" is the organisation, guideline).
_DEFINITE_ROLE_RE = re.compile(
    r"^(?:the\s+|its\s+|their\s+|[\w-]+['’]s\s+)(?:[\w'’-]+\s+){0,3}"
    r"(?P<role>minister|spokes(?:man|woman|person)|chief|envoy|"
    r"ambassador|commander|director|head|president|governor|mayor|secretary|coordinator|official)"
    # the region or file the role covers: "The State Department's top official for the Middle East"
    r"(?:\s+(?:for|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?$",
    re.IGNORECASE,
)


_INDEFINITE_RE = re.compile(r"(?:[Aa]n?|[Oo]ne)\s")


def _named_later(text: str, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """A forward reference: 'Syria's interim justice minister acknowledged P. "Q," Mazhar al-Wais told reporters.'

    The role was resolved to its organisation when no one had been named yet; when the next claims name a person
    for the first time, within the next two sentences or so, with no other organisation, the role was that person."""
    out = list(claims)
    for i, claim in enumerate(claims):
        definite = _DEFINITE_ROLE_RE.match(claim.speaker_mention) if claim.speaker == claim.speaker_org else None
        if definite is None:
            continue
        role = definite.group("role")
        at = text.find(claim.speaker_mention)
        # (search and find with an end position: a slice of the text before each claim copied the document per claim)
        if at < 0 or re.compile(rf"\b{re.escape(role)}\b", re.IGNORECASE).search(text, 0, at):
            continue  # "A field commander told SANA ... The commander added": the role refers back, not forward
        for later in claims[i + 1 : i + 4]:
            if later.start - claim.end > 400:
                break
            if later.speaker == later.speaker_org or later.speaker_org not in ("", claim.speaker_org):
                continue  # an organisation, or a person of another one
            if _INDEFINITE_RE.match(later.speaker_mention):
                continue  # "A church volunteer, who gave his name only as Elias": someone new, not the role holder
            surname = later.speaker.split()[-1]
            if surname not in later.speaker_mention or text.find(surname, 0, claim.start) >= 0:
                break  # a pronoun, or a person named before the role
            # ("its director": whose role the text has not said, so the person's own organisation)
            org = later.speaker_org if claim.speaker_mention[:4].lower() in ("its ", "thei") else claim.speaker_org
            for k in range(i, claims.index(later)):
                if out[k].speaker_mention == claim.speaker_mention and out[k].speaker == claim.speaker:
                    out[k] = replace(out[k], speaker=later.speaker, speaker_org=org)
            break
    return out


# An indefinite role in a lead: "a senior doctor", "a local official" (its role word in group 1)
_LEAD_ROLE_RE = re.compile(r"[Aa]n?\s+(?:[a-z][\w-]*\s+){0,2}([a-z]+)")
_ROLE_TITLE_WORDS = {"doctor": ("Dr ", "Dr. "), "professor": ("Prof ", "Prof. ", "Professor ")}


def _lead_role_named_next(text: str, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """'P, a senior doctor said on Sunday. Dr. Rojin Ahmed, who heads the ward, told X that Q': a wire lead gives the
    role, the next paragraph names its holder, so the lead's unnamed role and 'the doctor' after it are that person."""
    if len(claims) < 2 or claims[0].speaker != "unnamed sources" or text.find(". ", 0, claims[0].start) >= 0:
        return claims  # (only a claim of the text's first sentence)
    lead, named = claims[0], claims[1]
    role = _LEAD_ROLE_RE.fullmatch(lead.speaker_mention)
    if role is None or role.group(1) not in PERSON_ROLES or named.start - lead.end > 400 \
            or named.speaker == named.speaker_org or named.speaker.startswith("unnamed"):
        return claims
    noun = role.group(1)
    titles = _ROLE_TITLE_WORDS.get(noun, ())
    if noun not in named.speaker_mention.lower() and not (titles and named.speaker_mention.startswith(titles)):
        return claims
    if text.find(named.speaker.split()[-1], 0, lead.start) >= 0:
        return claims  # someone the text had named already, not the lead's role
    described = {lead.speaker_mention, f"the {noun}", f"The {noun}"}
    return [replace(c, speaker=named.speaker, speaker_org=named.speaker_org)
            if c.speaker == "unnamed sources" and c.speaker_mention in described else c for c in claims]


# A bare police mention, perhaps with its country or city: "police said", "German police said"
_BARE_POLICE_RE = re.compile(r"(?:[A-Z][a-z]+\s+)?police$")


def _police_named_after(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """'P, police said. The Damascus Police Command said in a statement that Q': the bare police of a lead are the
    police body the next claim names (the lead's usual shape, the body named in full only afterwards)."""
    for i, claim in enumerate(claims[:-1]):
        if not claim.speaker_mention.endswith("police") or not _BARE_POLICE_RE.fullmatch(claim.speaker_mention):
            continue
        later = claims[i + 1]
        if "police " in later.speaker.lower() and not later.speaker_mention.endswith("police") \
                and later.start - claim.end < 400:
            claims[i] = replace(claim, speaker=later.speaker, speaker_org=later.speaker_org)
    return claims


def _join_colon_leads(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """'The minister said:' closing a paragraph introduces the quotation that opens the next one."""
    joined: list[Sentence] = []
    skip = False
    for i, sentence in enumerate(sentences):
        if skip:
            skip = False
            continue
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        if nxt is not None and text[nxt.start] in _MARKS and text[sentence.start : sentence.end].rstrip().endswith(":"):
            joined.append(Sentence(sentence.start, nxt.end, sentence.paragraph))
            skip = True
        else:
            joined.append(sentence)
    return joined


def _quotes_between(doc: _Document, start: int, end: int) -> list[Quote]:
    i = max(0, bisect.bisect_right(doc.outer_starts, start) - 1)
    j = bisect.bisect_left(doc.outer_starts, end)
    return [q for q in doc.outer[i:j] if q.end > start]


def _sentence_claims(
    doc: _Document, start: int, end: int, previous: list[ExtractedClaim], new_paragraph: bool
) -> list[ExtractedClaim]:
    quotes = _quotes_between(doc, start, end)
    raws = so_says_claims(doc.text, start, end, doc.outer, doc.outer_starts, previous[-1].end if previous else -1) \
        if doc.text.startswith(("So ", "Thus "), start) else None
    if raws is None:
        raws = attribute_sentence(doc.text, start, end, quotes, doc.searches)
    if not raws:
        raws = (
            _document_lead(doc, start, end, quotes)
            or header_line_claims(doc.text, start, end, quotes)
            or quote_cue_claims(doc.text, start, end, quotes, doc.searches)
            or _positional(doc, start, end, quotes, previous, new_paragraph)
        )
    out: list[ExtractedClaim] = []
    built: dict[int, ExtractedClaim] = {}
    for index, raw in enumerate(raws):
        source = built.get(raw.inherit_from) if raw.inherit_from >= 0 else None
        if raw.inherit_from == -2 and previous:
            source = previous[-1]
        claim = _build(doc, raw, source, quotes)
        if claim is not None:
            built[index] = claim
            out.append(claim)
    return out


# A document named in a lead that closes with a colon: "The following is a translation of the statement:".
_LEAD_DOCUMENT_RE = re.compile(
    r"\b(?:the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|message|letter|text|speech|communiqu[eé]|"
    r"declaration|address)\b",
    re.IGNORECASE,
)


def _document_lead(doc: _Document, start: int, end: int, quotes: list[Quote]) -> list[RawClaim]:
    """A lead without a cue that names a document and ends with ':' before a quotation: the document's words (the
    colon attributes them by position, cue "")."""
    if not quotes or not start < quotes[0].start < end or not doc.text[start : quotes[0].start].rstrip().endswith(":"):
        return []
    found = list(_LEAD_DOCUMENT_RE.finditer(doc.text, start, quotes[0].start))
    if not found:
        return []
    q = quotes[0]
    document = found[-1]
    return [RawClaim(q.start, q.end, "", document.start(), document.end(), document.end(), -1, positional=True)]


# A speaker's gesture between his quotations: "Asked whether he was invited, he laughed."
_REACTION_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:laughed|smiled|paused|shrugged|sighed|nodded|hesitated)\.\s*$")
_REACTION_ENDINGS = ("laughed.", "smiled.", "paused.", "shrugged.", "sighed.", "nodded.", "hesitated.")
_STATEMENT_END_RE = re.compile(r"[a-z]\.\s+[A-Z]")
# A speaker's own question between a report and a quotation: 'X said P. "Q?" she asked. "R."' ("Q?" is no claim)
_OWN_QUESTION_RE = re.compile(
    r"[\"“][^\"“”\n]{1,200}\?[\"”]\s+(?:he|she|they)\s+(?:asked|wondered)(?:\s+[a-z]+){0,2}\.\s*"
)
_OWN_QUESTION_BETWEEN_RE = re.compile(r"[.\s]*" + _OWN_QUESTION_RE.pattern)


def _positional(
    doc: _Document, start: int, end: int, quotes: list[Quote], previous: list[ExtractedClaim], new_paragraph: bool
) -> list[RawClaim]:
    """A quotation with no cue of its own continues the quoted speaker of the sentence before (cue "")."""
    if not previous or not quotes or quotes[0].start != start:
        return []
    if previous[-1].kind == "indirect" and not _OWN_QUESTION_BETWEEN_RE.fullmatch(doc.text, previous[-1].end, start) \
            and (new_paragraph or not closes_with_named_cue(doc.text, previous[-1].end, start)):
        # (after 'X said P. "Q?" she asked.' the quotation goes on with the one who asked; after 'P, NAME said.'
        # with the one named, who has just been speaking)
        return []
    q = quotes[0]
    if doc.text[start:end].rstrip(" \"”’»'").endswith("?") and not _STATEMENT_END_RE.search(doc.text, q.start, q.end):
        return []  # questions are not claims (guideline); a statement before a closing rhetorical question is one
    if new_paragraph and (q.end < end - 2 or doc.text[q.end - 1] not in _MARKS):
        return []  # across paragraphs only a whole-paragraph quotation continues the last speaker
    return [RawClaim(q.start, q.end, "", -1, -1, -1, -2, positional=True)]


_ONLY_WHAT_RE = re.compile(r"(?i:(?:this|that|here)(?:\s+is\s+|['’]s\s+))?(?i:what)")


def _build(doc: _Document, raw: RawClaim, source: ExtractedClaim | None, quotes: list[Quote]) -> ExtractedClaim | None:
    start, end = trim_span(doc.text, raw.start, raw.end)
    if end - start < 2:
        return None
    first = doc.text[start]  # \w is str.isalnum() or "_": most spans open with a word character, no search needed
    if not (first.isalnum() or first == "_") and not _WORD_RE.search(doc.text, start, end):
        return None
    if end - start < 14 and _ONLY_WHAT_RE.fullmatch(doc.text, start, end):
        return None  # "This is what they said.": it points to the reports that follow, and states nothing itself
    if raw.mention_start >= 0:
        speaker = resolve_mention(doc.ctx, raw.mention_start, raw.mention_end, raw.head_end)
        mention = " ".join(doc.text[raw.mention_start : raw.mention_end].split())
        doc.ctx.remember(speaker, mention, raw.cue, raw.mention_start)
    elif source is not None:
        speaker, mention = Speaker(source.speaker, source.speaker_org, False), source.speaker_mention
    else:
        return None
    # Every call verb follows "and": a plain substring test skips the search in most claims.
    call = _COORDINATED_CALL_RE.search(doc.text, start, end) if doc.text.find("and", start, end) >= 0 else None
    if call is not None and not _inside_quote(quotes, call.start()):
        start, end = trim_span(doc.text, start, call.start())  # "said P and urged Y": the call is not the claim
    kind = _kind(quotes, start, end)
    if kind == "direct" and _is_quoted_question(doc.text, quotes, start):
        return None  # questions are not claims (guideline); a question quoted inside the quote does not count
    claim_text = doc.text[start:end]
    numbers = tuple(find_numbers(claim_text))
    cue = raw.cue.rstrip(" .,;:!?")
    return ExtractedClaim(speaker.name, mention, speaker.org, cue, kind, claim_text, start, end, numbers)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Content only: no "that", no quotation marks at the edges, no final , . ; : (guideline, "Spans")."""
    window = max(start, end - 160)
    # Both tails open with a comma: without one in the window neither pattern is tried at every position.
    aside = None
    if text.find(",", window, end) >= 0:
        aside = _ASIDE_RE.search(text, window, end) or _CONTEXT_TAIL_RE.search(text, window, end)
    if aside:
        end = aside.start()
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in _LEFT_TRIM):
            start, changed = start + 1, True
        if text.startswith("that ", start) or text.startswith("that\n", start):
            start, changed = start + 5, True
        while end > start and (text[end - 1].isspace() or text[end - 1] in _RIGHT_TRIM):
            end, changed = end - 1, True
        if text.endswith((" and", " but"), start, end):
            end, changed = end - 4, True  # 'P," and a ministry official said Q': the conjunction joins the next report
        elif text.endswith((", while", ", whereas"), start, end):
            # "The ministry said P, while the monitor said Q": the contrast opens the next report
            end, changed = text.rindex(",", start, end), True
    return start, end


def _kind(quotes: list[Quote], start: int, end: int) -> str:
    """direct: all inside quotation marks; mixed: reported speech with quoted words; else indirect."""
    overlapping: list[Quote] = []
    for q in quotes[_first_quote(quotes, start) :]:
        if q.start >= end:
            break
        if q.end > start:
            overlapping.append(q)
        if len(overlapping) > 1:
            break
    if not overlapping:
        return "indirect"
    if len(overlapping) == 1 and overlapping[0].start < start and end <= overlapping[0].end:
        return "direct"
    return "mixed"


def _inside_quote(quotes: list[Quote], pos: int) -> bool:
    q = quotes[_first_quote(quotes, pos)] if quotes else None
    return q is not None and q.start <= pos < q.end


def _is_quoted_question(text: str, quotes: list[Quote], start: int) -> bool:
    """The quotation holding start ends with '?' just before its closing mark, and holds no statement before it
    ('"We gave our youth. Who will pay us?"' is one claim: guideline, one contiguous quoted segment)."""
    q = quotes[_first_quote(quotes, start)] if quotes else None
    if q is None or not (q.start <= start < q.end) or not q.closed:
        return False
    return text[q.end - 2 : q.end - 1] == "?" and not holds_statement(text, q)


def _first_quote(quotes: list[Quote], start: int) -> int:
    return max(0, bisect.bisect_right(quotes, start, key=lambda q: q.start) - 1)


def _nested_claims(doc: _Document, outer: ExtractedClaim) -> list[ExtractedClaim]:
    """Quotes inside quotes are claims of their own (guideline, "Nesting")."""
    i = bisect.bisect_left(doc.inner_starts, outer.start)
    j = bisect.bisect_left(doc.inner_starts, outer.end)
    inner = [q for q in doc.inner[i:j] if q.depth == 1]
    if not inner:
        return []
    raws = attribute_sentence(doc.text, outer.start, outer.end, inner, doc.searches)
    for q in inner:
        if any(q.start <= raw.start < q.end for raw in raws):
            continue
        # a quotation runs over several sentences and an inner quote's cue opens a later one: 'They showed me a
        # contract. The man said, 'Q,'" he told us': attribute that sentence alone
        opening = _sentence_start_before(doc.text, outer.start, q.start)
        if opening > outer.start:
            raws += attribute_sentence(doc.text, opening, outer.end, [q], doc.searches)
    claims: list[ExtractedClaim] = []
    for raw in raws:
        quote = next((q for q in inner if q.start <= raw.start < q.end), None)
        if quote is not None:
            raw.end = min(raw.end, quote.end)  # "say, 'Q.' That was the worst part": only the inner quote is quoted
        claim = _build(doc, raw, None, inner)
        if claim is not None and claim.kind == "direct":
            claims.append(_told_by_someone_unnamed(doc, claim, outer.start))
    return claims


_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+(?=[A-Z])")


def _sentence_start_before(text: str, floor: int, pos: int) -> int:
    """Where the sentence holding pos starts (after the last '. ' before it, not before floor), or floor."""
    start = floor
    for m in _SENTENCE_BREAK_RE.finditer(text, floor, pos):
        start = m.end()
    return start


# A description opening a quoted story: "the guard", "the officer" (no name: nobody the article quotes)
_STORY_DESCRIPTION_RE = re.compile(r"[Tt]he\s+([a-z]+)$")


def _told_by_someone_unnamed(doc: _Document, claim: ExtractedClaim, outer_start: int) -> ExtractedClaim:
    """Inside a quotation, 'The officer told my mother, "Q"' is someone in the speaker's story: unnamed unless the
    article spoke of one in that role before (guideline, "Speaker": definite descriptions refer back to a person)."""
    described = _STORY_DESCRIPTION_RE.match(claim.speaker_mention)
    if described is None or re.search(rf"\b{described.group(1)}\b", doc.text[:outer_start], re.I):
        return claim
    return replace(claim, speaker="unnamed sources", speaker_org="")
