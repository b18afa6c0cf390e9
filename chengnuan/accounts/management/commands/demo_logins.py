from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts.demo import (
    DEMO_EMPLOYER_PHONE,
    DEMO_STAFF,
    DEMO_WORKER_PHONE,
    refuse_in_production,
)


class Command(BaseCommand):
    help = "Print how to sign in as each demo account, with the current TOTP code of each staff account."

    def handle(self, *args: object, **options: object) -> None:
        try:
            refuse_in_production()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        rows = [
            (
                "演示求职者",
                f"/accounts/login/ 手机号 {DEMO_WORKER_PHONE}，选“我是求职者”",
                "-",
                "-",
            ),
            (
                "演示招聘单位",
                f"/accounts/login/ 手机号 {DEMO_EMPLOYER_PHONE}，选“我是招聘单位”",
                "-",
                "-",
            ),
        ]
        for spec in DEMO_STAFF:
            device = TOTPDevice.objects.filter(user__username=spec.username, confirmed=True).first()
            if device is None:
                code = "（没有这个账号：先运行 create_demo_accounts）"
            else:
                code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"
            rows.append(
                (
                    spec.display_name,
                    f"/accounts/staff/login/ 用户名 {spec.username}",
                    spec.password,
                    code,
                )
            )
        header = ("谁", "怎么登录", "密码", "当前动态码")
        for row in [header, *rows]:
            self.stdout.write(" | ".join(row))
        self.stdout.write("")
        self.stdout.write("动态码每30秒变一次：过期了就再运行一次 manage.py demo_logins。")
        self.stdout.write("求职者和单位的短信验证码会打印在运行服务器的控制台（日志）里。")
