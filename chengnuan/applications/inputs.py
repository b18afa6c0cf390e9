import datetime
from dataclasses import dataclass

from chengnuan.applications.choices import InterviewMode


@dataclass(frozen=True, kw_only=True)
class InvitationInput:
    """An interview invitation as the employer fills it in (page or API)."""

    mode: InterviewMode
    starts_at: datetime.datetime
    place: str = ""  # in person; the posting's address when left empty
    meeting_url: str = ""  # external: an https meeting link
    note: str = ""
