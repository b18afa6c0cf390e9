"""Area scope: a staff member sees only records whose area code starts with their own
(2101 = 沈阳市). Every staff view and API route filters through these two functions."""

from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from chengnuan.accounts.models import User, UserKind

M = TypeVar("M", bound=Model)


def in_scope(user: User, area_code: str | None) -> bool:
    if user.kind != UserKind.STAFF or not user.area_id or not area_code:
        return False
    return area_code.startswith(user.area_id)


def scope_filter(queryset: QuerySet[M], user: User, field: str) -> QuerySet[M]:
    """Rows of `queryset` whose `field` (an adcode or a foreign key to a Division) lies in the
    user's area; nothing for anyone who is not staff."""
    if user.kind != UserKind.STAFF or not user.area_id:
        return queryset.none()
    # A foreign key ("county" or "county_id") is tested on the Division code it holds, which
    # Django reads from the key column itself, without a join.
    first = field.split("__")[0]
    model_field = queryset.model._meta.get_field(first)
    if first == field and model_field.is_relation:
        field = f"{model_field.name}__{model_field.target_field.name}"  # type: ignore[union-attr]
    return queryset.filter(Q(**{f"{field}__startswith": user.area_id}))
