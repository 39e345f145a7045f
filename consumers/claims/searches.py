"""Searches that the cues of one sentence repeat, each remembered for the document it was asked about.

One DocumentSearches per extract_claims call, never shared (as DocumentContext): two texts extracted at once in
worker threads keep apart. Every answer is a pure function of the text, so remembering it changes no output; it only
keeps a long sentence of many cues from searching the same stretch again on each cue (quadratic on hostile text).
"""

import bisect


class DocumentSearches:
    """Remembered searches over one document's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        # by start: (end searched to, the first ", " at or after start, or -1 for none before that end)
        self._comma_space: dict[int, tuple[int, int]] = {}
        # the quotation spans of the sentence asked last (compared by identity and held, so never a new list at an
        # old address) and the starts of those that are no scare quotes
        self._sentence_quotes: list[tuple[int, int]] | None = None
        self._not_scare_starts: list[int] = []

    def has_comma_space(self, start: int, end: int) -> bool:
        """text.find(", ", start, end) > 0. The cues of a sentence ask from the same starts with later ends: where each
        search left off is remembered (a search from the start on each cue made a long sentence without ', '
        quadratic)."""
        searched_to, found = self._comma_space.get(start, (start, -1))
        if found < 0 and end > searched_to:
            # (from one character back: a ", " that the last end cut in two)
            found = self.text.find(", ", max(start, searched_to - 1), end)
            self._comma_space[start] = (end, found)
        return found > 0 and found + 2 <= end

    def only_scare_quotes(self, inside: list[tuple[int, int]], lo: int, hi: int) -> bool:
        """'X praised the "close ties" and said P': the quotations of the sentence (inside) that start in [lo, hi)
        are short words inside the narration (after a lower-case word and before one), so the sentence subject still
        stands before them. The quotations that are no scare quotes are found once per sentence (a loop over them
        on every cue made many quotations and cues quadratic)."""
        if self._sentence_quotes is not inside:
            text = self.text
            self._not_scare_starts = [q_start for q_start, q_end in inside if not _is_scare_quote(text, q_start, q_end)]
            self._sentence_quotes = inside
        others = self._not_scare_starts
        i = bisect.bisect_left(others, lo)
        return i == len(others) or others[i] >= hi


def _is_scare_quote(text: str, q_start: int, q_end: int) -> bool:
    return q_end - q_start <= 60 and text[q_start - 2 : q_start - 1].islower() and text[q_end + 1 : q_end + 2].islower()
