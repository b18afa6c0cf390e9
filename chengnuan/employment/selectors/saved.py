"""Reads of a worker's 收藏: the list with each posting ready to show, and whether one is saved."""

from django.db.models import Exists, OuterRef, QuerySet

from chengnuan.accounts.models import User
from chengnuan.employment.models import Posting, SavedPosting
from chengnuan.employment.selectors.postings import public_postings


def saved_for_user(user: User) -> QuerySet[SavedPosting]:
    """Newest save first. `still_open` says whether the posting is still public: a closed or
    expired one stays in the list, marked, so the worker knows why it went."""
    still_open = public_postings().filter(pk=OuterRef("posting_id"))
    return (
        SavedPosting.objects.filter(user=user)
        .select_related(
            "posting__employer", "posting__county", "posting__township", "posting__occupation"
        )
        .annotate(still_open=Exists(still_open))
        .order_by("-saved_at", "-id")
    )


def is_saved(user: User, posting: Posting) -> bool:
    return SavedPosting.objects.filter(user=user, posting=posting).exists()
