"""Opening an uploaded sheet: what kind of file it really is (by its bytes, not its name),
whether it is one we accept, and its rows.

A file is refused, before anything is written, when it is empty, not a spreadsheet (a .docx
renamed to .xlsx, a PDF, an old .xls), too large, has formulas in its data cells or has
headers we do not know. xlsx is read with python-calamine (fast, streaming from Rust); csv is
decoded as UTF-8 (with or without BOM) or GBK/GB18030, which is what Chinese Excel saves.
"""

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils import get_column_letter
from python_calamine import CalamineError, CalamineWorkbook

from chengnuan.bulk import conf
from chengnuan.bulk.columns import IGNORED_HEADERS, SheetSpec, clean_header


class SheetRefused(Exception):
    """The file cannot be imported at all; the message tells the clerk why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


XLSX, CSV = "xlsx", "csv"

# Magic numbers of files people upload by mistake, with what to say about each.
_FOREIGN_MAGIC: list[tuple[bytes, str]] = [
    (
        b"\xd0\xcf\x11\xe0",
        "这是旧版Excel（.xls）或Word文件。请在Excel里「另存为」「Excel 工作簿（.xlsx）」后再上传。",
    ),
    (b"%PDF", "这是PDF文件，不是表格。请上传Excel表格（.xlsx）或CSV文件。"),
    (b"\x89PNG", "这是图片，不是表格。请上传Excel表格（.xlsx）或CSV文件。"),
    (b"\xff\xd8\xff", "这是图片，不是表格。请上传Excel表格（.xlsx）或CSV文件。"),
    (b"GIF8", "这是图片，不是表格。请上传Excel表格（.xlsx）或CSV文件。"),
    (b"Rar!", "这是压缩包，不是表格。请解压后上传里面的Excel表格。"),
    (b"7z\xbc\xaf", "这是压缩包，不是表格。请解压后上传里面的Excel表格。"),
]
NOT_A_SHEET = "这个文件不是Excel表格（.xlsx）或CSV文件，请用下载的模板填写后上传。"


def sniff(path: Path) -> str:
    """XLSX or CSV by content, or SheetRefused. An xlsx is a zip holding [Content_Types].xml and
    xl/workbook.xml; a .docx (word/document.xml) or any other zip is refused."""
    size = path.stat().st_size
    if size == 0:
        raise SheetRefused("文件是空的，请检查后重新上传。")
    if size > conf.max_upload_bytes():
        limit = conf.max_upload_bytes() // (1024 * 1024)
        raise SheetRefused(f"文件太大了（超过{limit}MB）。请分成几个小一点的表格分别上传。")
    with path.open("rb") as handle:
        head = handle.read(8192)
    for magic, message in _FOREIGN_MAGIC:
        if head.startswith(magic):
            raise SheetRefused(message)
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if b"\x00" in head:
        raise SheetRefused(NOT_A_SHEET)
    return CSV


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise SheetRefused("这个Excel文件已损坏，打不开。请重新保存后上传。") from None
    if "word/document.xml" in names:
        raise SheetRefused("这是Word文档，不是Excel表格。请用下载的Excel模板填写后上传。")
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise SheetRefused(NOT_A_SHEET)
    return XLSX


@dataclass
class Table:
    """The data sheet: its header row number, the headers as written, which spec column each
    header is (None for an ignored one) and the data rows as (sheet row number, cells)."""

    header_row: int
    headers: list[str]
    keys: list[str | None]
    rows: Iterator[tuple[int, list[Any]]]
    # An upper bound of the data rows (blank rows included), for the progress bar.
    estimated_rows: int


def open_table(path: Path, spec: SheetSpec) -> Table:
    """The sheet's rows, after every check that can refuse the whole file."""
    kind = sniff(path)
    if kind == XLSX:
        raw_rows, height = _xlsx_rows(path, spec)
    else:
        raw_rows, height = _csv_rows(path)
    return _with_headers(raw_rows, spec, height)


# --- xlsx -----------------------------------------------------------------------------------


def _xlsx_rows(path: Path, spec: SheetSpec) -> tuple[Iterator[list[Any]], int]:
    with zipfile.ZipFile(path) as archive:
        sheets = _sheet_parts(archive)
        if not sheets:
            raise SheetRefused("这个Excel文件里没有工作表。")
        name = spec.sheet_name if spec.sheet_name in sheets else next(iter(sheets))
        _refuse_formulas(archive, sheets[name], name)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_name(name)
    except CalamineError:
        raise SheetRefused(
            "这个Excel文件读不出来，可能已损坏或设置了密码。请重新保存后上传。"
        ) from None
    return iter(sheet.iter_rows()), sheet.height


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name -> its XML part, in workbook order."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314 (zip part of an upload, no DTDs)
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in rels if _local(rel.tag) == "Relationship"
    }
    parts: dict[str, str] = {}
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
        target = targets.get(rel_id, "")
        if "worksheets/" not in target:
            continue  # a chart sheet or macro sheet holds no rows
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts[element.get("name", "")] = part
    return parts


