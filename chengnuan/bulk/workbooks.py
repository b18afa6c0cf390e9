"""The xlsx files the bulk app hands out: blank templates with drop-downs and a notes sheet,
and the error sheet that sends bad rows back to be fixed."""

import itertools
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from chengnuan.bulk.choices import Difficulty, WorkStatus
from chengnuan.bulk.columns import ERROR_HEADER, Column, SheetSpec, clean_header
from chengnuan.classifications.models import Occupation
from chengnuan.employment.choices import ContractType, Education, Shift, WageUnit
from chengnuan.regions import selectors as regions

OPTIONS_SHEET = "选项"
NOTES_SHEET = "填写说明"
# Rows that get drop-downs and text format; a template is for a day's paper forms, not for
# 100,000 rows (those come from other systems, already typed).
TEMPLATE_ROWS = 2000
HEADER_FILL = PatternFill("solid", fgColor="FCE4D6")
REQUIRED_FONT = Font(bold=True, color="C00000")
EXAMPLE_FONT = Font(italic=True, color="808080")


def county_names(scope_prefix: str) -> list[str]:
    """「沈阳市铁西区」 for every county of the province under `scope_prefix`."""
    return [
        city.name + county.name
        for city in regions.cities()
        for county in regions.counties_of_city(city.code)
        if county.code.startswith(scope_prefix)
    ]


def occupation_names() -> list[str]:
    names = Occupation.objects.filter(level=4).order_by("code").values_list("name", flat=True)
    return list(dict.fromkeys(names))


def _labels(choices: Any) -> list[str]:
    return [str(label) for _, label in choices.choices]


OPTION_LISTS: dict[str, Callable[[str], list[str]]] = {
    "county": county_names,  # where the uploader may place records: their own area
    "any_county": lambda scope: county_names(""),  # where a worker would like to go
    "occupation": lambda scope: occupation_names(),
    "wage_unit": lambda scope: _labels(WageUnit),
    "yes_no": lambda scope: ["是", "否"],
    "gender": lambda scope: ["男", "女"],
    "education": lambda scope: _labels(Education),
    "shift": lambda scope: _labels(Shift),
    "contract_type": lambda scope: _labels(ContractType),
    "work_status": lambda scope: _labels(WorkStatus),
    "difficulty": lambda scope: _labels(Difficulty),
}


def template_workbook(spec: SheetSpec, scope_prefix: str) -> bytes:
    """A blank sheet for `spec`: starred headers, an example row, drop-downs fed from a hidden
    options sheet, long numbers as text, and a notes sheet."""
    book = Workbook()
    data = book.active
    assert isinstance(data, Worksheet)
    data.title = spec.sheet_name
    options = book.create_sheet(OPTIONS_SHEET)
    _write_notes(book.create_sheet(NOTES_SHEET), spec)
    ranges = _write_options(options, spec, scope_prefix)
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        header = data.cell(
            row=1, column=index, value=column.header + ("*" if column.required else "")
        )
        header.fill = HEADER_FILL
        header.font = REQUIRED_FONT if column.required else Font(bold=True)
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        data.column_dimensions[letter].width = column.width
        example = data.cell(
            row=2, column=index, value=column.example if column.example != "" else None
        )
        example.font = EXAMPLE_FONT
        if column.text:
            for row in range(2, TEMPLATE_ROWS + 2):
                data.cell(row=row, column=index).number_format = "@"
        if column.options:
            _add_drop_down(data, letter, ranges[column.options], column, TEMPLATE_ROWS + 1)
    data.freeze_panes = "A2"
    data.row_dimensions[1].height = 30
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_options(sheet: Any, spec: SheetSpec, scope_prefix: str) -> dict[str, str]:
    """One column per option list the spec uses, on a hidden sheet (written row by row, so a
    streaming workbook can have it too); returns each list's absolute range."""
    ranges: dict[str, str] = {}
    used = list(dict.fromkeys(c.options for c in spec.columns if c.options))
    lists = [OPTION_LISTS[name](scope_prefix) or ["（无）"] for name in used]
    sheet.append(used)
    for row in itertools.zip_longest(*lists):
        sheet.append(list(row))
    for index, (name, values) in enumerate(zip(used, lists, strict=True), start=1):
        letter = get_column_letter(index)
        ranges[name] = f"'{OPTIONS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    sheet.sheet_state = "hidden"
    return ranges


