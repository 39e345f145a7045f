"""Stable ids: every stage derives the same id from the same facts, which makes writes idempotent."""

import hashlib


def stable_id(*parts: str) -> str:
    """32 hex chars of SHA-256 over the parts (NUL-separated so ('ab','c') != ('a','bc'))."""
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
