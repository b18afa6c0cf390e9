"""The two downloads of 我的信息 drawn from any app's sections: what the hook returns is all
an app writes to come out readable."""

import datetime
import io
import json

import openpyxl
import pytest

from chengnuan.accounts.downloads import MyDataDownload, as_json, as_xlsx
from chengnuan.accounts.privacy import Item, Section, shown

pytestmark = pytest.mark.django_db  # the shared autouse fixture clears the database cache

AT = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)  # 07:30 the next day in Beijing


def download() -> MyDataDownload:
    course = Section(
        "courses",
        "我报名的培训",
        [
            [
                Item("course", "课程", "welding-1", "电焊工初级班"),
                Item("enrolled_at", "报名时间", AT, shown(AT)),
                Item("status", "状态", "enrolled", "已报名"),
            ]
        ],
        tabular=True,
    )
    return MyDataDownload(sections=[course, Section("cases", "我的投诉")], exported_at=AT)


def test_another_apps_section_reads_in_chinese_and_beijing_time_in_the_workbook():
    book = openpyxl.load_workbook(io.BytesIO(as_xlsx(download())))
    rows = [
        tuple(c for c in row if c is not None) for row in book.active.iter_rows(values_only=True)
    ]
    assert ("我报名的培训",) in rows
    assert ("课程", "报名时间", "状态") in rows
    assert ("电焊工初级班", "2026-03-02 07:30", "已报名") in rows
    assert ("我的投诉",) in rows and ("没有记录。",) in rows
    assert ("导出时间：2026-03-02 07:30（北京时间）",) in rows


def test_the_same_section_keeps_its_codes_for_programs_in_beijing_time():
    data = json.loads(as_json(download()))
    assert data["exported_at"] == "2026-03-02T07:30:00+08:00"
    courses = data["sections"]["courses"]
    assert courses["labels"] == {"course": "课程", "enrolled_at": "报名时间", "status": "状态"}
    assert courses["records"] == [
        {"course": "welding-1", "enrolled_at": "2026-03-02T07:30:00+08:00", "status": "enrolled"}
    ]
