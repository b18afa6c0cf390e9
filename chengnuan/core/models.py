from django.conf import settings
from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField("创建时间", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True


class AuditAction(models.TextChoices):
    VIEW = "view", "查看"
    EXPORT = "export", "导出"
    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    REVIEW = "review", "审核"
    IMPORT = "import", "导入"
    LOGIN = "login", "登录"


class AuditResult(models.TextChoices):
    OK = "ok", "成功"
    DENIED = "denied", "拒绝"
    FAILED = "failed", "失败"


class AuditEntry(models.Model):
    """Append-only: who did what to which record, when, and how it ended. Database triggers
    (migration 0002) refuse UPDATE and DELETE on this table."""

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField("操作人", max_length=150, blank=True)
    action = models.CharField("操作", max_length=16, choices=AuditAction.choices)
    object_type = models.CharField("对象类型", max_length=64)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    result = models.CharField(
        "结果", max_length=8, choices=AuditResult.choices, default=AuditResult.OK
    )
    detail = models.JSONField("详情", default=dict, blank=True)
    ip = models.GenericIPAddressField("IP", null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=AuditAction.values), name="auditentry_action_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(result__in=AuditResult.values), name="auditentry_result_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}#{self.object_id}"


class WorkdayOverride(models.Model):
    """A staff correction to the working-day calendar: a day the State Council's notice (or a
    provincial one) makes a working day or a holiday. Wins over the chinese_calendar package,
    and is the only source of holidays for years the package does not know yet."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否上班")
    note = models.CharField("说明", max_length=100, blank=True, help_text="比如：2027年春节调休")
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = verbose_name_plural = "工作日调整"

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {'上班' if self.is_workday else '休息'} {self.note}".strip()
