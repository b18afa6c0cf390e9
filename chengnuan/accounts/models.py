from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from chengnuan.core.fields import EncryptedTextField


class UserKind(models.TextChoices):
    WORKER = "worker", "务工人员"
    EMPLOYER = "employer", "用人单位"
    STAFF = "staff", "工作人员"


class StaffRole(models.TextChoices):
    CLERK = "clerk", "基层服务站经办员"
    COUNTY = "county", "县区工作人员"
    CITY = "city", "市级工作人员"
    PROVINCE = "province", "省级工作人员"


class Department(models.TextChoices):
    HRSS = "hrss", "人力资源社会保障"
    UNION = "union", "工会"
    EDUCATION = "education", "教育"
    CIVIL_AFFAIRS = "civil", "民政"
    HOUSING = "housing", "住房城乡建设"
    YOUTH_LEAGUE = "youth", "共青团"


# How long each role's area code is: a clerk or county officer works in a county (6 digits),
# a city officer in a city (4), a province officer in the province (2).
ROLE_SCOPE_LENGTH = {
    StaffRole.CLERK: 6,
    StaffRole.COUNTY: 6,
    StaffRole.CITY: 4,
    StaffRole.PROVINCE: 2,
}


class User(AbstractUser):
    """Workers and employers sign in by phone and SMS code; staff by password and TOTP.
    Staff carry a role and an area scope (an adcode prefix): they see records inside it only."""

    kind = models.CharField(
        "用户类型", max_length=16, choices=UserKind.choices, default=UserKind.WORKER
    )
    display_name = models.CharField("称呼", max_length=64, blank=True)
    phone = EncryptedTextField("手机号", blank=True)
    phone_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    phone_masked = models.CharField("手机号（脱敏）", max_length=16, blank=True)
    role = models.CharField("角色", max_length=16, choices=StaffRole.choices, blank=True)
    area = models.ForeignKey(
        "regions.Division",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="管辖区域",
    )
    department = models.CharField("部门", max_length=16, choices=Department.choices, blank=True)
    closed_at = models.DateTimeField("注销时间", null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=UserKind.values), name="user_kind_valid"),
            models.CheckConstraint(
                condition=Q(kind=UserKind.STAFF, role__in=StaffRole.values, area__isnull=False)
                | (~Q(kind=UserKind.STAFF) & Q(role="")),
                name="user_staff_has_role_and_area",
            ),
            models.CheckConstraint(
                condition=~Q(kind=UserKind.STAFF) | Q(department__in=Department.values),
                name="user_staff_has_department",
            ),
        ]

    @property
    def is_staff_member(self) -> bool:
        return self.kind == UserKind.STAFF

    @property
    def scope_prefix(self) -> str:
        """The adcode prefix of records this staff member may see ('' for non-staff)."""
        return self.area_id or "" if self.kind == UserKind.STAFF else ""

    def __str__(self) -> str:
        return self.display_name or self.phone_masked or self.username


class PhoneCodePurpose(models.TextChoices):
    LOGIN = "login", "登录"


class PhoneCode(models.Model):
    """One SMS one-time code. Only its keyed hash is kept; the rows themselves are the
    per-number rate limit (one a minute, ten a day), so the limit holds across processes."""

    phone_hash = models.CharField(max_length=64, db_index=True)
    purpose = models.CharField(
        max_length=16, choices=PhoneCodePurpose.choices, default=PhoneCodePurpose.LOGIN
    )
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(db_index=True)
    # Minutes since the epoch of created_at: the unique constraint below stops two processes
    # that pass the "one a minute" check at the same instant from both sending a code.
    minute_slot = models.BigIntegerField(editable=False)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    locked = models.BooleanField(default=False)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["phone_hash", "minute_slot"], name="phonecode_one_per_minute"
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="phonecode_expires_after_creation",
            ),
            models.CheckConstraint(
                condition=Q(purpose__in=PhoneCodePurpose.values), name="phonecode_purpose_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.created_at:%Y-%m-%d %H:%M:%S}"


class SignInEnd(models.TextChoices):
    """Why a sign-in (an API token or a browser session) ended; kept in its audit row."""

    LOGOUT = "logout", "退出登录"
    BY_OWNER = "by_owner", "本人在“登录过的设备”里退出"
    OTHERS_BY_OWNER = "others_by_owner", "本人退出其他所有设备"
    BY_ADMIN = "by_admin", "管理员作废"


class ApiToken(models.Model):
    """A bearer token for the APP channel. Only the keyed hash of the key is stored; the key is
    shown once, when it is made. Every token expires: a worker's or employer's is renewed by
    use up to a hard limit, a staff member's never (see services.api_token_create). Staff
    tokens are issued only by an administrator (manage.py staff_create --api-token /
    staff_api_token) and stay inside the staff member's area scope like every other staff
    access."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    name = models.CharField("名称", max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField("有效期至", db_index=True)
    revoked_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="apitoken_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class BrowserSession(models.Model):
    """A sign-in in a browser, recorded when it starts, so that a person can see where they
    are signed in and end it (Django's session table cannot be searched by user). The
    session key opens the account like a token does: it is stored encrypted (ending the
    session needs it) with a keyed hash to recognise the browser in hand."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="browser_sessions"
    )
    session_key = EncryptedTextField(editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    device = models.CharField("设备", max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.device
