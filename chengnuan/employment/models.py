from django.conf import settings
from django.db import models
from django.db.models import F, Q

from chengnuan.core.audit import AuditedQuerySet
from chengnuan.core.fields import EncryptedTextField
from chengnuan.core.models import TimeStampedModel
from chengnuan.employment.choices import (
    WAGE_MONTHS_RANGE,
    Benefit,
    ContractType,
    Education,
    EmployerStatus,
    Gender,
    PostingStatus,
    PushChannel,
    PushFrequency,
    RegisteredVia,
    SeekerStatus,
    Shift,
    Source,
    WageUnit,
)
from chengnuan.employment.texts import age_range_text, wage_range_text


class Employer(TimeStampedModel):
    """用人单位, identified by its 统一社会信用代码. Its postings go public only once staff in
    its area have verified it."""

    uscc = models.CharField("统一社会信用代码", max_length=18, unique=True)
    name = models.CharField("单位名称", max_length=128)
    industry = models.ForeignKey(
        "classifications.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="所属行业",
    )
    county = models.ForeignKey(
        "regions.Division", on_delete=models.PROTECT, related_name="+", verbose_name="所在县区"
    )
    address = models.CharField("详细地址", max_length=200, blank=True)
    contact_name = models.CharField("联系人", max_length=32)
    contact_phone = EncryptedTextField("联系电话")
    contact_phone_masked = models.CharField(max_length=16, blank=True)
    status = models.CharField(
        "核验状态", max_length=16, choices=EmployerStatus.choices, default=EmployerStatus.PENDING
    )
    status_note = models.CharField("核验说明", max_length=200, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="核验人",
    )
    verified_at = models.DateTimeField("核验时间", null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employers",
        verbose_name="单位账号",
    )
    source = models.CharField(
        "来源", max_length=16, choices=Source.choices, default=Source.EMPLOYER
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="登记人",
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["county", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=EmployerStatus.values), name="employer_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=EmployerStatus.VERIFIED) | Q(verified_at__isnull=False),
                name="employer_verified_has_time",
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="employer_source_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def area_code(self) -> str:
        return self.county_id


class Posting(TimeStampedModel):
    """岗位: one vacancy. draft -> pending -> published -> closed / expired (rejected on review)."""

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="postings")
    title = models.CharField("岗位名称", max_length=60)
    occupation = models.ForeignKey(
        "classifications.Occupation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="职业",
    )
    industry = models.ForeignKey(
        "classifications.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="行业",
    )
    county = models.ForeignKey(
        "regions.Division",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="工作地点（县区）",
    )
    township = models.ForeignKey(
        "regions.Division",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="乡镇街道",
    )
    # Denormalised from county for scoping and per-city partitioning without a join.
    city_code = models.CharField(max_length=4, editable=False)
    address = models.CharField("详细地址", max_length=200, blank=True)
    lng = models.FloatField("经度", null=True, blank=True)
    lat = models.FloatField("纬度", null=True, blank=True)
    coord_system = models.CharField(max_length=8, default="gcj02")
    # Exact amounts in yuan (a piece rate is often 0.5 元/件); fen are the smallest unit.
    wage_min = models.DecimalField("最低工资", max_digits=9, decimal_places=2)
    wage_max = models.DecimalField("最高工资", max_digits=9, decimal_places=2)
    wage_unit = models.CharField(
        "工资单位", max_length=8, choices=WageUnit.choices, default=WageUnit.MONTH
    )
    # 「13薪」: months of pay a year, when the posting says; the amounts stay monthly.
    wage_months = models.PositiveSmallIntegerField("每年发几个月工资", null=True, blank=True)
    # Monthly equivalents in whole yuan (see choices.MONTHLY_FACTOR), what filters and sorting
    # read; null for piece rates.
    monthly_wage_min = models.PositiveIntegerField(null=True, blank=True, editable=False)
    monthly_wage_max = models.PositiveIntegerField(null=True, blank=True, editable=False)
    headcount = models.PositiveIntegerField("招聘人数", default=1)
    age_min = models.PositiveSmallIntegerField("最低年龄", null=True, blank=True)
    age_max = models.PositiveSmallIntegerField("最高年龄", null=True, blank=True)
    open_to_older = models.BooleanField("欢迎大龄", default=False)
    education = models.CharField(
        "学历要求", max_length=16, choices=Education.choices, default=Education.NONE
    )
    benefits = models.JSONField("福利待遇", default=list, blank=True)
    shift = models.CharField("班次", max_length=16, choices=Shift.choices, blank=True)
    contract_type = models.CharField(
        "用工形式", max_length=16, choices=ContractType.choices, default=ContractType.FULL_TIME
    )
    description = models.TextField("岗位说明", blank=True)
    contact_name = models.CharField("联系人", max_length=32)
    contact_phone = EncryptedTextField("联系电话")
    contact_phone_masked = models.CharField(max_length=16, blank=True)
    valid_until = models.DateField("有效期至")
    status = models.CharField(
        "状态", max_length=16, choices=PostingStatus.choices, default=PostingStatus.DRAFT
    )
    review_note = models.CharField("审核意见", max_length=200, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(
        "来源", max_length=16, choices=Source.choices, default=Source.EMPLOYER
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A posting imported from a sheet: the hash of its natural key (employer USCC, title,
    # county, wage, end date; see services/bulk.py), so the same sheet uploaded again adds it
    # no second time. NULL, not "", for every other posting: NULLs never collide in the
    # unique constraint.
    import_key = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "city_code", "published_at"]),
            models.Index(fields=["status", "valid_until"]),
            models.Index(fields=["county", "status"]),
        ]
        constraints = [
            # A constraint rather than unique=True: PostgreSQL would add a second
            # (varchar_pattern_ops) index to keep up with every imported row.
            models.UniqueConstraint(fields=["import_key"], name="posting_unique_import_key"),
            models.CheckConstraint(
                condition=Q(status__in=PostingStatus.values), name="posting_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(wage_unit__in=WageUnit.values), name="posting_wage_unit_valid"
            ),
            models.CheckConstraint(
                condition=Q(wage_max__gte=F("wage_min")), name="posting_wage_range_ordered"
            ),
            models.CheckConstraint(condition=Q(wage_min__gt=0), name="posting_wage_positive"),
            models.CheckConstraint(
                condition=Q(wage_months__isnull=True)
                | Q(wage_months__gte=WAGE_MONTHS_RANGE[0], wage_months__lte=WAGE_MONTHS_RANGE[1]),
                name="posting_wage_months_in_range",
            ),
            models.CheckConstraint(
                condition=Q(headcount__gte=1), name="posting_headcount_positive"
            ),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True)
                | Q(age_max__isnull=True)
                | Q(age_max__gte=F("age_min")),
                name="posting_age_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_min__gte=16),
                name="posting_no_child_labour",
            ),
            models.CheckConstraint(
                condition=~Q(status=PostingStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="posting_published_has_time",
            ),
            models.CheckConstraint(
                condition=Q(age_max__isnull=True) | Q(age_max__lte=70),
                name="posting_age_max_working_life",
            ),
            models.CheckConstraint(
                condition=Q(education__in=Education.values), name="posting_education_valid"
            ),
            models.CheckConstraint(
                condition=Q(contract_type__in=ContractType.values),
                name="posting_contract_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(shift="") | Q(shift__in=Shift.values), name="posting_shift_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="posting_source_valid"
            ),
            models.CheckConstraint(
                condition=(Q(lng__isnull=True) & Q(lat__isnull=True))
                | (Q(lng__gte=-180, lng__lte=180) & Q(lat__gte=-90, lat__lte=90)),
                name="posting_coords_both_or_none",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def area_code(self) -> str:
        return self.county_id

    @property
    def age_text(self) -> str:
        return age_range_text(self.age_min, self.age_max)

    @property
    def wage_text(self) -> str:
        return wage_range_text(self.wage_min, self.wage_max, self.wage_unit, self.wage_months)

    def benefit_labels(self) -> list[str]:
        labels = dict(Benefit.choices)
        return [labels[b] for b in self.benefits if b in labels]


class JobSeeker(TimeStampedModel):
    """求职登记: one per person, de-duplicated by the keyed hash of the 身份证号."""

    # Staff lists are read through .audited(): reading them writes the audit row.
    objects = AuditedQuerySet.as_manager()

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seeker",
    )
    name = models.CharField("姓名", max_length=32)
    id_number = EncryptedTextField("身份证号")
    # Hashes and division codes are only ever compared whole: their indexes are declared in
    # Meta, so PostgreSQL gets no second (varchar_pattern_ops) index to keep up per row.
    id_number_hash = models.CharField(max_length=64, editable=False)
    id_number_masked = models.CharField("身份证号（脱敏）", max_length=18, editable=False)
    birth_date = models.DateField("出生日期", editable=False)
    gender = models.CharField("性别", max_length=1, choices=Gender.choices, editable=False)
    phone = EncryptedTextField("手机号")
    phone_hash = models.CharField(max_length=64, editable=False)
    phone_masked = models.CharField("手机号（脱敏）", max_length=16, editable=False)
    hukou_area = models.ForeignKey(
        "regions.Division",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="户籍地",
        db_index=False,
    )
    residence = models.ForeignKey(
        "regions.Division",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="现居住地（乡镇街道）",
        db_index=False,
    )
    # Denormalised residence code: staff scope is a prefix test on it.
    area_code = models.CharField(max_length=12, db_index=True, editable=False)
    wanted_occupations = models.ManyToManyField(
        "classifications.Occupation", blank=True, related_name="+", verbose_name="想做的工作"
    )
    wanted_areas = models.ManyToManyField(
        "regions.Division", blank=True, related_name="+", verbose_name="想去的地方"
    )
    expected_wage = models.DecimalField(
        "期望工资", max_digits=9, decimal_places=2, null=True, blank=True
    )
    expected_wage_unit = models.CharField(
        "期望工资单位", max_length=8, choices=WageUnit.choices, default=WageUnit.MONTH
    )
    available_from = models.DateField("最早到岗日期", null=True, blank=True)
    skills = models.TextField("技能", blank=True)
    certificates = models.TextField("证书", blank=True)
    experience = models.TextField("工作经历", blank=True)
    wants_training = models.BooleanField("想参加技能培训", default=False)
    is_older = models.BooleanField("大龄务工人员", default=False)
    is_poverty_alleviated = models.BooleanField("脱贫劳动力", default=False)
    push_frequency = models.CharField(
        "推送频率", max_length=8, choices=PushFrequency.choices, default=PushFrequency.WEEKLY
    )
    push_channel = models.CharField(
        "推送方式", max_length=8, choices=PushChannel.choices, default=PushChannel.SITE
    )
    quiet_start = models.TimeField("免打扰开始", null=True, blank=True)
    quiet_end = models.TimeField("免打扰结束", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=8, choices=SeekerStatus.choices, default=SeekerStatus.ACTIVE
    )
    registered_via = models.CharField(
        "登记方式", max_length=16, choices=RegisteredVia.choices, default=RegisteredVia.SELF
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="代为登记的工作人员",
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "area_code"]),
            models.Index(fields=["phone_hash"], name="seeker_phone_hash"),
            models.Index(fields=["hukou_area"], name="seeker_hukou_area"),
            models.Index(fields=["residence"], name="seeker_residence"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["id_number_hash"], name="seeker_unique_id_number"),
            models.CheckConstraint(
                condition=Q(status__in=SeekerStatus.values), name="seeker_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(gender__in=Gender.values), name="seeker_gender_valid"
            ),
            models.CheckConstraint(
                condition=Q(push_frequency__in=PushFrequency.values),
                name="seeker_push_frequency_valid",
            ),
            models.CheckConstraint(
                condition=Q(push_channel__in=PushChannel.values), name="seeker_push_channel_valid"
            ),
            models.CheckConstraint(
                condition=Q(registered_via__in=RegisteredVia.values),
                name="seeker_registered_via_valid",
            ),
            models.CheckConstraint(
                condition=Q(expected_wage_unit__in=WageUnit.values),
                name="seeker_expected_wage_unit_valid",
            ),
            models.CheckConstraint(
                condition=(Q(quiet_start__isnull=True) & Q(quiet_end__isnull=True))
                | (Q(quiet_start__isnull=False) & Q(quiet_end__isnull=False)),
                name="seeker_quiet_hours_both_or_none",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.id_number_masked}）"

    @property
    def expected_wage_text(self) -> str:
        """「5000 元/月」; nothing written: 「面议」."""
        wage = self.expected_wage
        return wage_range_text(wage or None, wage, self.expected_wage_unit)


