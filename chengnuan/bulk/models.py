"""Imports of filled sheets (ImportJob) and the two field surveys clerks enter or import."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from chengnuan.bulk.choices import (
    RUNNING_STATUSES,
    Difficulty,
    ImportKind,
    ImportMode,
    ImportStatus,
    SurveySource,
    WorkStatus,
)
from chengnuan.core.audit import AuditedQuerySet
from chengnuan.core.fields import EncryptedTextField
from chengnuan.core.models import TimeStampedModel
from chengnuan.employment.choices import Education, Gender, WageUnit
from chengnuan.employment.texts import wage_range_text

ERRORS_SHOWN = 200
# Where uploads and returned error sheets are stored (the periodic purge walks these folders).
UPLOAD_DIR = "bulk/uploads"
ERROR_SHEET_DIR = "bulk/errors"


class ImportJob(TimeStampedModel):
    """One uploaded sheet and how its import went. The uploaded file is deleted once the
    import has ended, however it ended (it holds personal numbers); the error sheet is kept a
    few days. While it runs, the importing process keeps its lease fresh (leases.py)."""

    kind = models.CharField("导入内容", max_length=24, choices=ImportKind.choices)
    mode = models.CharField(
        "导入方式", max_length=8, choices=ImportMode.choices, default=ImportMode.ALL_OR_NOTHING
    )
    status = models.CharField(
        "状态", max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    file = models.FileField("上传的文件", upload_to=f"{UPLOAD_DIR}/%Y/%m/", blank=True)
    file_name = models.CharField("文件名", max_length=200)
    file_size = models.PositiveBigIntegerField("文件大小", default=0)
    total = models.PositiveIntegerField("数据行数", default=0)
    processed = models.PositiveIntegerField("已检查行数", default=0)
    created = models.PositiveIntegerField("新登记", default=0)
    skipped = models.PositiveIntegerField("已有、未重复登记", default=0)
    error_count = models.PositiveIntegerField("有错误的行", default=0)
    # The first row errors, for the page: [{"row": 12, "column": "身份证号", "message": "…"}].
    # Messages never repeat a personal number.
    errors = models.JSONField("错误", default=list, blank=True)
    message = models.CharField("说明", max_length=500, blank=True)
    error_file = models.FileField("退回的错误表", upload_to=f"{ERROR_SHEET_DIR}/%Y/%m/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="上传人"
    )
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    # On the database's clock. Past it, the process that ran the import is taken for dead.
    lease_expires_at = models.DateTimeField("后台处理期限", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["created_by", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ImportKind.values), name="importjob_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(mode__in=ImportMode.values), name="importjob_mode_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ImportStatus.values), name="importjob_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(processed__lte=F("total")) | Q(total=0),
                name="importjob_processed_within_total",
            ),
            models.CheckConstraint(
                condition=Q(created__lte=F("total") - F("skipped")),
                name="importjob_counts_within_total",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=RUNNING_STATUSES) | Q(lease_expires_at__isnull=False),
                name="importjob_running_has_lease",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.file_name}"

    @property
    def is_finished(self) -> bool:
        from chengnuan.bulk.choices import FINISHED_STATUSES

        return self.status in FINISHED_STATUSES

    @property
    def is_stalled(self) -> bool:
        """Running, but its process has stopped renewing the lease: no task consumer is
        alive to end it yet."""
        expires = self.lease_expires_at
        return self.status in RUNNING_STATUSES and expires is not None and expires < timezone.now()

    @property
    def errors_truncated(self) -> bool:
        """Only the first ERRORS_SHOWN messages are kept for the page; the sheet has them all."""
        return len(self.errors) >= ERRORS_SHOWN

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.WRITING or self.is_finished:
            return 100 if self.is_finished else 99
        return int(self.processed * 99 / self.total) if self.total else 0


class DemandSurvey(TimeStampedModel):
    """岗位需求调查: what one employer said it needs, on one day. Its positions can become
    postings with one action; each position then points at its posting."""

    employer = models.ForeignKey(
        "employment.Employer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="用人单位",
    )
    employer_name = models.CharField("单位名称", max_length=128)
    employer_uscc = models.CharField("统一社会信用代码", max_length=18, blank=True)
    county = models.ForeignKey(
        "regions.Division", on_delete=models.PROTECT, related_name="+", verbose_name="单位所在县区"
    )
    industry = models.ForeignKey(
        "classifications.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="所属行业",
    )
    contact_name = models.CharField("联系人", max_length=32)
    contact_phone = EncryptedTextField("联系电话")
    contact_phone_masked = models.CharField("联系电话（脱敏）", max_length=16, editable=False)
    surveyed_on = models.DateField("调查日期")
    note = models.CharField("备注", max_length=500, blank=True)
    source = models.CharField(
        "来源", max_length=8, choices=SurveySource.choices, default=SurveySource.FORM
    )
    # Hash of (USCC or name, county, date): one survey of an employer per day.
    natural_key = models.CharField(max_length=64, unique=True, editable=False)
    import_job = models.ForeignKey(
        ImportJob, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="录入人"
    )

    class Meta:
        ordering = ["-surveyed_on", "-id"]
        indexes = [models.Index(fields=["county", "surveyed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(source__in=SurveySource.values), name="demandsurvey_source_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employer_name} {self.surveyed_on:%Y-%m-%d}"

    @property
    def area_code(self) -> str:
        return self.county_id


class DemandSurveyPosition(models.Model):
    survey = models.ForeignKey(DemandSurvey, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField("岗位名称", max_length=60)
    occupation = models.ForeignKey(
        "classifications.Occupation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="职业",
    )
    headcount = models.PositiveIntegerField("需求人数", default=1)
    # Both empty when the employer said 面议; a posting needs them filled.
    wage_min = models.DecimalField(
        "最低工资", max_digits=9, decimal_places=2, null=True, blank=True
    )
    wage_max = models.DecimalField(
        "最高工资", max_digits=9, decimal_places=2, null=True, blank=True
    )
    wage_unit = models.CharField(
        "工资单位", max_length=8, choices=WageUnit.choices, default=WageUnit.MONTH
    )
    skills = models.CharField("技能要求", max_length=500, blank=True)
    education = models.CharField(
        "学历要求", max_length=16, choices=Education.choices, default=Education.NONE
    )
    needed_by = models.DateField("需要到岗时间", null=True, blank=True)
    posting = models.OneToOneField(
        "employment.Posting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_position",
        verbose_name="已转成的岗位",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(headcount__gte=1), name="surveyposition_headcount_positive"
            ),
            models.CheckConstraint(
                condition=(Q(wage_min__isnull=True) & Q(wage_max__isnull=True))
                | (Q(wage_min__isnull=False) & Q(wage_max__gte=F("wage_min"))),
                name="surveyposition_wage_both_or_none",
            ),
            models.CheckConstraint(
                condition=Q(wage_unit__in=WageUnit.values), name="surveyposition_unit_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_wage(self) -> bool:
        return self.wage_min is not None

    @property
    def wage_text(self) -> str:
        return wage_range_text(self.wage_min, self.wage_max, self.wage_unit)


class EmploymentSurvey(TimeStampedModel):
    """就业需求调查: one worker's situation and wishes on one day. A worker who wants work can
    be registered as a job seeker with one action; the survey then points at the seeker."""

    # Staff lists are read through .audited(): reading them writes the audit row.
    objects = AuditedQuerySet.as_manager()

    name = models.CharField("姓名", max_length=32)
    id_number = EncryptedTextField("身份证号")
    id_number_hash = models.CharField(max_length=64, db_index=True, editable=False)
    id_number_masked = models.CharField("身份证号（脱敏）", max_length=18, editable=False)
    gender = models.CharField("性别", max_length=1, choices=Gender.choices, editable=False)
    birth_date = models.DateField("出生日期", editable=False)
    phone = EncryptedTextField("手机号")
    phone_hash = models.CharField(max_length=64, db_index=True, editable=False)
    phone_masked = models.CharField("手机号（脱敏）", max_length=16, editable=False)
    residence = models.ForeignKey(
        "regions.Division",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="现居住地（乡镇街道）",
    )
    area_code = models.CharField(max_length=12, db_index=True, editable=False)
    work_status = models.CharField("目前就业状态", max_length=12, choices=WorkStatus.choices)
    wants_work = models.BooleanField("想找工作")
    wanted_work = models.CharField("想做的工作", max_length=200, blank=True)
    wanted_occupation_codes = models.JSONField("想做的工作（职业代码）", default=list, blank=True)
    wanted_area_codes = models.JSONField("想去的地方（区划代码）", default=list, blank=True)
    expected_wage = models.PositiveIntegerField("期望月工资", null=True, blank=True)
    wants_training = models.BooleanField("想参加培训", default=False)
    training_wanted = models.CharField("想学的技能", max_length=200, blank=True)
    difficulties = models.JSONField("就业困难", default=list, blank=True)
    surveyed_on = models.DateField("调查日期")
    note = models.CharField("备注", max_length=500, blank=True)
    source = models.CharField(
        "来源", max_length=8, choices=SurveySource.choices, default=SurveySource.FORM
    )
    # Hash of (身份证号 hash, date): one survey of a person per day.
    natural_key = models.CharField(max_length=64, unique=True, editable=False)
    import_job = models.ForeignKey(
        ImportJob, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="录入人"
    )
    seeker = models.ForeignKey(
        "employment.JobSeeker",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="已转成的求职登记",
    )

    class Meta:
        ordering = ["-surveyed_on", "-id"]
        indexes = [models.Index(fields=["area_code", "surveyed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(work_status__in=WorkStatus.values), name="empsurvey_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(gender__in=Gender.values), name="empsurvey_gender_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=SurveySource.values), name="empsurvey_source_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.id_number_masked}） {self.surveyed_on:%Y-%m-%d}"

    def difficulty_labels(self) -> list[str]:
        labels = dict(Difficulty.choices)
        return [labels[d] for d in self.difficulties if d in labels]
