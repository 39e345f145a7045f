"""Cue lexicon: reporting verbs and phrases that attribute a claim (claim annotation guideline, "What is a claim")."""

import re

# Verbs that take a reported proposition: "X said (that) P", "P, X said".
SAY_VERBS = [
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding", "claimed",
    "claims", "claiming", "denied", "denies", "deny", "denying", "confirmed", "confirms", "confirming", "estimated",
    "estimates", "estimating", "warned", "warns", "warning", "stated", "states", "stating", "announced", "announces",
    "announcing", "reported", "reports", "noted", "notes", "noting", "explained", "explains", "explaining",
    "insisted", "insists", "insisting", "argued", "argues", "arguing", "stressed", "stresses", "stressing",
    "reiterated", "reiterates", "reiterating", "asserted", "asserts", "asserting", "alleged", "alleges", "alleging",
    "acknowledged", "acknowledges", "acknowledging", "admitted", "admits", "admitting", "wrote", "writes",
    "revealed", "reveals", "disclosed", "discloses", "declared", "declares", "declaring", "maintained", "maintains",
    "maintaining", "emphasised", "emphasized", "emphasises", "emphasizes", "emphasising", "emphasizing", "predicted",
    "predicts", "contended", "contends", "countered", "counters", "replied", "replies", "continued", "conceded",
    "concedes", "cautioned", "cautions", "affirmed", "affirms", "affirming", "assured", "assures", "informed",
    "informs", "indicated", "indicates", "clarified", "clarifies", "boasted", "boasts", "complained", "complains",
    "charged", "charges", "observed", "observes", "recalled", "recalls", "remarked", "remarks", "suggested",
    "suggests", "believes", "believed", "thinks", "thought", "tweeted", "posted", "quoted", "reads", "read",
    # base forms for plural subjects: "officials claim", "residents insist"
    "claim", "confirm", "warn", "insist", "argue", "allege", "admit", "estimate", "stress", "maintain",
    "contend", "acknowledge", "concede", "believe", "agreed", "agrees", "concluded", "concludes", "report", "write",
    "complain",
    # a promise with a proposition: "The governor promised that P" (only with a clause: "promised to", "promised aid")
    "promised",
    # "announced that P, indicating that Q" (only with a clause; a judge's ", ruling that P" is a phrasal cue below)
    "indicating",
    # denials by another verb: only "rejected reports that P" reports (NEEDS_CLAUSE), "rejected the plan" does not
    "rejected", "rejects", "rejecting",
    # a denial: "refuted reports of clashes", "refuted claims that P" (as "denied")
    "refuted", "refutes", "refuting",
    "underlined", "underlines", "underlining", "underscored", "underscores", "underscoring",
    # a witness in court: "A former guard testified that P"
    "testified", "testifies", "testifying",
    # a monitor's finding: "STJ documented that P" (only with a clause; "documents" is a noun too often)
    "documented", "documenting",
    # a court's finding: "The court ruled that P" (only with a clause: not "ruled out", "ruled the city"); "found
    # that P" only for a court or its bench (cue_content checks the speaker: "Reporters found that" is narration)
    "ruled", "found",
    # "denied P, writing that Q"; "answered in Arabic that P" (only with a clause: not "answered questions")
    "writing", "answered", "answers", "answering",
    # a statement made again: "The ministry repeated its earlier statement that P" (only with a clause: "repeated
    # the call", "repeated attacks" are none)
    "repeated", "repeats", "restated", "restates",
]
# Verbs whose object is part of the claim: "accused X of Y", "blamed X for Y", "described X as Y".
OBJECT_VERBS = {
    "accused": "of", "accuses": "of", "accusing": "of", "blamed": "for", "blames": "for", "blaming": "for",
    "described": "as", "describes": "as", "describing": "as", "branded": "as", "brands": "as",
    "characterised": "as", "characterized": "as", "dismissed": "as", "dismisses": "as",
    "condemned": "as", "condemns": "as", "denounced": "as", "denounces": "as", "labelled": "as", "labeled": "as",
    "attributed": "to", "attributes": "to", "attributing": "to", "accuse": "of", "blame": "for", "describe": "as",
}
# Verbs that need an addressee before the proposition: "told reporters (in Moscow) that P".
ADDRESSEE_VERBS = frozenset(
    [
        "told", "tells", "tell", "telling", "informed", "informs", "assured", "assures", "warned", "warns",
        "reminded", "reminds", "briefed", "promised",
    ])
