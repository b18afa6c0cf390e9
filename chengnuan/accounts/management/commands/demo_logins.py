import io

import qrcode
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts.demo import (
    DEMO_EMPLOYER_PHONE,
    DEMO_STAFF,
    DEMO_WORKER_PHONE,
    refuse_in_production,
)


def terminal_qr(text: str) -> str:
    """`text` as a QR code of block characters for the usual dark terminal: the blocks are the
    light modules and the quiet zone around them, so a phone camera sees dark on light."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(text)
    out = io.StringIO()
    code.print_ascii(out=out, tty=False, invert=True)
    return out.getvalue()


class Command(BaseCommand):
    help = (
        "Print how to sign in as each demo account; for each staff account the otpauth:// "
        "address of its TOTP secret and its QR code, to add to an authenticator app once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-qr", action="store_true", help="只打印 otpauth:// 地址，不画二维码"
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            refuse_in_production()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        write = self.stdout.write
        write("演示账号：")
        write(f"  演示求职者：/accounts/login/ 手机号 {DEMO_WORKER_PHONE}，选“我是求职者”")
        write(f"  演示招聘单位：/accounts/login/ 手机号 {DEMO_EMPLOYER_PHONE}，选“我是招聘单位”")
        write("  （短信验证码会打印在运行服务器的控制台（日志）里。）")
        write("")
        # A code printed here would be stale within 30 seconds, and a stale code typed in counts
        # as a failed sign-in towards the lock: give the secret to an authenticator app instead.
        write("工作人员账号：把下面的二维码（或 otpauth:// 地址）加到手机的身份验证器 App 里，")
        write("登录时填 App 上显示的6位动态验证码。")
        for spec in DEMO_STAFF:
            write("")
            write(f"{spec.display_name}：/accounts/staff/login/")
            write(f"  用户名 {spec.username}  密码 {spec.password}")
            device = TOTPDevice.objects.filter(user__username=spec.username, confirmed=True).first()
            if device is None:
                write("  （没有这个账号：先运行 manage.py create_demo_accounts）")
                continue
            write(f"  {device.config_url}")
            if not options["no_qr"]:
                write(terminal_qr(device.config_url))
