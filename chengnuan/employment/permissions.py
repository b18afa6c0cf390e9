"""Who may change what, checked again inside every service (the access helpers in access.py
already turned strangers away with a 404; this is the second lock on the door)."""

from typing import Any

from django.core.exceptions import PermissionDenied

from chengnuan.accounts.models import User, UserKind
from chengnuan.core.scoping import in_scope
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