_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_SHEET_DATA_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?sheetData>")
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 64 * 1024


def _refuse_formulas(archive: zipfile.ZipFile, part: str, sheet_name: str) -> None:
    """Refuse a data sheet with a formula in any cell, naming the first one. Scans the sheet's
    XML in chunks (a 100,000-row sheet is ~80 MB unzipped) and only inside <sheetData>, where
    cells live; data-validation lists elsewhere in the part are not cell formulas."""
    with archive.open(part) as handle:
        tail = b""
        while chunk := handle.read(_CHUNK):
            buffer = tail + chunk
            end = _SHEET_DATA_END.search(buffer)
            scan = buffer[: end.start()] if end else buffer
            found = _FORMULA.search(scan)
            if found:
                cell = _cell_before(scan, found.start())
                raise SheetRefused(
                    f"工作表「{sheet_name}」的{cell}格里是公式。请把公式换成数值"
                    "（复制后「选择性粘贴」→「数值」），再上传。"
                )
            if end:
                return
            tail = buffer[-_OVERLAP:]


def _cell_before(buffer: bytes, position: int) -> str:
    start = buffer.rfind(b' r="', 0, position)
    if start < 0:
        return "某个"
    end = buffer.find(b'"', start + 4)
    return buffer[start + 4 : end].decode("ascii", "replace")


# --- csv ------------------------------------------------------------------------------------

_ENCODINGS = ("utf-8-sig", "gb18030")


def _csv_rows(path: Path) -> tuple[Iterator[list[Any]], int]:
    data = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            text = codecs.decode(data, encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetRefused(
            "CSV文件的文字编码看不懂。请在Excel里「另存为」「CSV UTF-8（逗号分隔）」后再上传。"
        )
    del data
    rows = csv.reader(io.StringIO(text, newline=""))
    return _refuse_csv_formulas(rows), text.count("\n") + 1


def _refuse_csv_formulas(rows: Iterator[list[str]]) -> Iterator[list[Any]]:
    """A CSV cell starting with = becomes a formula when opened in Excel: refuse it, naming
    the cell."""
    for number, row in enumerate(rows, start=1):
        for index, cell in enumerate(row):
            if cell.startswith("="):
                raise SheetRefused(
                    f"{get_column_letter(index + 1)}{number}格里是公式（以=开头）。请改成数值后再上传。"
                )
        yield row


# --- headers ----------------------------------------------------------------------------------

_HEADER_SEARCH_ROWS = 10


def _with_headers(raw_rows: Iterator[list[Any]], spec: SheetSpec, height: int) -> Table:
    """Find the header row (the first of the top rows naming one of our columns: a title row
    above it is allowed), check it, and number the data rows as the sheet does."""
    for number, row in enumerate(raw_rows, start=1):
        headers = ["" if cell is None else str(cell) for cell in row]
        while headers and not clean_header(headers[-1]):
            headers.pop()
        if any(spec.key_for(header) for header in headers) or number >= _HEADER_SEARCH_ROWS:
            keys = _check_headers(headers, spec)
            rows = _data_rows(raw_rows, number, len(headers))
            return Table(number, headers, keys, rows, max(height - number, 0))
    raise SheetRefused("表格里没有内容。请用下载的模板填写后上传。")


def _check_headers(headers: list[str], spec: SheetSpec) -> list[str | None]:
    keys: list[str | None] = []
    unknown: list[str] = []
    seen: dict[str, str] = {}
    for header in headers:
        cleaned = clean_header(header)
        key = spec.key_for(header)
        if key is None:
            if cleaned and cleaned not in IGNORED_HEADERS:
                unknown.append(cleaned)
            keys.append(None)
            continue
        if key in seen:
            raise SheetRefused(f"「{cleaned}」这一列出现了两次，请删掉一列后再上传。")
        seen[key] = cleaned
        keys.append(key)
    missing = [
        column.header for column in spec.columns if column.required and column.key not in seen
    ]
    problems = []
    if missing:
        problems.append("缺少这些列：" + "、".join(f"「{m}」" for m in missing))
    if unknown:
        problems.append("这些列不认识：" + "、".join(f"「{u}」" for u in unknown))
    if problems:
        raise SheetRefused(
            "；".join(problems) + f"。请使用「{spec.title}」模板，不要改动第一行的列名。"
        )
    return keys


def _data_rows(
    raw_rows: Iterator[list[Any]], header_row: int, width: int
) -> Iterator[tuple[int, list[Any]]]:
    """Non-blank rows padded or cut to the header width, with their sheet row numbers; the
    row limit is enforced while reading so a huge sheet stops early."""
    limit = conf.max_rows()
    count = 0
    for number, row in enumerate(raw_rows, start=header_row + 1):
        cells = list(row[:width])
        if not any(cell not in ("", None) and str(cell).strip() for cell in cells):
            continue
        count += 1
        if count > limit:
            raise SheetRefused(f"表格超过{limit}行了。请分成几个表格分别上传。")
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        yield number, cells
