"""python manage.py load_reference: divisions, occupations and industries from the shipped
files. Safe to run at every start: it writes only what differs from the database."""

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from chengnuan.classifications.loaders import industries_load, occupations_load
from chengnuan.regions.loaders import divisions_load, has_township_data
from chengnuan.regions.selectors import clear_division_cache


class Command(BaseCommand):
    help = "载入行政区划、职业分类（2022）和行业分类（GB/T 4754-2017）；重复运行只写有变化的行。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--province",
            default=settings.PROVINCE_CODE,
            help="本省两位区划代码，载入到乡镇街道（默认取 PROVINCE_CODE）",
        )
        parser.add_argument("--data-dir", default=str(settings.REFERENCE_DATA_DIR))

    def handle(self, *args: Any, province: str, data_dir: str, **options: Any) -> None:
        started = time.monotonic()
        folder = Path(data_dir)
        if not has_township_data(province):
            self.stderr.write(f"没有区划代码 {province} 的乡镇街道数据，只载入全国省市县。")
        with transaction.atomic():
            results = {
                "行政区划": divisions_load(data_dir=folder, province_code=province),
                "职业": occupations_load(data_dir=folder),
                "行业": industries_load(data_dir=folder),
            }
        if any(counts.changed for counts in results.values()):
            clear_division_cache()
        for label, counts in results.items():
            self.stdout.write(f"{label}：{counts}")
        self.stdout.write(f"用时 {time.monotonic() - started:.2f} 秒")