# "-ing" forms that start a second claim of the same speaker: "..., adding that P", "..., denying reports that P".
PARTICIPLES = frozenset(v for v in SAY_VERBS + list(OBJECT_VERBS) if v.endswith("ing"))
# Verbs that can put the speaker after them: "'...,' said Ingrid Halvorsen".
INVERTIBLE = frozenset([
    "said", "says", "added", "adds", "continued", "explained", "wrote", "noted", "asked", "insisted",
    "stressed", "warned",
    # a memory told in a profile or an obituary: '"...," recalled NAME, who served under him'
    "recalled", "recalls",
    # '"...," reads the caption of one post': only a document speaks so (verb_cues checks the mention)
    "reads", "read",
])
# "read(s)" only reports when a document speaks: "the letters read", "a statement reads".
DOCUMENT_NOUNS = frozenset(
    [
        "statement", "statements", "letter", "letters", "text", "note", "notice", "message", "communique",
        "communiqué", "report", "post", "posts", "tweet", "release", "document", "leaflet", "banner", "sign",
        "signs", "declaration", "resolution", "transcript", "memo", "email", "quote", "quotation", "caption",
        "headline", "slogan", "inscription", "placard", "placards",
        # answers under a post: '"...," one reply read'
        "reply", "replies", "comment", "comments",
    ]
)
# Who reads a document out on air: '"...," the presenter read' (read reports for them too)
READER_NOUNS = frozenset(["presenter", "announcer", "anchor", "newsreader", "newscaster"])
# Verbs that report only with a clause or a quotation, never with a plain object ("stressed the need for").
NEEDS_CLAUSE = frozenset([
    "agreed", "agrees", "concluded", "concludes", "confirm", "acknowledge", "concede", "stress", "maintain", "found",
    "announced", "announces", "announcing", "stressed", "stresses", "stressing", "noted", "notes", "noting",
    "reiterated", "reiterates", "reiterating", "emphasised", "emphasized", "emphasises", "emphasizes",
    "emphasising", "emphasizing", "acknowledged", "acknowledges", "acknowledging", "revealed", "reveals",
    "disclosed", "discloses", "predicted", "predicts", "affirmed", "affirms", "affirming", "declared", "declares",
    "declaring", "confirmed", "confirms", "confirming", "reported", "reports", "explained", "explains",
    "rejected", "rejects", "rejecting", "repeated", "repeats", "restated", "restates",
    # "Shelling continued near the dam": only '"...," he continued' or "continued: ..." reports
    "continued",
    "underlined", "underlines", "underlining", "underscored", "underscores", "underscoring",
    # a witness in court: "A former guard testified that P"
    "testified", "testifies", "testifying",
    "documented", "documenting",
    "answered", "answers", "answering", "writing",
    "ruled", "promised", "indicating",
    # "The coalition maintains a presence at several bases": keeps, not asserts (only "maintains that P" reports)
    "maintained", "maintains", "maintaining",
])
WEAK_VERBS = frozenset([
    "believes", "believed", "thinks", "thought", "suggested", "suggests", "called", "posted", "tweeted", "believe",
])

