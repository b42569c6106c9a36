"""Strings shared by every import report."""

TEXTS: dict[str, tuple[str, str]] = {
    "problem.row": ("baris {row}", "row {row}"),
    "problem.column": ("kolom {column}", "column {column}"),
    "problem.value": ("nilai {value!r}", "value {value!r}"),
}
