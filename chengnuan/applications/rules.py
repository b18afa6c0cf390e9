"""Who may move an application, and which moves there are. The access helpers (access.py) turn
strangers away with a 404 first; the services check these again (the second lock)."""

from typing import Any

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.scoping import in_scope
from chengnuan.applications.choices import ApplicationStatus as S
from chengnuan.applications.choices import Side
from chengnuan.applications.models import Application

# (from, to) -> the side that may make the move.
ALLOWED: dict[tuple[str, str], Side] = {
    (S.APPLIED, S.INVITED): Side.EMPLOYER,
    (S.APPLIED, S.DECLINED): Side.EMPLOYER,
    (S.APPLIED, S.WITHDRAWN): Side.WORKER,
    (S.INVITED, S.INTERVIEWED): Side.EMPLOYER,
    (S.INVITED, S.DECLINED): Side.EMPLOYER,
    (S.INVITED, S.WITHDRAWN): Side.WORKER,
    (S.INTERVIEWED, S.HIRED): Side.EMPLOYER,
    (S.INTERVIEWED, S.DECLINED): Side.EMPLOYER,
    (S.INTERVIEWED, S.WITHDRAWN): Side.WORKER,
}
FINAL = (S.HIRED, S.DECLINED, S.WITHDRAWN)
# What the employer records after an interview invitation, on the page and in the API.
OUTCOMES = (S.INTERVIEWED, S.HIRED, S.DECLINED)


def is_staff_over(user: Any, area_code: str) -> bool:
    return isinstance(user, User) and user.kind == UserKind.STAFF and in_scope(user, area_code)


def acts_for_worker(user: Any, application: Application) -> bool:
    """The worker themselves, or staff of the area where they live (a station clerk helping)."""
    own = isinstance(user, User) and user.pk is not None and application.seeker.user_id == user.pk
    return own or is_staff_over(user, application.seeker_area)


def acts_for_employer(user: Any, application: Application) -> bool:
    """The employer's own account, or staff of the area where the job is (an employer
    registered at an office without an account of its own)."""
    owner_id = application.posting.employer.owner_id
    own = isinstance(user, User) and owner_id is not None and owner_id == user.pk
    return own or is_staff_over(user, application.posting_area)


def may_act(user: Any, application: Application, side: Side) -> bool:
    check = acts_for_worker if side == Side.WORKER else acts_for_employer
    return check(user, application)


def next_steps(application: Application, side: Side) -> list[str]:
    """The statuses `side` may move this application to now."""
    return [to for (frm, to), who in ALLOWED.items() if frm == application.status and who == side]
