"""Keyword alert rules: compiled once, matched against article and claim text (pure)."""

import re
from dataclasses import dataclass

from newsmon.config import AlertRule


@dataclass(frozen=True, slots=True)
class CompiledRule:
    name: str
    on_articles: bool
    on_claims: bool
    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    def matched_terms(self, *texts: str) -> list[str]:
        """The rule's keywords that occur as whole words (any case) in any of the texts."""
        return [keyword for keyword, pattern in self.patterns if any(pattern.search(t) for t in texts if t)]


def compile_rule(rule: AlertRule) -> CompiledRule:
    patterns = tuple(
        (keyword, re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, keyword.split())) + r"(?!\w)", re.IGNORECASE))
        for keyword in rule.keywords
        if keyword.strip()
    )
    return CompiledRule(rule.name, "articles" in rule.match, "claims" in rule.match, patterns)
