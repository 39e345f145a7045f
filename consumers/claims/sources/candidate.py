"""The record a cue's analysis fills in: where the cue is, who speaks, and the shape of its complement."""

from dataclasses import dataclass


@dataclass(slots=True)
class Candidate:
    """A cue with its source and the shape of its complement, before contents are fixed."""

    cue_start: int
    cue_end: int
    verb: str
    clause_start: int          # where this cue's own words begin (subject, or the "and"/"," joining it)
    mention_start: int = -1    # speaker mention, -1 when inherited from the previous candidate
    mention_end: int = -1
    head_end: int = -1         # end of the name part of the mention (before an apposition)
    complement: str = ""       # "that" | "colon" | "direct" | "empty" | "comma" | "left" | "according-first"
    content_from: int = -1
    inherit: bool = False
    fronted: bool = False      # "Noting that P, X said Q": the speaker is the subject of the cue after it
    content_to: int = -1       # where the content ends when not at the sentence's end ('... "Q," during a visit')
    disputes: bool = False     # "P, a figure the ministry disputed, saying Q": another source's answer, not nested
