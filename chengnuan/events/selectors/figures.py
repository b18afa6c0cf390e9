"""A fair's figures for staff: sign-ups and attendance, booths, the postings and headcount
they bring, interview places booked, and applications and hires. Counts only: no person is
read."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from chengnuan.applications.selectors import application_funnel_pairs
from chengnuan.events.choices import BoothStatus
from chengnuan.events.models import Booth, FairSignup, InterviewSlot, JobFair


@dataclass(frozen=True)
class FairFigures:
    signups: int
    attended: int
    booths_approved: int
    booths_pending: int
    booths_refused: int
    postings: int
    headcount: int
    slot_places: int
    slot_booked: int
    applications: int
    hires: int

    @property
    def attendance_rate(self) -> int | None:
        """Per cent of those signed up who came, or None before anyone signed up."""
        return round(100 * self.attended / self.signups) if self.signups else None


def _applications_and_hires(fair: JobFair) -> tuple[int, int]:
    """Applications (and hires) by workers signed up for the fair to the postings its
    approved booths brought. Applications carry no channel yet, so one made before or after
    the fair to such a posting counts too."""
    seekers = (
        FairSignup.objects.filter(fair=fair, worker__seeker__isnull=False)
        .values_list("worker__seeker__id", flat=True)
        .distinct()
    )
    postings = (
        Booth.postings.through.objects.filter(booth__fair=fair, booth__status=BoothStatus.APPROVED)
        .values_list("posting_id", flat=True)
        .distinct()
    )
    posting_ids = list(postings)
    stages = application_funnel_pairs(
        (seeker, posting) for seeker in seekers.iterator() for posting in posting_ids
    )
    return len(stages), sum(1 for stage in stages.values() if stage == "hired")


def fair_figures(fair: JobFair) -> FairFigures:
    signups = FairSignup.objects.filter(fair=fair).aggregate(
        total=Count("id"), attended=Count("id", filter=Q(attended_at__isnull=False))
    )
    booths = Booth.objects.filter(fair=fair).aggregate(
        approved=Count("id", filter=Q(status=BoothStatus.APPROVED)),
        pending=Count("id", filter=Q(status=BoothStatus.PENDING)),
        refused=Count("id", filter=Q(status=BoothStatus.REFUSED)),
    )
    through = Booth.postings.through.objects.filter(
        booth__fair=fair, booth__status=BoothStatus.APPROVED
    )
    postings = through.aggregate(
        postings=Count("posting_id", distinct=True), headcount=Sum("posting__headcount")
    )
    slots = InterviewSlot.objects.filter(
        booth__fair=fair, booth__status=BoothStatus.APPROVED
    ).aggregate(places=Sum("capacity"), booked=Sum("booked"))
    applications, hires = _applications_and_hires(fair)
    return FairFigures(
        signups=signups["total"],
        attended=signups["attended"],
        booths_approved=booths["approved"],
        booths_pending=booths["pending"],
        booths_refused=booths["refused"],
        postings=postings["postings"],
        headcount=postings["headcount"] or 0,
        slot_places=slots["places"] or 0,
        slot_booked=slots["booked"] or 0,
        applications=applications,
        hires=hires,
    )
