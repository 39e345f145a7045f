"""Alert: an article or claim matched a user's rule (topic newsmon.alerts.<rule>, key alert_id)."""

from datetime import datetime
from typing import Literal

from pydantic import Field

from schemas.base import Message


class Alert(Message):
    """A match of one alert rule; alert_id is stable, so a subscriber can drop repeats."""

    alert_id: str = Field(
        description="Stable id: hash of rule name, subject kind and subject id; for a claim, of rule name, article, "
        "speaker and the claim's text, so the same quote in an article's next version is the same alert."
    )
    rule: str = Field(description="Name of the rule that matched.")
    subject: Literal["article", "claim"] = Field(description="What matched: an article or a claim.")
    subject_id: str = Field(description="article_id or claim_id of what matched.")
    article_id: str = Field(description="The article concerned (for a claim, the article it came from).")
    outlet: str = Field(description="Outlet of the article.")
    url: str = Field(description="Article URL.")
    title: str = Field(description="Article title.")
    matched_terms: list[str] = Field(
        description="Rule keywords found in the subject, as configured (empty for a rule of speakers only)."
    )
    excerpt: str = Field(description="The claim text, or the start of the article text.")
    speaker: str | None = Field(None, description="Speaker of the claim, when the subject is a claim.")
    created_at: datetime = Field(description="When the alert was first raised (UTC).")
