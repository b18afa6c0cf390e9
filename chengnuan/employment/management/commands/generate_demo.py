"""python manage.py generate_demo --postings N --seekers M [--employers K] [--seed S] [--if-empty]:
realistic 辽宁 demo data, from a few thousand rows for a demo to millions for a benchmark."""

import time
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chengnuan.employment.demo.world import DemoDataMissing
from chengnuan.employment.demo.writer import generate_demo
from chengnuan.employment.models import Posting

PROGRESS_EVERY = 50_000


class Command(BaseCommand):
    help = "生成演示数据：用人单位、岗位、求职登记（数据真实可用，身份证号等同样加密保存）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--postings", type=int, default=3000, help="岗位数")
        parser.add_argument("--seekers", type=int, default=800, help="求职登记数")
        parser.add_argument(
            "--employers", type=int, default=None, help="用人单位数（默认每8个岗位1家）"
        )
        parser.add_argument("--seed", type=int, default=1, help="随机种子：同一种子生成同样的数据")
        parser.add_argument("--if-empty", action="store_true", help="已经有岗位时什么都不做")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Posting.objects.exists():
            self.stdout.write("已有岗位数据，不再生成演示数据。")
            return
        if min(options["postings"], options["seekers"], options["employers"] or 0) < 0:
            raise CommandError("数量不能是负数。")
        started = time.monotonic()
        try:
            counts = generate_demo(
                postings=options["postings"],
                seekers=options["seekers"],
                employers=options["employers"],
                seed=options["seed"],
                progress=self._progress,
            )
        except (DemoDataMissing, ValueError, ImproperlyConfigured) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"生成用人单位 {counts.employers} 家，岗位 {counts.postings} 个，"
            f"求职登记 {counts.seekers} 条（同意记录 {counts.consents} 条），"
            f"用时 {time.monotonic() - started:.1f} 秒。"
        )
        self._rebuild_search_index()
        if "create_demo_accounts" in get_commands():
            call_command("create_demo_accounts")

    def _progress(self, what: str, done: int, total: int) -> None:
        if done == total or done % PROGRESS_EVERY == 0:
            self.stdout.write(f"{what} {done}/{total}")

    def _rebuild_search_index(self) -> None:
        """The demo's rows are written in bulk, past the services that tell the index."""
        from chengnuan.search.index import rebuild_all

        self.stdout.write("正在重建搜索索引……")
        rebuild_all()
