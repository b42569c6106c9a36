"""Spreadsheet safety: text cells a spreadsheet would run as a formula, made inert before export.

A village name, a reason typed by a planner or a column of an uploaded table ends up in CSV and XLSX
files that a Bappeda officer opens in Excel or LibreOffice. A cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is read there as a formula (``=HYPERLINK(...)`` sends the
reader to a site, DDE payloads start programs). OWASP's guidance ("CSV Injection",
https://owasp.org/www-community/attacks/CSV_Injection) is to prepend a single quote to such a cell,
which the spreadsheet then shows as text.

Only text is changed: numbers, negative ones included, dates and empty cells stay what they are, so
an XLSX number cell stays a number and a CSV column of counts stays a column of counts.

>>> neutralise('=HYPERLINK("http://x","y")')
'\\'=HYPERLINK("http://x","y")'
>>> neutralise("Desa-Baru"), neutralise(-3.5)
('Desa-Baru', -3.5)
"""

from __future__ import annotations

from typing import Final, TypeVar, overload

import pandas as pd

__all__ = ["FORMULA_TRIGGERS", "neutralise", "neutralise_frame"]

# OWASP's list: the first characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a
# formula. A leading space is not among them: Excel does not evaluate " =1", so such text is left alone.
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
_QUOTE: Final = "'"
_TRIGGER_PATTERN: Final = "[=+\\-@\t\r]"

_T = TypeVar("_T")


@overload
def neutralise(value: str) -> str: ...
@overload
def neutralise(value: _T) -> _T: ...
def neutralise(value: object) -> object:
    """The value, with a single quote in front when it is text a spreadsheet would run as a formula.

    Parameters
    ----------
    value
        One cell as it is about to be written. Text (``str``, numpy's ``str_`` too) that starts with
        one of :data:`FORMULA_TRIGGERS` gets a leading ``'``. Anything else (numbers, negative ones
        included, dates, booleans, ``None``, ``NaN``, ``pd.NA``) comes back unchanged: a number cell
        is never a formula, and only text can carry one.

    Returns
    -------
    object
        The same value, or the quoted text.

    Notes
    -----
    Source: OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection
    ("prepend each cell field with a single quote" for cells starting with ``= + - @``, tab or
    carriage return). The quote is visible to a program that reads the file as plain text; that is
    the accepted price of a file that cannot run anything when opened.

    Examples
    --------
    >>> neutralise("=1+1")
    "'=1+1"
    >>> neutralise("@SUM(A1:A2)"), neutralise("+62 812"), neutralise("-x")
    ("'@SUM(A1:A2)", "'+62 812", "'-x")
    >>> neutralise("\\tx")
    "'\\tx"
    >>> neutralise(" =1"), neutralise("Sukamaju"), neutralise("")
    (' =1', 'Sukamaju', '')
    >>> neutralise(-12), neutralise(None)
    (-12, None)
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return _QUOTE + value
    return value


def _cell(value: object) -> object:
    """One cell made safe for CSV and XLSX: :func:`neutralise`, then line breaks written as ``\\n``."""
    value = neutralise(value)
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _neutralise_column(column: pd.Series) -> pd.Series:
    dtype = column.dtype
    if isinstance(dtype, pd.StringDtype):
        starts = column.str.match(_TRIGGER_PATTERN).fillna(False).astype(bool)
        breaks = column.str.contains("\r", regex=False).fillna(False).astype(bool)
        if not (starts.any() or breaks.any()):
            return column
        quoted = column.where(~starts, _QUOTE + column)
        return quoted.str.replace("\r\n", "\n", regex=False).str.replace("\r", "\n", regex=False)
    if isinstance(dtype, pd.CategoricalDtype):
        renamed = [_cell(category) for category in dtype.categories]
        if len(set(renamed)) == len(renamed):
            return column.cat.rename_categories(renamed)
        return _neutralise_column(column.astype(object))
    if pd.api.types.is_object_dtype(dtype):
        # Cell by cell, kept as objects: Series.map would re-infer the dtype (None becoming NaN, text becoming str).
        return pd.Series([_cell(value) for value in column], index=column.index, name=column.name, dtype=object)
    return column  # numbers, booleans, dates: never a formula


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` ready for ``to_csv``/``to_excel``: every text cell and text column label made inert.

    Parameters
    ----------
    df
        The table about to be written. Its text columns (``object``, ``string``/``str`` and
        categoricals of text) go through :func:`neutralise` cell by cell; in an ``object`` column only
        the text cells change, numbers in it stay numbers. Numeric, boolean and date columns are not
        touched.

    Returns
    -------
    pandas.DataFrame
        A new frame; ``df`` is left as it was. Text column labels are neutralised too, because the
        header row is written as cells (a pass-through table keeps its uploader's header). A carriage
        return inside text is written as a line feed (``\\r\\n`` and a lone ``\\r`` both become
        ``\\n``), see Notes.

    Notes
    -----
    Source: OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection; OWASP
    ASVS 5.0 requirement 1.2.10 (quote the first character, and enclose fields with line breaks in
    double quotes as RFC 4180 section 2.6 says).

    The line-feed rule closes a gap the first-character rule leaves open: Python's ``csv`` writer, and
    so ``DataFrame.to_csv``, quotes a field only for the characters of its own line terminator, so with
    the default ``"\\n"`` a lone carriage return is written bare. A spreadsheet starts a new row there,
    and whatever follows (``Sukamaju\\r=HYPERLINK(...)``) becomes a cell of its own, formula included.
    A line feed is always quoted, so the text stays one cell.

    Call it on the exact frame that is written, after the exporter has formatted its own numbers or
    before: formatted text such as ``-1,5`` made by the exporter from a number is not user text, so
    formatting after this call keeps it unquoted.

    Examples
    --------
    >>> frame = pd.DataFrame({"desa": ["=cmd|' /C calc'!A0", "Desa-Baru"], "skor": [-1.5, 2.0]})
    >>> safe = neutralise_frame(frame)
    >>> safe["desa"].tolist(), safe["skor"].tolist()
    (["'=cmd|' /C calc'!A0", 'Desa-Baru'], [-1.5, 2.0])
    >>> frame.loc[0, "desa"]
    "=cmd|' /C calc'!A0"
    >>> neutralise_frame(pd.DataFrame({"alasan": ["banjir\\r=1+1"]})).to_csv(index=False)
    'alasan\\n"banjir\\n=1+1"\\n'
    """
    out = df.copy()
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        safe = _neutralise_column(column)
        if safe is not column:
            # The Series itself, not its array: from an array pandas would re-infer object text as str.
            out.isetitem(position, safe)  # type: ignore[arg-type]  # the stubs omit Series, pandas takes it
    if not isinstance(out.columns, pd.MultiIndex):
        out.columns = out.columns.map(_cell)
    return out
