"""An import report as plain text lines, for the command line and logs."""

from __future__ import annotations

import getpass
from collections.abc import Iterable

from dashboard.data.importers.model import NameSuggestion, Problem, Severity
from dashboard.i18n import t

__all__ = ["default_user", "problem_lines", "suggestion_lines"]


def problem_lines(problems: Iterable[Problem], lang: str = "id") -> list[str]:
    """One line per problem, errors first: severity, then file, row, column, value, reason and fix."""
    ordered = sorted(problems, key=lambda p: (p.severity is not Severity.ERROR, p.row or 0))
    return [f"{problem.severity.upper()}: {problem.message(lang)}" for problem in ordered]


def suggestion_lines(suggestions: Iterable[NameSuggestion], describe: dict[str, str], lang: str = "id") -> list[str]:
    """A line per village name to confirm, its candidates (``describe``: code -> "name (kecamatan)") best first."""
    lines = []
    for suggestion in suggestions:
        candidates = ", ".join(
            f"{describe.get(code, code)} [{code}, {score:.0%}]"
            for code, score in zip(suggestion.candidates, suggestion.scores, strict=True)
        )
        rows = ", ".join(str(row) for row in suggestion.rows[:10]) + ("…" if len(suggestion.rows) > 10 else "")
        lines.append(
            "  " + t("store.cli.suggestion", lang, name=suggestion.raw_name, rows=rows, candidates=candidates or "-")
        )
    return lines


def default_user() -> str:
    """Who runs the command, for the dataset list (``--user`` overrides it)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"
