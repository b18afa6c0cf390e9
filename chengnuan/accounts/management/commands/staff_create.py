import base64
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from chengnuan.accounts.models import Department, StaffRole
from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.accounts.services.staff import staff_create


class Command(BaseCommand):
    help = (
        "Create a staff account with a TOTP device; prints what to enrol in an authenticator app."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--role", required=True, choices=StaffRole.values)
        parser.add_argument(
            "--area",
            required=True,
            help="adcode: 6 digits for clerk/county, 4 for city, 2 for province",
        )
        parser.add_argument("--department", required=True, choices=Department.values)
        parser.add_argument("--password", help="omit to generate one (printed once)")
        parser.add_argument("--display-name", default="")
        parser.add_argument(
            "--api-token",
            metavar="NAME",
            help="also issue an API token with this name (printed once)",
        )
        parser.add_argument(
            "--api-token-days",
            type=int,
            default=settings.STAFF_API_TOKEN_DAYS,
            help="how many days that token works (at most STAFF_API_TOKEN_DAYS)",
        )

    def handle(self, *args: object, **options: str) -> None:
        password = options["password"] or secrets.token_urlsafe(12)
        try:
            # One transaction: a refused token lifetime leaves no half-made account behind.
            with transaction.atomic():
                user, device = staff_create(
                    username=options["username"],
                    role=options["role"],
                    area_code=options["area"],
                    department=options["department"],
                    password=password,
                    display_name=options["display_name"],
                )
                issued = (
                    api_token_create(
                        user=user, name=options["api_token"], days=int(options["api_token_days"])
                    )
                    if options["api_token"]
                    else None
                )
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        self.stdout.write(
            f"已创建工作人员 {user.username}（{user.get_role_display()}，区域 {user.area_id}）"
        )
        if not options["password"]:
            self.stdout.write(f"初始密码（只显示这一次）：{password}")
        self.stdout.write("请用手机验证器应用（如 FreeOTP、Google Authenticator）扫描或输入：")
        self.stdout.write(f"  {device.config_url}")
        self.stdout.write(f"  密钥（base32）：{base64.b32encode(device.bin_key).decode()}")
        if issued is not None:
            token, key = issued
            until = timezone.localtime(token.expires_at)
            self.stdout.write(f"API 令牌（只显示这一次，{until:%Y-%m-%d %H:%M} 失效）：{key}")
