"""Demo accounts for a development or test machine. Passwords and TOTP secrets are fixed and
public on purpose; manage.py create_demo_accounts refuses to run in production."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts.models import Department, StaffRole, User, UserKind
from chengnuan.accounts.services.phone import user_for_phone
from chengnuan.accounts.services.staff import staff_create

DEMO_WORKER_PHONE = "13800000001"
DEMO_EMPLOYER_PHONE = "13800000002"


@dataclass(frozen=True)
class DemoStaff:
    username: str
    display_name: str
    role: StaffRole
    area_code: str
    password: str
    # May edit the working-day calendar in the admin.
    calendar_admin: bool = False

    @property
    def totp_key(self) -> str:
        """A fixed 20-byte secret (hex), derived from the username so it never changes."""
        return hashlib.sha1(
            f"chengnuan-demo:{self.username}".encode(), usedforsecurity=False
        ).hexdigest()


DEMO_STAFF = [
    DemoStaff(
        "demo_tiexi", "铁西区服务站经办员（演示）", StaffRole.CLERK, "210106", "demo-tiexi-2026"
    ),
    DemoStaff(
        "demo_shenyang", "沈阳市人社局（演示）", StaffRole.CITY, "2101", "demo-shenyang-2026"
    ),
    DemoStaff(
        "demo_ganjingzi",
        "甘井子区服务站经办员（演示）",
        StaffRole.CLERK,
        "210211",
        "demo-ganjingzi-2026",
    ),
    DemoStaff(
        "demo_province",
        "省人社厅（演示）",
        StaffRole.PROVINCE,
        "21",
        "demo-province-2026",
        calendar_admin=True,
    ),
]


def refuse_in_production() -> None:
    if settings.IS_PRODUCTION:
        raise ImproperlyConfigured("演示账号不能在生产环境使用（CHENGNUAN_ENV=production）。")


def demo_accounts_create() -> list[User]:
    """Create the demo accounts, or put them back to their demo state. Idempotent."""
    refuse_in_production()
    with transaction.atomic():
        worker = user_for_phone(phone=DEMO_WORKER_PHONE, kind=UserKind.WORKER)
        employer = user_for_phone(phone=DEMO_EMPLOYER_PHONE, kind=UserKind.EMPLOYER)
        for user, name in ((worker, "演示求职者"), (employer, "演示招聘单位")):
            user.display_name = name
            user.save(update_fields=["display_name"])
        return [worker, employer] + [_demo_staff(spec) for spec in DEMO_STAFF]


def _demo_staff(spec: DemoStaff) -> User:
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        user, _device = staff_create(
            username=spec.username,
            role=spec.role,
            area_code=spec.area_code,
            department=Department.HRSS,
            password=spec.password,
            display_name=spec.display_name,
            totp_key=spec.totp_key,
        )
    else:
        user.set_password(spec.password)
        user.is_active = True
        user.role, user.area_id, user.department = spec.role, spec.area_code, Department.HRSS
        user.full_clean()
        user.save()
        TOTPDevice.objects.filter(user=user).delete()
        TOTPDevice.objects.create(user=user, name="动态验证码", confirmed=True, key=spec.totp_key)
    if spec.calendar_admin:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="core", codename__endswith="workdayoverride"
            )
        )
    return user
