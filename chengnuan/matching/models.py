"""Matching's own tables: each seeker's current best matches (top K per city of the posting),
the pairs ever pushed (never a second time), the per-city watermark of published postings
already matched, per-city claims so two consumers never work one city at once, a worker's
matching settings (personalisation, wished benefits) and a station's follow-up contacts."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from chengnuan.matching.choices import ClaimJob, ContactMethod, MatchKind


class Match(models.Model):
    """One of a seeker's current best postings, with its score (0-100) and the reasons in
    plain words. Rewritten by each run; what was pushed lives on in PushRecord."""

    seeker = models.ForeignKey(
        "employment.JobSeeker", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    posting = models.ForeignKey("employment.Posting", on_delete=models.CASCADE, related_name="+")
    # The posting's city: a city's run replaces exactly the matches it owns.
    city_code = models.CharField(max_length=4)
    score = models.PositiveSmallIntegerField("匹配度")
    reasons = models.JSONField("推荐理由", default=list)
    computed_at = models.DateTimeField("计算时间")

    class Meta:
        ordering = ["-score", "-posting_id"]
        # A seeker's matches are read through the unique (seeker, posting) index: at most
        # TOP_K rows a city. Every other index costs the full runs millions of updates.
        indexes = [
            models.Index(fields=["posting", "-score"], name="match_posting_score"),
            models.Index(fields=["city_code", "seeker"], name="match_city_seeker"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "posting"], name="match_unique_pair"),
            models.CheckConstraint(condition=Q(score__lte=100), name="match_score_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.seeker_id} → {self.posting_id} ({self.score})"


class PushRecord(models.Model):
    """A posting sent to a seeker: never the same pair twice (the constraint says so). The
    notification's dedupe key joins it to the message (opened or not)."""

    seeker = models.ForeignKey(
        "employment.JobSeeker", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    posting = models.ForeignKey("employment.Posting", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("推送类型", max_length=16, choices=MatchKind.choices)
    # The seeker's residence (township) code when pushed: figures by city and county, and
    # staff scope, without a join.
    area_code = models.CharField(max_length=12)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    reasons = models.JSONField(default=list)
    dedupe_key = models.CharField(max_length=120)
    pushed_at = models.DateTimeField("推送时间")
    pushed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-pushed_at", "-id"]
        indexes = [
            models.Index(fields=["area_code", "pushed_at"], name="push_area_time"),
            models.Index(fields=["dedupe_key"], name="push_dedupe_key"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "posting"], name="push_unique_pair"),
            models.CheckConstraint(condition=Q(kind__in=MatchKind.values), name="push_kind_valid"),
            models.CheckConstraint(
                condition=~Q(kind=MatchKind.BY_HAND) | Q(pushed_by__isnull=False),
                name="push_by_hand_has_clerk",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seeker_id} ← {self.posting_id} ({self.kind})"


class CityWatermark(models.Model):
    """The last published posting of a city already matched: (published_at, posting id)."""

    city_code = models.CharField(max_length=4, primary_key=True)
    published_at = models.DateTimeField()
    posting_id = models.BigIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.city_code}: {self.published_at:%Y-%m-%d %H:%M} #{self.posting_id}"


class CityClaim(models.Model):
    """Who is doing one city's job until when. Taken by a conditional UPDATE whose row count
    says who won, so consumers on several machines never do one city twice at once; a
    consumer that dies lets its claim lapse at `until`."""

    job = models.CharField(max_length=16, choices=ClaimJob.choices)
    city_code = models.CharField(max_length=4)
    token = models.CharField(max_length=64, blank=True)
    until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "city_code"], name="claim_unique_job_city"),
            models.CheckConstraint(condition=Q(job__in=ClaimJob.values), name="claim_job_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.city_code}"


class MatchSettings(models.Model):
    """A worker's matching choices. No row means the defaults: personalised recommendations
    on, no wished benefits. With personalised off (PIPL art. 24) they get only the newest
    postings in their residence city, nothing scored on their profile."""

    seeker = models.OneToOneField(
        "employment.JobSeeker", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    personalised = models.BooleanField("按我的求职登记推荐岗位", default=True)
    wished_benefits = models.JSONField("希望有的待遇", default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.seeker_id}: {'个性化' if self.personalised else '不个性化'}"


class FollowUpContact(models.Model):
    """A station's contact with a registered seeker still without work. Append-only: no
    service changes or deletes one."""

    seeker = models.ForeignKey("employment.JobSeeker", on_delete=models.CASCADE, related_name="+")
    method = models.CharField("方式", max_length=16, choices=ContactMethod.choices)
    note = models.CharField("情况记录", max_length=500, blank=True)
    posting = models.ForeignKey(
        "employment.Posting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="推荐的岗位",
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(method__in=ContactMethod.values), name="followup_method_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seeker_id} {self.get_method_display()}"
