"""Read a workbook or CSV file into grids of cell values.

In:  the path of an ``.xlsx``/``.xlsm`` workbook or a ``.csv``/``.txt`` file (UTF-8 or
     GBK/GB18030, with or without BOM; UTF-16 "Unicode text"; comma, tab or semicolon).
Out: one :class:`Grid` per sheet (a CSV is one sheet without a name), merged cells filled in
     (every cell of a merged range holds the range's value), blank strings as None and
     trailing blank rows and cells dropped; or a :class:`WorkbookError` saying why the file
     cannot be read and how to save it so it can.

The workbook is opened in openpyxl's normal mode, not read-only: read-only sheets do not
report merged cells, and a room list is a few dozen rows.  openpyxl is imported here only.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem, SignkitError
from ..i18n import N_, _
from .layout import display

SUPPORTED = (".xlsx", ".xlsm", ".csv", ".txt")


class WorkbookError(SignkitError):
    """A room workbook or CSV that cannot become a profile; ``warnings`` are the lesser problems."""

    kind = N_("workbook error")  # translated where shown

    def __init__(self, problems: Problem | list[Problem] | tuple[Problem, ...], warnings: tuple[Problem, ...] = ()):
        super().__init__(problems)
        self.warnings = tuple(warnings)


@dataclass(frozen=True, slots=True)
class Grid:
    """One sheet as rows of cell values; row 1 is ``rows[0]``, column A is ``rows[r][0]``."""

    file: str
    sheet: str | None  # None for a CSV
    rows: tuple[tuple[Any, ...], ...]

    def cell(self, row: int, col: int) -> Any:
        cells = self.rows[row - 1] if 0 < row <= len(self.rows) else ()
        return cells[col - 1] if 0 < col <= len(cells) else None

    def where(self, row: int | None = None, col: int | None = None, header: Any = None, *,
              end_col: int | None = None) -> str:
        """Where a problem is: ``rooms.xlsx: 房间!D7 (门宽)``, ``rooms.csv: D7 (门宽)``,
        ``rooms.xlsx: 房间!A3:K3`` (cells of a row), ``rooms.xlsx: 房间!3:3`` (a row), ``rooms.xlsx: 房间``."""
        if row is None:
            return f"{self.file}: {self.sheet}" if self.sheet else self.file
        place = f"{self.sheet}!" if self.sheet else ""
        if col is None:
            return f"{self.file}: {place}{row}:{row}"
        cell = f"{letter(col)}{row}" + (f":{letter(end_col)}{row}" if end_col else "")
        return f"{self.file}: {place}{cell}" + (f" ({display(header)})" if header else "")


def letter(col: int) -> str:
    """Column number → Excel letters: 1 → A, 27 → AA."""
    name = ""
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def read_grids(path: Path) -> list[Grid]:
    suffix = path.suffix.lower()
    file = str(path)
    if suffix not in SUPPORTED:
        raise WorkbookError(Problem(file, _("signkit cannot read '{suffix}' files").format(suffix=path.suffix or "?"),
                                    _("in Excel or WPS choose Save As → Excel Workbook (.xlsx) or CSV UTF-8")))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkbookError(Problem(file, _("file not found"),
                                    _("check the path; relative paths start from the current folder"))) from None
    except IsADirectoryError:
        raise WorkbookError(Problem(file, _("is a folder, not a file"),
                                    _("give the path of the .xlsx or .csv file"))) from None
    except PermissionError:
        raise WorkbookError(Problem(file, _("cannot be opened (permission denied)"),
                                    _("close the file in Excel or WPS and try again"))) from None
    if suffix in (".csv", ".txt"):
        return [_read_csv(data, file)]
    return _read_xlsx(data, file)


def _read_xlsx(data: bytes, file: str) -> list[Grid]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():  # "extension is not supported" for WPS extras: noise for an official
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # data_only: formulas' last values
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise WorkbookError(Problem(file, _("not a readable .xlsx workbook ({reason})").format(reason=exc),
                                    _("open it in Excel or WPS and Save As → Excel Workbook (.xlsx); "
                                      "remove any password first"))) from None
    grids = []
    for sheet in book.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        for merged in sheet.merged_cells.ranges:  # a merged 楼层 applies to every row it spans
            value = sheet.cell(merged.min_row, merged.min_col).value
            for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
                for c in range(merged.min_col, min(merged.max_col, len(rows[r - 1])) + 1):
                    rows[r - 1][c - 1] = value
        grids.append(Grid(file, sheet.title, _trim(rows)))
    return grids


def _read_csv(data: bytes, file: str) -> Grid:
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)  # Excel's "Unicode text", tab-separated
    else:
        encodings = ("utf-8", "gb18030")  # gb18030 ⊃ GBK: what Excel on Chinese Windows saves as "CSV"
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise WorkbookError(Problem(file, _("not UTF-8 or GBK text"),
                                    _("in Excel or WPS choose Save As → CSV UTF-8, or save as .xlsx")))
    head = "\n".join(text.splitlines()[:30])  # a title line above the table has no separators
    delimiter = max(",\t;", key=head.count)
    return Grid(file, None, _trim(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))))


def _trim(rows: list[list[Any]]) -> tuple[tuple[Any, ...], ...]:
    """Blank strings become None; trailing blank cells and rows go."""
    out = [tuple(None if _blank(v) else v for v in row) for row in rows]
    out = [row[:max((i + 1 for i, v in enumerate(row) if v is not None), default=0)] for row in out]
    while out and not out[-1]:
        out.pop()
    return tuple(out)


def _blank(value: Any) -> bool:
    if value is None:
        return True
    return isinstance(value, str) and not "".join(
        ch for ch in value if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf"))
