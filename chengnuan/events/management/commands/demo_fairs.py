"""python manage.py demo_fairs [--if-empty]: a few demo job fairs in Shenyang and Dalian."""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chengnuan.events.demo import demo_fairs_create
from chengnuan.events.models import JobFair


class Command(BaseCommand):
    help = "生成演示招聘会（沈阳、大连；人社和工会；现场和网络），生产环境不能用。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="已经有招聘会时什么都不做")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and JobFair.objects.exists():
            self.stdout.write("已有招聘会数据，不再生成演示招聘会。")
            return
        try:
            fairs, booths = demo_fairs_create()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"生成演示招聘会 {fairs} 场，展位 {booths} 个。")
