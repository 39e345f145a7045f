"""Claim: an attributed statement found in an article (topic newsmon.claims, key claim_id)."""

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.base import Message


class Quantity(BaseModel):
    """A number stated in a claim, as written and as a value."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The quantity as written, e.g. 'more than 3,000 fighters'.")
    value: float | None = Field(None, description="Numeric value (lower bound of a range), if it could be read.")
    value_max: float | None = Field(None, description="Upper bound of a range, e.g. 30 in '20 to 30'.")
    unit: str = Field("", description="What is counted, e.g. 'fighters', 'percent'.")
    qualifier: str = Field("", description="Hedge such as 'more than', 'about', 'up to'.")


class Claim(Message):
    """Who said what, where: one attributed statement with its provenance."""

    claim_id: str = Field(description="Stable id: hash of article id, span and extractor version.")
    article_id: str = Field(description="Article the claim was found in.")
    article_version: int = Field(description="Version of the article the claim was extracted from.")
    outlet: str = Field(description="Outlet that published the article.")
    url: str = Field(description="Article URL.")
    published_at: AwareDatetime = Field(description="Article publication time (UTC).")
    speaker: str = Field(description="Canonical speaker: person's full name or canonical organisation.")
    speaker_mention: str = Field(description="How the text names the speaker at the nearest mention.")
    speaker_org: str = Field(description="Speaker's organisation ('' when unknown).")
    cue: str = Field(description="Reporting verb or phrase as written ('' for a quote attributed by position).")
    kind: Literal["direct", "indirect", "mixed"] = Field(description="Direct quote, reported speech, or both.")
    text: str = Field(description="The claim's content span.")
    start: int = Field(description="Character offset of the span in the article text.")
    end: int = Field(description="Character offset just past the span.")
    quantities: list[Quantity] = Field(default_factory=list, description="Numbers stated in the claim.")
    extractor_version: str = Field(description="Version of the extractor that produced the claim.")
