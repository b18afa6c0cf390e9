from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Q

from chengnuan.applications.choices import (
    ApplicationStatus,
    AppliedVia,
    InterviewMode,
    Side,
    SignalKind,
)
from chengnuan.core.audit import AuditedQuerySet, audit_record
from chengnuan.core.models import AuditAction


class ApplicationQuerySet(AuditedQuerySet):
    """An application shows a person (the applicant): once audited, reading a page of them
    writes one audit row naming the job seekers read, as a staff list of seekers would."""

    def _write_audit(self, rows: list[Any]) -> None:
        assert self._audit is not None
        actor, detail = self._audit
        audit_record(
            actor=actor,
            action=AuditAction.VIEW,
            object_type="employment.jobseeker",
            detail={
                "list": [row.seeker_id for row in rows],
                "applications": [row.pk for row in rows],
                **detail,
            },
        )


class Application(models.Model):
    """求职申请: one job seeker applying to one posting. Their 求职登记 is the CV."""

    seeker = models.ForeignKey(
        "employment.JobSeeker", on_delete=models.CASCADE, related_name="+", verbose_name="求职者"
    )
    posting = models.ForeignKey(
        "employment.Posting", on_delete=models.PROTECT, related_name="+", verbose_name="岗位"
    )
    status = models.CharField(
        "状态", max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.APPLIED
    )
    applied_via = models.CharField(
        "申请方式", max_length=16, choices=AppliedVia.choices, default=AppliedVia.SELF
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="经办人",
    )
    # Denormalised at applying, for staff scope and the funnel's area filter without joins:
    # where the worker lives and where the job is.
    seeker_area = models.CharField(max_length=12, editable=False)
    posting_area = models.CharField(max_length=12, editable=False)
    applied_at = models.DateTimeField("申请时间", auto_now_add=True, db_index=True)
    invited_at = models.DateTimeField("邀请面试时间", null=True, blank=True)
    interviewed_at = models.DateTimeField("面试时间", null=True, blank=True)
    hired_at = models.DateTimeField("录用时间", null=True, blank=True)
    closed_at = models.DateTimeField("结束时间", null=True, blank=True)
    outcome_note = models.CharField("结果说明", max_length=200, blank=True)

    # Staff lists are read through .audited(): reading them writes the audit row.
    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-applied_at", "-id"]
        indexes = [
            models.Index(fields=["seeker_area", "applied_at"]),
            models.Index(fields=["posting_area", "applied_at"]),
            models.Index(fields=["posting", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "posting"], name="application_once"),
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values), name="application_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(applied_via__in=AppliedVia.values), name="application_via_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.HIRED) | Q(hired_at__isnull=False),
                name="application_hired_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.INTERVIEWED)
                | Q(interviewed_at__isnull=False),
                name="application_interviewed_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.INVITED) | Q(invited_at__isnull=False),
                name="application_invited_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(
                    status__in=[
                        ApplicationStatus.HIRED,
                        ApplicationStatus.DECLINED,
                        ApplicationStatus.WITHDRAWN,
                    ]
                )
                | Q(closed_at__isnull=False),
                name="application_closed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seeker_id} → {self.posting_id}（{self.get_status_display()}）"

    @property
    def contact_revealed(self) -> bool:
        """The employer sees the worker's phone once they have invited them."""
        return self.invited_at is not None


class ApplicationEvent(models.Model):
    """One step of an application, in order. Append-only: a database trigger (migration 0002)
    refuses UPDATE; rows go only with their application (a worker's erasure)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(
        "原状态", max_length=16, choices=ApplicationStatus.choices, blank=True
    )
    to_status = models.CharField("新状态", max_length=16, choices=ApplicationStatus.choices)
    side = models.CharField("操作方", max_length=16, choices=Side.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField("说明", max_length=200, blank=True)
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_status__in=ApplicationStatus.values),
                name="applicationevent_to_valid",
            ),
            models.CheckConstraint(
                condition=Q(side__in=Side.values), name="applicationevent_side_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"


class Interview(models.Model):
    """面试邀请: in person (time, place, a map link from the posting's coordinates), in the
    platform's own video room, or through an external meeting link the employer gives."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    mode = models.CharField("面试方式", max_length=16, choices=InterviewMode.choices)
    starts_at = models.DateTimeField("面试时间")
    place = models.CharField("面试地点", max_length=200, blank=True)
    lng = models.FloatField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    coord_system = models.CharField(max_length=8, blank=True)
    meeting_url = models.URLField("会议链接", max_length=500, blank=True)
    note = models.CharField("注意事项", max_length=200, blank=True)
    # 隔屏对话: a station books a room and a clerk's screen for a worker without a phone.
    station_clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="服务站经办员",
    )
    station_note = models.CharField("服务站安排", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(mode__in=InterviewMode.values), name="interview_mode_valid"
            ),
            models.CheckConstraint(
                condition=~Q(mode=InterviewMode.EXTERNAL) | ~Q(meeting_url=""),
                name="interview_external_has_url",
            ),
            models.CheckConstraint(
                condition=~Q(mode=InterviewMode.IN_PERSON) | ~Q(place=""),
                name="interview_in_person_has_place",
            ),
            models.CheckConstraint(
                condition=Q(meeting_url="") | Q(meeting_url__startswith="https://"),
                name="interview_meeting_url_https",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def map_url(self) -> str:
        """Amap's marker page for an in-person interview with coordinates ('' without): it
        opens in any phone browser, or in the Amap app where one is installed. Posting
        coordinates are GCJ-02 (Amap's own) unless stored as WGS-84."""
        if self.lng is None or self.lat is None:
            return ""
        query = {
            "position": f"{self.lng:.6f},{self.lat:.6f}",
            "name": self.place or "面试地点",
            "coordinate": "wgs84" if self.coord_system == "wgs84" else "gaode",
            "src": "chengnuan",
            "callnative": "0",
        }
        return f"https://uri.amap.com/marker?{urlencode(query)}"


class InterviewRoom(models.Model):
    """The one-to-one video room of a remote interview. Its token is in the room's address;
    only the two parties (and a booked station clerk) may open it, from `opens_at` until
    `expires_at`."""

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="room")
    token = models.CharField(max_length=64, unique=True, editable=False)
    opens_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("opens_at")), name="room_expires_after_open"
            ),
        ]

    def __str__(self) -> str:
        return f"room {self.pk}"


class RoomSignal(models.Model):
    """One WebRTC signalling message (offer, answer, ICE candidate) from one side of a room,
    kept in the database so any web node can hand it to the other side."""

    room = models.ForeignKey(InterviewRoom, on_delete=models.CASCADE, related_name="signals")
    side = models.CharField(max_length=16, choices=Side.choices)
    # The browser tab that sent it and the one it is for: a tab that reloads starts afresh
    # and ignores what was meant for its predecessor.
    session = models.CharField(max_length=32)
    to_session = models.CharField(max_length=32, blank=True)
    kind = models.CharField(max_length=16, choices=SignalKind.choices)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["room", "id"])]
        constraints = [
            models.CheckConstraint(condition=Q(side__in=Side.values), name="signal_side_valid"),
            models.CheckConstraint(
                condition=Q(kind__in=SignalKind.values), name="signal_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.side} {self.kind}"
