"""Kept for imports written before detect_language moved to newsmon/language.py, where the full-text stage can
use it too (consumers never import producers)."""

from newsmon.language import detect_language

__all__ = ["detect_language"]
