"""Speaker mentions -> canonical speakers (claim annotation guideline, "Speaker"); see mention.py."""

from consumers.claims.resolve.mention import resolve_mention

__all__ = ["resolve_mention"]