def trie_pattern(words: set[str] | frozenset[str] | list[str]) -> str:
    """A regex alternation factored by common prefixes: one branch per letter instead of one per word (speed)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_to_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


_VERB_ALT = trie_pattern(set(SAY_VERBS) | set(OBJECT_VERBS))
# "put the (civilian) death toll at N", "put the number of displaced at N", "estimated the number of X at N",
# "put the harvest at N".
_TOLL = (r"(?:put|puts|putting|estimated|estimates|placed|places|raised|raises|revised|set|sets)\s+"
         r"(?:the|its|their)\s+(?:[\w'’-]+\s+){0,5}?"
         r"(?:toll|number|figure|tally|count|total|population|cost|losses|damage|size|strength|"
         # ("put the wheat harvest at N tonnes": an estimate of output)
         r"harvest|crop|output|production|yield|turnout)"
         r"(?:\s+[\w'’-]+){0,12}?\s+(?:at|to)\b")
# Every first character a cue can have: a look-ahead on it rejects most positions before the branches are tried (the
# pattern is searched in every sentence). Must list the first letter of every alternative of CUE_RE below.
_CUE_FIRST_CHARS = "".join(
    sorted(
        {w[0] for w in [*SAY_VERBS, *OBJECT_VERBS]}
        | set("pers")  # toll verbs: put, estimated, raised, set
        | set("Aaq")  # according, quoted
        | set("pmgwih")  # phrasal: pointed, made, goes, went; passive: was, is, has
    )
)
_CUE_BODY = (
    rf"(?:(?P<toll>{_TOLL})|(?P<according>[Aa]ccording\s+to)|(?P<quoted>quoted)\s+(?P<qnp>[^,.;:\"“”«»]{{1,80}}?|(?:an?|the)\s+[\"“][^,.;:\"“”«»]{{1,40}}[\"”])\s+as\s+saying"
    rf"|(?P<phrasal>(?:pointed|points|pointing)\s+out|made\s+clear|went\s+on\s+to\s+say|goes\s+on\s+to\s+say"
    # a judge's "rejected the request, ruling that P" (not "in its ruling that", "his ruling party")
    rf"|(?<=,\s)ruling(?=\s+that\b)"
    # "As X put it to this newspaper: Q", "X put it bluntly: Q" (not "put it on the table", "put it at 40")
    rf"|(?:put|puts)\s+it(?:\s+(?:to\s+(?!(?:the\s+)?(?:test|vote|use)\b)(?:(?:this|the|a|an|our)\s+)?[\w'’-]+|bluntly|"
    rf"simply|plainly|succinctly|starkly|frankly|this\s+way))?(?=[^.;\"“”]{{0,30}}[,:]))"
    rf"|(?P<passive>(?:was|were|is|has\s+been|had\s+been)\s+quoted\s+(?:by\s+[^,.;:\"“”«»]{{1,80}}?\s+)?as\s+saying"
    # an interpreter's version of the speaker's words: "His next answer was translated as: Q"
    rf"|(?:was|were)\s+(?:translated|rendered|interpreted)\s+as(?=\s*:))"
    rf"|(?P<verb>{_VERB_ALT}))\b"
)
CUE_RE = re.compile(rf"(?=[{_CUE_FIRST_CHARS}])\b{_CUE_BODY}")
# Words between a subject and its verb that belong to the cue as written: "has previously said", "also denied".
AUX_RE = re.compile(
    r"(?:\s+(?:has|have|had|also|previously|long|later|earlier|again|repeatedly|reportedly|further|once|then|"
    r"separately|publicly|privately|officially|recently|already|would|will|may|might|could|can|did|does|do|"
    r"usually|often|routinely|frequently|regularly|always|now|still|"
    r"has\s+since|in\s+turn|meanwhile|however|too|firmly|flatly|strongly|categorically|vehemently|had\s+earlier|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    # manner adverbs: "falsely said", "wrongly claimed", "angrily denied" (not nouns in -ly: "the family said")
    r"(?!(?:family|ally|assembly|supply|reply|rally|anomaly|monopoly|daily|weekly|monthly|fly|italy|july)\b)[a-z]{3,}ly)"
    r")+\s*$"
)
# Last words of AUX_RE's alternatives: AUX_RE can only match when the word before the cue is one of them.
_AUX_LAST_WORDS = frozenset(
    [
        "has", "have", "had", "also", "previously", "long", "later", "earlier", "again", "repeatedly",
        "reportedly", "further", "once", "then", "separately", "publicly", "privately", "officially", "recently",
        "already", "would", "will", "may", "might", "could", "can", "did", "does", "do", "usually", "often",
        "routinely", "frequently", "regularly", "always", "now", "still", "since", "turn", "meanwhile", "however",
        "too", "firmly", "flatly", "strongly", "categorically", "vehemently", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday",
    ])


def may_end_with_aux(text: str, lo: int, pos: int) -> bool:
    """Cheap necessary test for AUX_RE.search(text, lo, pos): the word before pos could close an auxiliary run."""
    word = _last_word(text, lo, pos)
    return word in _AUX_LAST_WORDS or (len(word) >= 5 and word.endswith("ly") and word.islower())



# A report made by calling or writing again: "The official later called back to say that P"
_CALLED_TO_RE = re.compile(r"\b(?:called|phoned|rang|wrote|came)\s+(?:back\s+|again\s+)?to\s+$")


def verb_group_start(text: str, lo: int, verb_start: int) -> int:
    """Where the verb group of a cue starts: at the auxiliaries just before it ("has also said"), else at the verb."""
    aux_lo = max(lo, verb_start - 60)
    if text.endswith("to ", aux_lo, verb_start) and (called := _CALLED_TO_RE.search(text, aux_lo, verb_start)):
        verb_start = called.start()  # "later called back to say that": the group opens at "called" (and "later")
        aux_lo = max(lo, verb_start - 60)
    aux = AUX_RE.search(text, aux_lo, verb_start) if may_end_with_aux(text, aux_lo, verb_start) else None
    return aux.start() if aux else verb_start

# Last words NEGATION_RE and PASSIVE_RE can end on ("n't" ends on "t"): a cheap test before either search.
_NEGATION_OR_PASSIVE_LAST_WORDS = frozenset(
    [
        "not", "never", "t", "to", "immediately", "yet", "publicly", "officially", "independently", "explicitly",
        "is", "are", "was", "were", "be", "been", "being", "neither", "nor",
    ])


def may_end_with_negation_or_passive(text: str) -> bool:
    """Cheap necessary test for NEGATION_RE.search(text) or PASSIVE_RE.search(text)."""
    return _last_word(text, 0, len(text)) in _NEGATION_OR_PASSIVE_LAST_WORDS


def _last_word(text: str, lo: int, pos: int) -> str:
    """The run of letters ending at the last non-space character of text[lo:pos] ("" if that is not a letter)."""
    parts = text[lo:pos].rsplit(None, 1)  # whitespace as str.isspace: the last token holds the run
    if not parts:
        return ""
    token = parts[-1]
    if token.isalpha():
        return token
    start = len(token)
    while start > 0 and token[start - 1].isalpha():
        start -= 1
    return token[start:]


NEGATION_RE = re.compile(
    # ("neither confirmed nor denied": neither verb reports)
    r"(?:\b(?:not|never|n't|declined\s+to|refused\s+to|failed\s+to|unable\s+to|did\s+not|would\s+not|could\s+not|"
    r"neither|neither\s+[a-z]+\s+nor)"
    r"(?:\s+(?:immediately|yet|publicly|officially|independently|explicitly))?\s*)$"
)
# What a restating verb repeats before its clause: "reiterated its earlier statement that P", "repeated the
# ministry's position that P" (the noun names the earlier claim; the clause is what is claimed again)
RESTATED_OBJECT_RE = re.compile(
    r"\s+(?:its|his|her|their|the\s+[a-z]+['’]s)\s+(?:(?:earlier|previous|long-standing|official|stated)\s+)?"
    r"(?:statement|position|assertion|view|stance|claim|insistence)\s+that\b"
)
PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$")
# Prepositional phrases and adverbs a cue may carry before its content: "said on Tuesday in a statement that".
PP_WORDS = frozenset(
    [
        "on", "in", "at", "to", "by", "from", "during", "with", "via", "through", "over", "after", "before", "late",
        "early", "earlier", "later", "last", "this", "today", "yesterday", "tonight", "again", "also", "repeatedly",
        "previously", "publicly", "privately", "officially", "separately", "recently", "while", "when", "via",
        "under", "per",
    ]
)
DENIAL_OBJECT_RE = re.compile(
    r"\s+(?:the\s+|these\s+|those\s+|such\s+|media\s+|press\s+|recent\s+|earlier\s+|[Ww]estern\s+|any\s+|all\s+)*"
    r"(?:reports?|claims?|allegations?|accusations?|suggestions?|rumou?rs?|charges?|assertions?|speculation)"
    # "denied reports circulated on pro-government pages that P": where the reports ran is no part of P
    r"(?:\s+(?:circulat|publish|carri|spread|shar|air|post|broadcast|repeat|made)\w*\s+(?:on|in|by|across|over)\s+"
    r"[^,.;:!?\"“”«»]{1,60}?(?=\s+that\b))?"
    r"(?:\s+that\b)?"
    # "X denied that account.", "denied this claim": a determiner before one report noun, not a complementiser
    r"|\s+(?:that|this)\s+(?:report|claim|allegation|accusation|suggestion|rumou?r|charge|assertion|account|story|"
    r"version)(?![\w'’-])(?!\s+(?:is|was|were|are|had|has|have|would|could|will|did)\b)"
    # "Barudo denied this, saying P": what is denied was said before; the words after speak for the denier
    r"|\s+(?:this|that|it|these|those|them)(?=\s*[,.;])"
)
