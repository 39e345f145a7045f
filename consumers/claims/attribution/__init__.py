"""One sentence -> attributed claim candidates (claim annotation guideline); see sentence.py."""

from consumers.claims.attribution.sentence import attribute_sentence
from consumers.claims.attribution.spans import RawClaim

__all__ = ["RawClaim", "attribute_sentence"]
