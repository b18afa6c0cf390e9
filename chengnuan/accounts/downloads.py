"""The download of 我的信息 in two forms: a workbook a person can open and read (Chinese
labels, codes as their Chinese names, Beijing time), and JSON for programs (codes as stored,
each key's Chinese label beside it, Beijing time). Both are drawn from the same sections
(privacy.Section), so every app's part comes out in both."""

import datetime
import io
import json
from dataclasses import dataclass
from typing import Any, Literal

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from chengnuan.accounts.privacy import Item, Section

DownloadFormat = Literal["xlsx", "json"]
NOTE = "这是城暖农民工服务平台保存的关于您的全部信息。请妥善保管，不要发给别人。"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_TITLE = Font(bold=True, size=14)
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class MyDataDownload:
    sections: list[Section]
    exported_at: datetime.datetime

    @property
    def exported_text(self) -> str:
        return f"{timezone.localtime(self.exported_at):%Y-%m-%d %H:%M}（北京时间）"


def as_json(download: MyDataDownload) -> bytes:
    data = {
        "说明": NOTE,
        "exported_at": timezone.localtime(download.exported_at).isoformat(),
        "time_zone": "Asia/Shanghai",
        "sections": {section.key: section.as_json() for section in download.sections},
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def as_xlsx(download: MyDataDownload) -> bytes:
    """One sheet, read top to bottom: each section under its title; a table (one row per
    record) for many short records, a 项目 / 内容 list for the others."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "我的信息"
    _row(sheet, ["我在城暖农民工服务平台的全部信息"], font=_TITLE)
    _row(sheet, [f"导出时间：{download.exported_text}"])
    _row(sheet, [NOTE])
    widest = 2
    for section in download.sections:
        sheet.append([])
        _row(sheet, [section.title], font=_BOLD)
        if not section.records:
            _row(sheet, [section.empty_text])
        elif section.tabular:
            _row(sheet, [item.label for item in section.records[0]], font=_BOLD)
            for record in section.records:
                _row(sheet, [item.text for item in record])
            widest = max(widest, len(section.records[0]))
        else:
            for index, record in enumerate(section.records):
                if index:
                    sheet.append([])
                _list(sheet, record)
    for column in "ABCDEFGH"[:widest]:
        sheet.column_dimensions[column].width = 20
    sheet.column_dimensions["B"].width = 48
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _list(sheet: Worksheet, record: list[Item]) -> None:
    for item in record:
        _row(sheet, [item.label, item.text])
        sheet.cell(row=sheet.max_row, column=1).font = _BOLD


def _row(sheet: Worksheet, values: list[Any], *, font: Font | None = None) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell, Cell) and cell.value is not None:
            # What a person typed is text, even when it starts with "=" (no formula runs).
            cell.data_type = "s"
            cell.alignment = _WRAP
            if font is not None:
                cell.font = font
