"""One access helper per resource, first call of every view and API route after the
sign-in check. Out of reach is a 404, never a 403. People are read through employment's
audited staff list, so opening a seeker writes the audit row."""

from django.http import Http404

from chengnuan.accounts.models import User
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.postings import staff_postings
from chengnuan.employment.selectors.seekers import seeker_for_user, seekers_for_staff


def get_seeker_for_staff_or_404(user: User, pk: int) -> JobSeeker:
    """A seeker living in the staff member's area (the read is audited)."""
    seeker = seekers_for_staff(user).filter(pk=pk).first()
    if seeker is None:
        raise Http404
    return seeker


def get_posting_for_staff_or_404(user: User, pk: int) -> Posting:
    """A posting whose job lies in the staff member's area."""
    posting = staff_postings(user).filter(pk=pk).first()
    if posting is None:
        raise Http404
    return posting


def get_own_seeker_or_404(user: User) -> JobSeeker:
    """The signed-in worker's own registration."""
    seeker = seeker_for_user(user)
    if seeker is None:
        raise Http404
    return seeker