class ConsentPurpose(models.TextChoices):
    REGISTRATION = "registration", "保存求职登记信息"
    PUSH = "push", "接收岗位推送"
    SMS = "sms", "接收短信"
    SHARING = "sharing", "向用人单位提供联系方式"


class ConsentMethod(models.TextChoices):
    ONLINE = "online", "本人在线勾选"
    SIGNED = "signed", "本人在服务站签字"
    VERBAL = "verbal", "本人在服务站口头同意（经办员记录）"
    WITHDRAWN = "withdrawn", "本人撤回"


class Consent(models.Model):
    """An append-only history of what a seeker agreed to and how; the newest row per purpose
    is the one in force."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField("用途", max_length=16, choices=ConsentPurpose.choices)
    granted = models.BooleanField("同意")
    method = models.CharField("方式", max_length=16, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(purpose__in=ConsentPurpose.values), name="consent_purpose_valid"
            ),
            models.CheckConstraint(
                condition=Q(method__in=ConsentMethod.values), name="consent_method_valid"
            ),
        ]

    def __str__(self) -> str:
        verdict = "同意" if self.granted else "不同意"
        return f"{self.get_purpose_display()}：{verdict}（{self.get_method_display()}）"


class SavedPosting(models.Model):
    """A posting a worker keeps (收藏) to come back to, also offline (the APP channel's
    service worker keeps the /me/saved/ page). One row per worker and posting."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_postings"
    )
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="+")
    saved_at = models.DateTimeField("收藏时间", auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "posting"], name="saved_posting_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} 收藏 {self.posting_id}"
