"""Topic names: the one place they are spelled.

Every topic name is ``<prefix><base>``; the prefix (empty by default) lets tests and parallel
deployments share one broker without seeing each other's records.
"""

from dataclasses import dataclass

ITEMS = "newsmon.items"
ITEMS_FETCH = "newsmon.items.fetch"  # items of full-text feeds, on their way to the full-text stage
ARTICLES = "newsmon.articles"
CLAIMS = "newsmon.claims"
DLQ = "newsmon.dlq"
ALERTS_PREFIX = "newsmon.alerts."


@dataclass(frozen=True, slots=True)
class Topics:
    """Resolved topic names for one deployment (base names with the configured prefix)."""

    prefix: str = ""

    @property
    def items(self) -> str:
        return self.prefix + ITEMS

    @property
    def items_fetch(self) -> str:
        return self.prefix + ITEMS_FETCH

    def named(self, base: str) -> str:
        """A base name stored without prefix (an outbox row's topic) as this deployment's topic."""
        return self.prefix + base

    @property
    def articles(self) -> str:
        return self.prefix + ARTICLES

    @property
    def claims(self) -> str:
        return self.prefix + CLAIMS

    @property
    def dlq(self) -> str:
        return self.prefix + DLQ

    def alerts(self, rule: str) -> str:
        return self.prefix + ALERTS_PREFIX + rule
