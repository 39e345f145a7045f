"""Who speaks: the source of a cue, found around it in its sentence (claim annotation guideline, "Speaker").

Subjects before the verb ("Dillon, a spokesman for X, said"), after it ("said Rami Haddad"), a role before a name
("The UN envoy, Geir Pedersen, said"), an outlet citing its source, and the sentence subject for participles.
"""

from consumers.claims.sources.after_cue import subject_right
from consumers.claims.sources.before_cue import subject_left
from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.clauses import skip_space
from consumers.claims.sources.sentence_subject import sentence_subject
from consumers.claims.sources.words import BARE_REPORTS, PRONOUNS, SOURCE_NOUNS, is_outlet

__all__ = [
    "BARE_REPORTS",
    "PRONOUNS",
    "SOURCE_NOUNS",
    "Candidate",
    "is_outlet",
    "sentence_subject",
    "skip_space",
    "subject_left",
    "subject_right",
]