def _add_drop_down(sheet: Any, letter: str, source: str, column: Column, last_row: int) -> None:
    strict, header = column.strict, column.header
    validation = DataValidation(
        type="list",
        formula1=f"={source}",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "information",
        errorTitle="请从下拉里选",
        error=f"「{header}」请从下拉列表里选。"
        if strict
        else f"「{header}」最好从下拉列表里选，点「确定」保留您填的内容。",
    )
    validation.add(f"{letter}2:{letter}{last_row}")
    sheet.data_validations.append(validation)


def _write_notes(sheet: Worksheet, spec: SheetSpec) -> None:
    sheet["A1"] = f"{spec.title}：填写说明"
    sheet["A1"].font = Font(bold=True, size=14)
    general = (
        *spec.notes,
        "第一行的列名不要改动，也不要删列；不用的列空着就行。",
        "第2行灰色字是示例：可以删掉，也可以留着（原样留着的示例行不会导入）。",
        "格子里不要用公式，请填写数值或文字。",
        "填好后在系统的「批量导入」页面上传，可以选择「全部正确才导入」或「先导入正确的行」。",
    )
    row = 3
    for note in general:
        sheet.cell(row=row, column=1, value=f"· {note}")
        row += 1
    row += 1
    for index, title in enumerate(("列名", "必填", "怎么填", "例子"), start=1):
        cell = sheet.cell(row=row, column=index, value=title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for column in spec.columns:
        row += 1
        sheet.cell(row=row, column=1, value=column.header)
        sheet.cell(row=row, column=2, value="必填" if column.required else "")
        sheet.cell(row=row, column=3, value=column.note).alignment = Alignment(wrap_text=True)
        sheet.cell(row=row, column=4, value=str(column.example))
    for letter, width in zip("ABCD", (20, 8, 70, 24), strict=True):
        sheet.column_dimensions[letter].width = width


@contextmanager
def write_error_sheet(
    spec: SheetSpec,
    headers: list[str],
    rows: Iterable[tuple[int, str, list[Any]]],
    scope_prefix: str,
) -> Iterator[IO[bytes]]:
    """The rows as uploaded, 错误原因 first (red), in a streaming workbook; yields the file.
    Each row stays at its row number (rows not returned are left empty), so 第7行 on the
    import page is row 7 here too; the template's drop-downs are back on their columns.
    Re-uploading it works: the 错误原因 column is ignored by the importer, empty rows too."""
    keep = [i for i, header in enumerate(headers) if clean_header(header) != ERROR_HEADER]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(spec.sheet_name)
    ranges = _write_options(book.create_sheet(OPTIONS_SHEET), spec, scope_prefix)
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 50
    red = Font(color="C00000", bold=True)
    sheet.append([_styled(sheet, ERROR_HEADER, red)] + [headers[i] for i in keep])
    last = 1
    for number, reason, cells in rows:
        for _ in range(last + 1, number):
            sheet.append([])
        sheet.append([_styled(sheet, reason, red)] + [_plain(cells[i]) for i in keep])
        last = number
    for position, i in enumerate(keep, start=2):
        key = spec.key_for(headers[i])
        column = spec.column(key) if key else None
        if column and column.options:
            letter = get_column_letter(position)
            _add_drop_down(sheet, letter, ranges[column.options], column, last + TEMPLATE_ROWS)
    with tempfile.TemporaryFile() as handle:
        book.save(handle)
        handle.seek(0)
        yield handle


def _styled(sheet: Any, value: Any, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell


def _plain(value: Any) -> Any:
    """Integral floats back to integers so a phone read as 13800138000.0 is written whole."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
