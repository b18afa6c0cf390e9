"""Who may change what, checked again inside every service (the access helpers in access.py
already turned strangers away with a 404; this is the second lock on the door)."""

from typing import Any

from django.core.exceptions import PermissionDenied

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.scoping import in_scope
from chengnuan.employment.models import Employer

OUT_OF_SCOPE = "这条记录不在您负责的区域内。"


def is_staff(user: Any) -> bool:
    return isinstance(user, User) and user.kind == UserKind.STAFF


def is_staff_in_scope(user: Any, area_code: str | None) -> bool:
    return is_staff(user) and in_scope(user, area_code)


def require_staff_in_scope(user: Any, area_code: str | None) -> User:
    if not is_staff_in_scope(user, area_code):
        raise PermissionDenied(OUT_OF_SCOPE)
    return user


def owns_employer(user: Any, employer: Employer) -> bool:
    return (
        isinstance(user, User)
        and user.kind == UserKind.EMPLOYER
        and employer.owner_id is not None
        and employer.owner_id == user.pk
    )


def require_employer_access(user: Any, employer: Employer, area_code: str | None) -> None:
    """The employer's own account, or staff whose area covers `area_code`; None is the system
    (imports and tasks)."""
    if user is None or owns_employer(user, employer) or is_staff_in_scope(user, area_code):
        return
    raise PermissionDenied("您只能管理自己单位的岗位。" if not is_staff(user) else OUT_OF_SCOPE)


# --- records registered in another area ---------------------------------------------------------
# A clerk who types a number that belongs to someone registered elsewhere (a 身份证号 on a
# survey, a credit code on a demand survey or a sheet) learns only that it is registered
# elsewhere and whom to ask: nothing is shown and nothing is linked. A person's area is not
# named (where someone lives is theirs to tell); a company's county is, since that office is
# whom the clerk must ask, and a company's registered seat is public business data.

SEEKER_ELSEWHERE = (
    "这个人已经在其他地区做过求职登记，这里不能查看或关联。请本人用登记时的手机号登录后修改"
    "居住地，或联系原来登记的服务站（不清楚的可以拨打12333问）。"
)


def employer_elsewhere_message(employer: Employer) -> str:
    """What a clerk of another area is told about an employer registered outside it: the
    employer posts with its own account, or the office where it is registered does it."""
    place = str(employer.county) if employer.county_id else "其他地区"
    return (
        f"这家单位登记在{place}，不在您负责的区域，不能替它发布岗位。"
        f"请单位用自己的账号发布，或请{place}人社部门办理。"
    )


def employer_in_reach(user: Any, employer: Employer) -> bool:
    """Whether `user` may act for this employer: its own account, or staff of the area where
    it is registered (not merely where one of its jobs is)."""
    return owns_employer(user, employer) or is_staff_in_scope(user, employer.county_id)
