from django.core.management.base import BaseCommand, CommandError, CommandParser

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Issue an API token for an existing staff member (the key is printed once). Revoke in the admin."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument(
            "--name", required=True, help="what the token is for, e.g. 铁西区导入脚本"
        )

    def handle(self, *args: object, **options: str) -> None:
        user = User.objects.filter(
            username=options["username"], kind=UserKind.STAFF, is_active=True
        ).first()
        if user is None:
            raise CommandError(f"没有在用的工作人员账号 {options['username']}")
        _token, key = api_token_create(user=user, name=options["name"])
        self.stdout.write(f"API 令牌（只显示这一次，区域仍限 {user.area_id}）：{key}")
