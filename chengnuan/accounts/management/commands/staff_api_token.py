from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.services.sign_ins import api_token_create


class Command(BaseCommand):
    help = (
        "Issue an API token for an existing staff member (the key is printed once). It expires "
        "after --days (default and most: STAFF_API_TOKEN_DAYS); revoke earlier in the admin."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument(
            "--name", required=True, help="what the token is for, e.g. 铁西区导入脚本"
        )
        parser.add_argument(
            "--days",
            type=int,
            default=settings.STAFF_API_TOKEN_DAYS,
            help="how many days the token works (at most STAFF_API_TOKEN_DAYS)",
        )

    def handle(self, *args: object, **options: str) -> None:
        user = User.objects.filter(
            username=options["username"], kind=UserKind.STAFF, is_active=True
        ).first()
        if user is None:
            raise CommandError(f"没有在用的工作人员账号 {options['username']}")
        try:
            token, key = api_token_create(
                user=user, name=options["name"], days=int(options["days"])
            )
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        until = timezone.localtime(token.expires_at)
        self.stdout.write(
            f"API 令牌（只显示这一次，区域仍限 {user.area_id}，{until:%Y-%m-%d %H:%M} 失效）：{key}"
        )
