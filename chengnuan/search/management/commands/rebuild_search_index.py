"""python manage.py rebuild_search_index [--workers N] [--type posting]: re-index every
visible record of every registered document type (or of the types named) in bulk."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from chengnuan.search.index import rebuild_all


class Command(BaseCommand):
    help = "重建搜索索引（改了分词词典或噪声词以后运行；同义词表改了不用重建）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workers", type=int, default=2, help="分词进程数（默认 2）")
        parser.add_argument(
            "--type", action="append", dest="types", help="只重建这一类（如 posting），可写多次"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = rebuild_all(workers=max(1, options["workers"]), doc_types=options["types"])
        self.stdout.write(
            f"已索引 {report.documents} 条，用时 {report.seconds:.1f} 秒，"
            f"索引占用 {report.size_bytes / 1024 / 1024:.0f} MB。"
        )
