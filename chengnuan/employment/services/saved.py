"""Writes for 收藏: a worker keeps a posting to come back to, or lets it go."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from chengnuan.accounts.models import User, UserKind
from chengnuan.employment.models import Posting, SavedPosting

# Enough for any real search; a cap keeps a runaway client from filling the table.
MAX_SAVED = 200


@transaction.atomic
def saved_posting_add(*, user: User, posting: Posting) -> SavedPosting:
    """Keep `posting` (a public one: callers look it up through the public selector) for the
    worker. Saving it twice keeps the first save."""
    if user.kind != UserKind.WORKER:
        raise PermissionDenied("收藏岗位只对求职者开放。")
    existing = SavedPosting.objects.filter(user=user, posting=posting).first()
    if existing is not None:
        return existing
    # Locks the worker's row so two saves at once cannot both pass the cap.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if SavedPosting.objects.filter(user=user).count() >= MAX_SAVED:
        raise ValidationError(
            {"posting_id": [f"最多收藏{MAX_SAVED}个岗位。请先取消一些不需要的收藏。"]}
        )
    return SavedPosting.objects.create(user=user, posting=posting)


@transaction.atomic
def saved_posting_remove(*, user: User, posting_id: int) -> int:
    """Let a saved posting go; nothing happens if it was not saved. Returns how many went."""
    deleted, _ = SavedPosting.objects.filter(user=user, posting_id=posting_id).delete()
    return deleted


@transaction.atomic
def saved_postings_erase(*, user: User) -> int:
    """Every save of the worker, when their account is closed."""
    deleted, _ = SavedPosting.objects.filter(user=user).delete()
    return deleted
