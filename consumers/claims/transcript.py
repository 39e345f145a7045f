"""Interview transcripts: paragraphs that open with a speaker's label ("Rudaw: ...", "Q: ...", "HOST: ...").

Each answer turn is one claim of the interviewee, attributed by position (claim annotation guideline: cue "" when a
quote is attributed only by position; kind direct, the verbatim words though printed without quotation marks; span
the whole turn, over its paragraphs). The interviewer's questions are not claims, but a declarative relay in a
question turn ("The federation says P. Do you agree?") is its subject's claim, found by the sentence rules. Reports
inside an answer are nested in the turn's claim (guideline, "Nesting": outer claim only), except a quotation inside
it, as quotes inside quotes. A turn that states nothing (a refusal to answer, thanks, a greeting) is no claim.

A layout is a transcript only when an interviewer's turn is followed at once by another label's turn; the
interviewer is "Q", a host or presenter, or a label heading two or more turns, one of them a question. So a
headline ("Foreign Ministry: Turkish strikes must stop"), "Verdict:", "Source:", a dateline, list labels or a
colon in narration do not start one. A briefing may open with the spokesperson's statement before the first
question ("MR ORAL: ..." / "QUESTION: ..." / "MR ORAL: ..."): that turn is the transcript's first.
"""

import re
from dataclasses import dataclass

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
# A label: capitalised words (a title, a name, an outlet: "MS. WILSON", "Al-Zoubi", "Kurdistan24", "Syria Post",
# "RFE/RL"),
# perhaps with a note in brackets ("HOST (Lina Haddad)", "KARIM ABDALLAH (economist)"), then ": " and the words.
_LABEL_RE = re.compile(
    r"(?P<label>(?:[A-Z][\w'’.-]*(?:/[A-Z][\w'’.-]*)?|al-[\w'’-]+)"
    r"(?:[ ](?:[A-Z][\w'’.-]*|al-[\w'’-]+|el-[\w'’-]+|bin|ibn|abu|de)){0,4})"
    r"(?:[ ]\((?P<note>[^()\n]{1,60})\))?:[ \t]+(?=\S)"
)
_INTERVIEWER_LABELS = frozenset(
    ["q", "question", "host", "interviewer", "presenter", "anchor", "moderator", "reporter", "journalist"]
)
_ANSWER_LABELS = frozenset(["a", "answer"])
# Labels of a page's parts, never a speaker: a fact-check's lines, a liveblog's or a report's headings
_PAGE_LABELS = frozenset(
    [
        "verdict", "rating", "claim", "source", "sources", "fact check", "fact-check", "photo", "photo caption",
        "caption", "analysis", "interview", "live", "update", "updates", "correction", "note", "editor's note",
        "context", "explainer", "exclusive", "report", "opinion", "watch", "read more", "breaking", "background",
        "summary", "speaker", "what was claimed", "the facts", "conclusion", "transcript", "video", "map",
    ]
)
# A turn with no proposition: a refusal to answer, thanks, a greeting ("I can't answer that today.")
_NO_PROPOSITION_RE = re.compile(
    r"(?:(?:I|We)\s+(?:can(?:not|'t|’t)|won(?:'|’)t|will\s+not|do(?:n't|n’t|\s+not)\s+want\s+to|(?:would|'d|’d)\s+"
    r"rather\s+not)\s+(?:answer|comment(?:\s+on)?|say|discuss|talk\s+about|go\s+into|(?:give|promise)\s+(?:you\s+)?(?:a\s+)?"
    r"(?:date|timeline|timetable|figure|number|details|names))"
    r"(?:\s+(?:that|this|it|(?:individual|specific|particular|single)\s+cases?"
    # "comment on discussions with other governments", "on our talks with the UN": talks held, not what they hold
    r"|(?:(?:the|our|any|those|these|private|diplomatic)\s+)?(?:discussions|talks|conversations|contacts|exchanges|"
    r"negotiations)(?:\s+with\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?))?"
    r"(?:\s+(?:today|now|yet|at\s+(?:this|the)\s+(?:moment|time|stage)|here))?"
    # "I'm not going to get into the details of consular cases": the details of what it will not discuss
    r"|(?:I|We)(?:\s+am|\s+are|'m|’m|'re|’re)\s+not\s+going\s+to\s+(?:get|go)\s+(?:into|ahead\s+of)\s+(?:the\s+)?"
    r"(?:details|specifics|substance)(?:\s+of\s+[\w'’ -]{1,60})?"
    # "We have nothing to add.", "I have nothing further to say on that", "nothing to share": nothing stated
    r"|(?:I|We)\s+have\s+nothing\s+(?:more\s+|further\s+|else\s+)?to\s+(?:add|say|share)(?:\s+on\s+(?:that|this|it))?"
    r"(?:\s+(?:today|now|at\s+(?:this|the)\s+(?:moment|time|stage)))?"
    r"|No\s+comment|Next\s+question|Thank\s+you(?:\s+(?:all|very\s+much|for\s+[\w'’ ]{1,40}))?"
    r"|Thanks(?:,?\s+(?:all|everyone|everybody|very\s+much))?|You(?:'re|’re)\s+"
    r"welcome|Good\s+(?:morning|evening|afternoon)|Hello|(?:It\s+was\s+)?[Mm]y\s+pleasure)[.!]?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: its label text[label_start:label_end] (note: a bracketed role, or ""), its words
    text[start:end] over one or more paragraphs, and whether it is an answer (else the interviewer's)."""

    label_start: int
    label_end: int
    note: str
    start: int
    end: int
    is_answer: bool


def find_turns(text: str) -> list[Turn]:
    """The turns of the transcripts in text, in reading order; [] when it has none."""
    if ": " not in text:
        return []
    paragraphs = _split_question_answer_lines(
        text, [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]
    )
    labels = [_label(text, start) for start, _ in paragraphs]
    interviewers = _interviewer_labels(text, paragraphs, labels)
    if not interviewers:
        return []
    named: set[str] = set()
    first = next(
        (i for i in range(len(labels) - 1) if _opens_transcript(text, labels[i], labels[i + 1], interviewers, named)),
        -1,
    )
    if first < 0:
        return []
    before = first - 1
    while before > 0 and labels[before] is None:
        before -= 1  # (the opening statement may run over paragraphs)
    opening, answer = (labels[before] if before >= 0 else None), labels[first + 1]
    if opening is not None and answer is not None and (
            _key(opening) == _key(answer) or _key(opening).startswith(f"{_key(answer)} ")
            or (_key(opening) not in interviewers and _answers_later(labels, first, _key(opening)))):
        # a briefing: the spokesperson's opening statement ("Spokesperson NAME: ..." before "Spokesperson: ..."
        # answers), then the first question, to them or to another speaker who answers later
        first = before
    turns: list[Turn] = []
    for i in range(first, len(paragraphs)):
        label = labels[i]
        if label is None:
            continue
        key = _key(label)
        if key in _PAGE_LABELS or (key not in interviewers and not _names_speaker(text, label, named)):
            break  # "Verdict:", "Note:", "Water:": the page goes on after the transcript
        # unlabelled paragraphs go on with the turn only up to the next turn: after the last one the article goes on
        last = i
        j = i + 1
        while j < len(paragraphs) and labels[j] is None:
            j += 1
        following = labels[j] if j < len(paragraphs) else None
        if following is not None and _key(following) not in _PAGE_LABELS \
                and (_key(following) in interviewers or _names_speaker(text, following, named)):
            last = j - 1
        turns.append(Turn(label.start("label"), label.end("label"), label.group("note") or "", label.end(),
                          paragraphs[last][1], key not in interviewers))
    return turns


def _answers_later(labels: list[re.Match[str] | None], first: int, key: str) -> bool:
    """The label key heads a turn after the first question (the opening speaker answers later too)."""
    return any(label is not None and _key(label) == key for label in labels[first + 1 :])


def _opens_transcript(
    text: str,
    label: re.Match[str] | None,
    following: re.Match[str] | None,
    interviewers: frozenset[str],
    named: set[str],
) -> bool:
    """An interviewer's turn followed at once by another speaker's."""
    return label is not None and following is not None and _key(label) in interviewers \
        and _key(following) not in interviewers and _key(following) not in _PAGE_LABELS \
        and _names_speaker(text, following, named)


def _names_speaker(text: str, label: re.Match[str], named: set[str]) -> bool:
    """An answer's label names someone: 'A:', two words or more ('Hevi Mustafa', 'MS. WILSON'), or a surname the
    text gave before after a first name ('Haddad' after 'coach Ahmad Haddad'); not a section's word ('Water:')."""
    words = label.group("label").split()
    if len(words) > 1 or _key(label) in _ANSWER_LABELS or _key(label) in named:
        return True
    if re.compile(rf"(?:^|\n){re.escape(words[0])}[ ][A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){{0,3}}:[ ]").search(
            text, max(0, label.start() - _INTRODUCTION_CHARS), label.start()) is not None:
        named.add(_key(label))  # "Spokesperson: ..." after a turn under "Spokesperson NAME:": the title alone
        return True
    # (the introduction is near: a bounded look-back keeps a text of many labels linear)
    before = text.rfind(words[0], max(0, label.start() - _INTRODUCTION_CHARS), label.start())
    if before < 0 and words[0].isupper():
        # "SAADEH:" after "Dr. Karim Saadeh" in the introduction: the surname in capitals
        before = text.rfind(words[0].capitalize(), max(0, label.start() - _INTRODUCTION_CHARS), label.start())
    full_name = re.compile(rf"[A-Z][\w'’-]+\s+(?i:{re.escape(words[0])})\b")
    if (before >= 0 or words[0][:3] in ("Al-", "El-")) \
            and full_name.search(text, max(0, label.start() - _INTRODUCTION_CHARS), label.start()) is not None:
        named.add(_key(label))  # (named once, the label stays a speaker's through a long transcript)
        return True
    return False


_INTRODUCTION_CHARS = 6000


def states_nothing(text: str, start: int, end: int) -> bool:
    """The turn text[start:end] holds no proposition: only a refusal to answer, thanks or a greeting."""
    return _NO_PROPOSITION_RE.fullmatch(text[start:end].strip()) is not None


def label_head(text: str, turn: Turn) -> str:
    """The label as a speaker's mention: 'MS. WILSON' -> 'Ms. Wilson', 'Al-Zoubi' as the text spells it before."""
    label = text[turn.label_start : turn.label_end]
    if label.isupper():
        label = " ".join(w.capitalize() if not w.startswith("AL-") else "al-" + w[3:].capitalize()
                         for w in label.split())
    if label.startswith(("Al-", "El-")) and (lower := label[0].lower() + label[1:]) in text[: turn.label_start]:
        label = lower  # "Al-Zoubi:" opening a line is "Anwar al-Zoubi" of the introduction
    return label


def is_answer_label(text: str, turn: Turn) -> bool:
    """The label only says "answer" ('A:'), so the interviewee is whoever the introduction presented."""
    return _key_text(text[turn.label_start : turn.label_end]) in _ANSWER_LABELS


# A live page's entry time before its label: "11:06 - Q (Reuters): ...", "14:30 — A: ..."
_ENTRY_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}[ \t]*[-–—][ \t]*")
# A line of a question or answer label inside a paragraph: "Q (AFP): ...\nA: ..." set without a blank line between
_QA_LINE_RE = re.compile(
    r"\n(?:\d{1,2}[:.]\d{2}[ \t]*[-–—][ \t]*)?(?:Q|A|QUESTION|ANSWER|Question|Answer)(?:[ ]\([^()\n]{1,60}\))?:[ \t]+\S"
)


def _split_question_answer_lines(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each "Q:" or "A:" line opens a paragraph of its own, a blank line before it or not."""
    if _QA_LINE_RE.search(text) is None:
        return paragraphs
    split: list[tuple[int, int]] = []
    for start, end in paragraphs:
        for m in _QA_LINE_RE.finditer(text, start, end):
            split.append((start, m.start()))
            start = m.start() + 1
        split.append((start, end))
    return split


# A committee's numbered question before its label: "Q12 Chair: ...", "Q13 Ben Carver: ..." (Hansard oral evidence)
_QUESTION_NUMBER_RE = re.compile(r"Q\d{1,4}[ \t]+(?=[A-Z])")


def _label(text: str, start: int) -> re.Match[str] | None:
    if text[start : start + 1].isdigit() and (timed := _ENTRY_TIME_RE.match(text, start)) is not None:
        start = timed.end()  # "11:06 - Q (Reuters): ...": the entry's time, then the label
    elif text[start : start + 1] == "Q" and (numbered := _QUESTION_NUMBER_RE.match(text, start)) is not None:
        start = numbered.end()  # "Q12 Chair: ...": the question's number, then the asker's label
    m = _LABEL_RE.match(text, start)
    if m is None or text.count("\n", start, m.end()):
        return None
    return m


def _key(label: re.Match[str]) -> str:
    return _key_text(label.group("label"))


def _key_text(label: str) -> str:
    return " ".join(label.lower().split())


def _interviewer_labels(
    text: str, paragraphs: list[tuple[int, int]], labels: list[re.Match[str] | None]
) -> frozenset[str]:
    """Labels of interviewers: "Q", a host, or a label heading two turns or more, one of them a question."""
    turns: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        if label is not None and _key(label) not in _PAGE_LABELS:
            turns.setdefault(_key(label), []).append(i)
    found = {key for key in turns if key in _INTERVIEWER_LABELS}
    # (a numbered question's asker is an interviewer: "Q13 Ben Carver: ...?")
    found |= {_key(label) for (start, _), label in zip(paragraphs, labels, strict=True)
              if label is not None and _QUESTION_NUMBER_RE.match(text, start) is not None}
    asking = [
        (where[0], key) for key, where in turns.items()
        if len(where) >= 2 and key not in _ANSWER_LABELS
        and any(text.find("?", paragraphs[i][0], paragraphs[i][1]) >= 0 for i in where)
    ]
    if not found and asking:
        found.add(min(asking)[1])  # (the interviewer opens; an answer may hold a question of its own)
    return frozenset(found)
