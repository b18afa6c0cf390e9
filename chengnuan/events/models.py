"""招聘会 (job fairs): a fair held by 人社 or a union in an area, offline at a venue or online over
a date range; employers' booths with the postings they bring and, online, interview slots;
workers' sign-ups (with attendance at the door) and their interview bookings."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from chengnuan.core.audit import AuditedQuerySet
from chengnuan.core.models import TimeStampedModel
from chengnuan.events.choices import BoothStatus, FairKind, FairOrganiser, FairStatus
from chengnuan.regions.models import CoordSystem


class JobFair(TimeStampedModel):
    """One fair. Its `area` (a city or a county) is whose staff run it and whose workers see
    it first; an offline fair also names its venue's county, address and map point."""

    title = models.CharField("招聘会名称", max_length=80)
    kind = models.CharField("形式", max_length=8, choices=FairKind.choices)
    organiser = models.CharField("主办", max_length=8, choices=FairOrganiser.choices)
    organiser_name = models.CharField("主办单位", max_length=80, blank=True)
    description = models.TextField("介绍", blank=True)
    area = models.ForeignKey(
        "regions.Division", on_delete=models.PROTECT, related_name="+", verbose_name="举办地区"
    )
    venue = models.CharField("会场", max_length=80, blank=True)
    address = models.CharField("详细地址", max_length=200, blank=True)
    township = models.ForeignKey(
        "regions.Division",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="乡镇街道",
    )
    lng = models.FloatField("经度", null=True, blank=True)
    lat = models.FloatField("纬度", null=True, blank=True)
    coord_system = models.CharField(
        "坐标系", max_length=8, choices=CoordSystem.choices, default=CoordSystem.GCJ02
    )
    starts_at = models.DateTimeField("开始时间")
    ends_at = models.DateTimeField("结束时间")
    status = models.CharField(
        "状态", max_length=12, choices=FairStatus.choices, default=FairStatus.DRAFT
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    cancel_reason = models.CharField("取消原因", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["status", "ends_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=FairKind.values), name="fair_kind_valid"),
            models.CheckConstraint(
                condition=Q(organiser__in=FairOrganiser.values), name="fair_organiser_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=FairStatus.values), name="fair_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="fair_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(kind=FairKind.ONLINE) | ~Q(address=""),
                name="fair_offline_has_address",
            ),
            models.CheckConstraint(
                condition=(Q(lng__isnull=True) & Q(lat__isnull=True))
                | (Q(lng__gte=-180, lng__lte=180) & Q(lat__gte=-90, lat__lte=90)),
                name="fair_coords_both_or_none",
            ),
            models.CheckConstraint(
                condition=Q(coord_system__in=CoordSystem.values), name="fair_coord_system_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=(FairStatus.PUBLISHED, FairStatus.FINISHED))
                | Q(published_at__isnull=False),
                name="fair_published_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=FairStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="fair_cancelled_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def area_code(self) -> str:
        return self.area_id

    @property
    def is_online(self) -> bool:
        return self.kind == FairKind.ONLINE


class Booth(TimeStampedModel):
    """An employer's place at a fair: asked for by the employer, approved or refused (with a
    reason) by staff of the fair's area; approved booths get a number for the printed list."""

    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="booths")
    employer = models.ForeignKey(
        "employment.Employer", on_delete=models.PROTECT, related_name="+", verbose_name="单位"
    )
    postings = models.ManyToManyField(
        "employment.Posting", blank=True, related_name="+", verbose_name="带来的岗位"
    )
    note = models.CharField("单位说明", max_length=200, blank=True)
    status = models.CharField(
        "状态", max_length=12, choices=BoothStatus.choices, default=BoothStatus.PENDING
    )
    number = models.PositiveSmallIntegerField("展位号", null=True, blank=True)
    decision_note = models.CharField("审核意见", max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "employer"], name="booth_one_per_employer"),
            models.UniqueConstraint(
                fields=["fair", "number"],
                condition=Q(number__isnull=False),
                name="booth_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(status__in=BoothStatus.values), name="booth_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=BoothStatus.REFUSED) | ~Q(decision_note=""),
                name="booth_refusal_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=BoothStatus.APPROVED) | Q(number__isnull=False),
                name="booth_approved_has_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fair} · {self.employer}"


class InterviewSlot(models.Model):
    """A time at an online booth when the employer talks to workers, for up to `capacity`
    of them. `booked` only moves by a conditional UPDATE (services/bookings.py); the check
    constraint is the last word if anything ever tried to overbook."""

    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField("开始时间")
    ends_at = models.DateTimeField("结束时间")
    capacity = models.PositiveSmallIntegerField("可约人数")
    booked = models.PositiveSmallIntegerField("已约人数", default=0)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="slot_capacity_positive"),
            models.CheckConstraint(
                condition=Q(booked__gte=0) & Q(booked__lte=F("capacity")),
                name="slot_never_overbooked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booth} {self.starts_at:%m-%d %H:%M}"

    @property
    def places_left(self) -> int:
        return self.capacity - self.booked


class FairSignup(models.Model):
    """A worker's 报名 for a fair: one per worker per fair. `code` is what the worker shows at
    the door (typed or scanned) for the clerk to mark them attended."""

    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="signups")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fair_signups"
    )
    code = models.CharField("入场码", max_length=12, unique=True, editable=False)
    created_at = models.DateTimeField("报名时间", auto_now_add=True)
    attended_at = models.DateTimeField("签到时间", null=True, blank=True)
    attended_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Staff lists of sign-ups are lists of people: read through .audited().
    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "worker"], name="signup_one_per_worker"),
            models.CheckConstraint(
                condition=Q(attended_at__isnull=True) | Q(attended_marked_by__isnull=False),
                name="signup_attendance_has_marker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fair} · {self.code}"


class InterviewBooking(models.Model):
    """A worker's place in an interview slot: at most one per worker per booth."""

    slot = models.ForeignKey(InterviewSlot, on_delete=models.CASCADE, related_name="bookings")
    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="bookings")
    signup = models.ForeignKey(FairSignup, on_delete=models.CASCADE, related_name="bookings")
    created_at = models.DateTimeField("预约时间", auto_now_add=True)

    class Meta:
        ordering = ["slot__starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["booth", "signup"], name="booking_one_per_booth"),
        ]

    def __str__(self) -> str:
        return f"{self.slot} · {self.signup.code}"
