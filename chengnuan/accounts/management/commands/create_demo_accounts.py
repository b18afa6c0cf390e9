from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from chengnuan.accounts.demo import demo_accounts_create


class Command(BaseCommand):
    help = "Create (or reset) the demo worker, employer and staff accounts. Refused in production."

    def handle(self, *args: object, **options: object) -> None:
        try:
            users = demo_accounts_create()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"演示账号已就绪：{len(users)} 个。运行 manage.py demo_logins 查看登录方式。"
        )
