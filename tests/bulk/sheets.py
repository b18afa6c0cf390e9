"""Building sheets for the bulk tests the way clerks do: the downloaded template with rows
typed under the example, or a plain workbook / CSV."""

import datetime
import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from chengnuan.bulk import columns, workbooks
from chengnuan.bulk.choices import ImportKind, ImportMode
from chengnuan.bulk.models import ImportJob
from chengnuan.bulk.services import imports
from tests.factories import SHENYANG_TIEXI, make_id_number, make_mobile

FIRST_DATA_ROW = 3  # row 1 headers, row 2 the example
TIEXI = SHENYANG_TIEXI  # the clerk fixture's county


def filled_template(kind: str, scope: str, rows: list[dict[str, Any]]) -> bytes:
    """The downloaded template with `rows` (header without * -> value) typed from row 3."""
    spec = columns.SPECS[kind]
    return fill_template(workbooks.template_workbook(spec, scope), kind, rows)


def fill_template(template: bytes, kind: str, rows: list[dict[str, Any]]) -> bytes:
    """What a clerk does with a template: `rows` typed under the example row."""
    spec = columns.SPECS[kind]
    book = load_workbook(io.BytesIO(template))
    sheet = book[spec.sheet_name]
    headers = header_names(sheet)
    for offset, row in enumerate(rows):
        for index, header in enumerate(headers, start=1):
            if header in row:
                sheet.cell(row=FIRST_DATA_ROW + offset, column=index, value=row[header])
    return saved(book)


def fix_returned_sheet(content: bytes, fixes: dict[str, dict[str, str]]) -> bytes:
    """What the clerk does with the returned sheet: fix the flagged rows (found by 姓名), keep
    the reason column."""
    book = load_workbook(io.BytesIO(content))
    sheet = book.active
    headers = header_names(sheet)
    for row in sheet.iter_rows(min_row=2):
        name = row[headers.index("姓名")].value
        for header, value in fixes.get(name, {}).items():
            row[headers.index(header)].value = value
    return saved(book)


def docx_bytes() -> bytes:
    """A Word document (the parts that make it one), as uploaded renamed to .xlsx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def header_names(sheet: Any) -> list[str]:
    """The first row's headers without the * that marks a required column."""
    return [str(c.value).rstrip("*") for c in sheet[1]]


def saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def plain_workbook(headers: list[Any], rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    return saved(book)


def upload(user, content: bytes, *, kind: str = ImportKind.SEEKER, mode: str = ImportMode.ALL_OR_NOTHING,
           name: str = "表格.xlsx") -> ImportJob:  # fmt: skip
    return imports.import_job_start(
        user=user,
        kind=ImportKind(kind),
        mode=ImportMode(mode),
        upload=SimpleUploadedFile(name, content),
    )


_used_ids: set[str] = set()


def unique_id_number(**kwargs: Any) -> str:
    """make_id_number draws from a few hundred numbers per birth date: never hand out one twice."""
    while (number := make_id_number(**kwargs)) in _used_ids:
        pass
    _used_ids.add(number)
    return number


def seeker_row(**overrides: Any) -> dict[str, Any]:
    row = {
        "姓名": "李秀英",
        "身份证号": unique_id_number(),
        "手机号": "139 " + make_mobile()[3:7] + " " + make_mobile()[7:],
        "现居住县区": "铁西区",
        "现居住乡镇街道": "昆明湖街道",
        "想做的工作": "装配钳工",
        "期望工资": "5000",
        "本人已同意登记": "是",
    }
    row.update(overrides)
    return row


def sheet_rows(content: bytes) -> list[tuple[Any, ...]]:
    book = load_workbook(io.BytesIO(content))
    return list(book.active.iter_rows(values_only=True))


def posting_row(**overrides: Any) -> dict[str, Any]:
    valid_until = timezone.localdate() + datetime.timedelta(days=60)
    row = {
        "单位名称": "沈阳示范机械有限公司",
        "统一社会信用代码": "91210106MA0Y8D2K72",
        "岗位名称": "装配工",
        "工作地点（县区）": "沈阳市铁西区",
        "工资": "4000-6000元/月",
        "招聘人数": "5人",
        "年龄要求": "18-50岁",
        "福利待遇": "包吃住、双休",
        "联系人": "王经理",
        "联系电话": "139 1234 5678",
        "有效期至": f"{valid_until.year}年{valid_until.month}月{valid_until.day}日",
    }
    row.update(overrides)
    return row


def with_check_digit_broken(number: str) -> str:
    return number[:-1] + ("0" if number[-1] != "0" else "1")


def worker_name(n: int) -> str:
    """A name for the n-th made-up worker that a name check accepts (no digits): 工友一五."""
    return "工友" + "".join("零一二三四五六七八九"[int(d)] for d in str(n))


def twenty_rows_three_wrong() -> list[dict[str, Any]]:
    """The issue's journey: 20 seekers, three wrong (sheet rows 7, 12 and 18)."""
    rows = [seeker_row(姓名=worker_name(n)) for n in range(20)]
    rows[4]["身份证号"] = with_check_digit_broken(rows[4]["身份证号"])  # sheet row 7
    rows[9]["手机号"] = "1391234"  # sheet row 12
    rows[15]["现居住乡镇街道"] = "幸福大街"  # sheet row 18
    return rows


def three_fixes() -> dict[str, dict[str, str]]:
    """The clerk's corrections of those three rows, for fix_returned_sheet."""
    return {
        worker_name(4): {"身份证号": unique_id_number()},
        worker_name(9): {"手机号": "13912345678"},
        worker_name(15): {"现居住乡镇街道": "工人村街道"},
    }


def xlsx(response):
    return load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )


def demand_row(**overrides):
    row = {"单位名称": "铁西示范食品厂", "单位所在县区": "铁西区", "联系人": "刘主任", "联系电话": "13912345678",
           "调查日期": "2026/11/20", "岗位名称": "包装工", "需求人数": "10人", "工资": "4000-5000", "需要到岗时间": "2027.3.1"}  # fmt: skip
    row.update(overrides)
    return row


def import_demand(clerk, rows):
    return upload(
        clerk, filled_template(ImportKind.DEMAND_SURVEY, TIEXI, rows), kind=ImportKind.DEMAND_SURVEY
    )


def employment_row(**overrides):
    row = {"姓名": "赵桂兰", "身份证号": unique_id_number(male=False), "手机号": "139 1234 5678",
           "现居住县区": "铁西区", "现居住乡镇街道": "昆明湖街道", "目前就业状态": "失业", "是否想找工作": "是",
           "想做的工作": "保洁员、看孩子", "期望工资": "3000", "是否想参加培训": "√", "想学什么技能": "育婴",
           "就业困难": "要照顾家里、年龄大", "调查日期": "2026年11月20日", "本人已同意登记": "是"}  # fmt: skip
    row.update(overrides)
    return row


def import_employment(clerk, rows):
    return upload(
        clerk,
        filled_template(ImportKind.EMPLOYMENT_SURVEY, TIEXI, rows),
        kind=ImportKind.EMPLOYMENT_SURVEY,
    )
