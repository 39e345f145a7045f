"""Alert rules: compiled once, matched against article and claim text, outlet and speaker (pure)."""

import re
from dataclasses import dataclass

from newsmon.config import AlertRule


@dataclass(frozen=True, slots=True)
class CompiledRule:
    name: str
    on_articles: bool
    on_claims: bool
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    speakers: tuple[str, ...] = ()  # lower case
    outlets: tuple[str, ...] = ()  # lower case

    def matched_terms(self, *texts: str) -> list[str]:
        """The rule's keywords that occur as whole words (any case) in any of the texts."""
        return [keyword for keyword, pattern in self.patterns if any(pattern.search(t) for t in texts if t)]

    def raised_by(self, outlet: str, speaker: tuple[str, str] | None, *texts: str) -> list[str] | None:
        """The matched keywords when a subject from `outlet` (a claim: by `speaker`, its name and organisation)
        with these texts raises the rule's alert (empty for a rule without keywords), else None."""
        if self.outlets and not any(part in outlet.lower() for part in self.outlets):
            return None
        if self.speakers and (speaker is None or not any(part in name.lower() for part in self.speakers
                                                         for name in speaker)):  # fmt: skip
            return None
        terms = self.matched_terms(*texts)
        return terms if terms or not self.patterns else None


def compile_rule(rule: AlertRule) -> CompiledRule:
    patterns = tuple(
        (keyword, re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, keyword.split())) + r"(?!\w)", re.IGNORECASE))
        for keyword in rule.keywords
        if keyword.strip()
    )
    return CompiledRule(rule.name, "articles" in rule.match and not rule.speakers, "claims" in rule.match, patterns,
                        tuple(part.strip().lower() for part in rule.speakers),
                        tuple(part.strip().lower() for part in rule.outlets))  # fmt: skip
