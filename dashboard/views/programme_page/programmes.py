"""The partners' register section: what the page shows, and the handlers of its form, sheet import and map.

Handlers are plain functions of the services and what the page sent; the actor is always the session's
(:func:`~dashboard.auth.context.current_actor`), never a value from the page, and the data layer
(:class:`~dashboard.data.programmes.Programmes`) decides who may write and what is valid, and audits it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Actor, Permission, can, covers
from dashboard.data.importers.programmes import (
    MAX_SHEET_BYTES,
    ProgrammeSheetError,
    blank_template_csv,
    blank_template_xlsx,
    import_programmes,
)
from dashboard.data.programmes import ProgrammeDraft, ProgrammeError, Programmes
from dashboard.data.registers import RegisterError
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.programme_page.forms import HIDDEN, data_table
from dashboard.views.programme_page.model import (
    programme_choices,
    programme_rows,
    village_names,
    village_options,
)

__all__ = [
    "FormWrites",
    "ProgrammeRequest",
    "actor",
    "alert",
    "form_change",
    "import_sheet",
    "may_record",
    "programme_change",
    "programme_fields",
    "programme_view",
    "read_only_note",
    "reader_of",
    "template_download",
]

COLUMNS = ("partner", "sector", "activity", "villages", "period", "budget")
EMPTY_FORM: tuple[Any, ...] = ("", None, "", [], "", "", "")


def actor() -> Actor:
    """The session's actor (set by the guard); no answer outside a guarded request."""
    found = current_actor()
    if found is None:
        raise PreventUpdate
    return found


def alert(text: Any, colour: str) -> Any:
    return dbc.Alert(text, color=colour, className="py-1 mb-0")


def may_record(who: Actor, district: str) -> bool:
    """Whether the forms are drawn for ``who`` in ``district`` (the data layer decides again on every write)."""
    return can(who, Permission.RECORD_PROGRAMMES) and covers(who, district)


def reader_of(services: Services, district: str | None) -> tuple[Actor, pd.DataFrame]:
    """The session's actor, checked as a reader of ``district``, and the district's villages."""
    who = actor()
    if not district:
        raise PreventUpdate
    services.require_readable(district)
    return who, services.source.villages(district)


def read_only_note(who: Actor, district: str, lang: str) -> list[Any]:
    """A line telling a reader who may not record why there is no form (nothing for a writer)."""
    return [] if may_record(who, district) else [html.P(t("mitra.read_only", lang), className="small text-muted")]


def programme_view(services: Services, district: str | None, lang: str) -> tuple[Any, ...]:
    """For a district the reader may read: the register's table (a read-only note for readers), the choices of
    the "programme to change" and the villages, and the form's style (hidden unless the reader may record)."""
    who, villages = reader_of(services, district)
    assert district is not None
    found = Programmes(services.require_store()).of_district(who, district)
    columns = [(key, t(f"mitra.column.{key}", lang)) for key in COLUMNS]
    rows: list[dict[str, Any]] = []
    for row in programme_rows(found, village_names(villages), lang):  # the names fold under the count (phones)
        names = html.Div(row.pop("village_names"), className="small")
        rows.append(row | {"villages": html.Details([html.Summary(row["villages"]), names])})
    table = [data_table(columns, rows, t("mitra.none", lang)), *read_only_note(who, district, lang)]
    style = {} if may_record(who, district) else HIDDEN
    return table, programme_choices(found, lang), village_options(villages), style


def programme_fields(services: Services, district: str | None, chosen: object) -> tuple[Any, ...]:
    """The form's fields for the chosen programme (of a district the reader may read), or empty for a new one."""
    who = actor()
    if not district or not isinstance(chosen, int) or isinstance(chosen, bool):
        return EMPTY_FORM
    found = next((p for p in Programmes(services.require_store()).of_district(who, district) if p.id == chosen), None)
    if found is None:
        return EMPTY_FORM
    return (found.partner, str(found.sector), found.activity, list(found.villages), found.period_start,
            found.period_end, str(found.budget_rupiah))  # fmt: skip


@dataclass(frozen=True)
class ProgrammeRequest:
    """What the form sends: the button pressed, the district, the programme chosen (None: a new one), the draft."""

    trigger: object
    district: str | None
    chosen: object
    draft: ProgrammeDraft
    version: int | None


@dataclass(frozen=True)
class FormWrites:
    """One register's form, for :func:`form_change`: its buttons, its texts' prefix (``mitra``, ``kasus``), and how
    to add, update and delete a record and name it in a message (the data layer's calls, the session's actor)."""

    new: str
    save: str
    confirm: str
    prefix: str
    add: Callable[[], Any]
    update: Callable[[int], Any]
    delete: Callable[[int], Any]
    describe: Callable[[Any], dict[str, str]]


def form_change(writes: FormWrites, trigger: object, chosen: object, version: int | None,
                lang: str) -> tuple[Any, Any, Any]:  # fmt: skip
    """Save (add, or update the chosen record), start a new one, or delete the chosen one (after the
    confirmation): a message, the new table version and the "record to change" value. Refusals and invalid
    fields come back as the data layer's message (its :class:`RegisterError` key)."""
    bumped = int(version or 0) + 1
    picked = chosen if isinstance(chosen, int) and not isinstance(chosen, bool) else None
    say = writes.prefix
    try:
        if trigger == writes.new:
            return None, no_update, None
        if trigger == writes.confirm:
            if picked is None:
                return alert(t(f"{say}.need_row", lang), "warning"), no_update, no_update
            deleted = writes.delete(picked)
            return alert(t(f"{say}.deleted", lang, **writes.describe(deleted)), "info"), bumped, None
        if trigger != writes.save:
            raise PreventUpdate
        if picked is not None:
            updated = writes.update(picked)
            return alert(t(f"{say}.updated", lang, **writes.describe(updated)), "success"), bumped, no_update
        added = writes.add()
        return alert(t(f"{say}.added", lang, **writes.describe(added)), "success"), bumped, None
    except RegisterError as error:
        return alert(t(error.key, lang, **error.params), "danger"), no_update, no_update


def programme_change(services: Services, request: ProgrammeRequest, lang: str) -> tuple[Any, Any, Any]:
    """The programme form's buttons (:func:`form_change`) on :class:`Programmes` as the session's actor."""
    who = actor()
    register = Programmes(services.require_store(), services.accounts)
    writes = FormWrites(
        ID.MITRA_NEW, ID.MITRA_SAVE, ID.MITRA_CONFIRM, "mitra",
        add=lambda: register.add(who, str(request.district or ""), request.draft),
        update=lambda chosen: register.update(who, chosen, request.draft),
        delete=lambda chosen: register.delete(who, chosen),
        describe=lambda programme: {"partner": programme.partner},
    )  # fmt: skip
    return form_change(writes, request.trigger, request.chosen, request.version, lang)


def _problems(error: ProgrammeSheetError, file_name: str, lang: str) -> Any:
    """The sheet's problems as a list a person can work through: row, column, what to fix."""
    items = []
    for problem in error.problems:
        message = t(problem.key, lang, **problem.params)
        if problem.row is None:
            items.append(html.Li(t("mitra.import.file_problem", lang, message=message)))
        else:
            items.append(html.Li(t("mitra.import.problem", lang, row=problem.row, column=problem.column or "-",
                                   message=message)))  # fmt: skip
    if error.more:
        items.append(html.Li(f"… (+{error.more})"))
    return alert([html.P(t("mitra.import.refused", lang, file=file_name), className="mb-1"), html.Ul(items)],
                 "danger")  # fmt: skip


def import_sheet(services: Services, contents: str | None, file_name: str | None, district: str | None,
                 version: int | None, lang: str) -> tuple[Any, Any]:  # fmt: skip
    """A sheet dropped on the upload zone, imported all or nothing: a message and the new table version.

    The bytes are decoded in memory and never written to disk; a file over :data:`MAX_SHEET_BYTES` is refused
    (the zone refuses it in the browser too)."""
    who = actor()
    if not contents or not district:
        raise PreventUpdate
    name = str(file_name or "-")[:200]
    try:
        content = base64.b64decode(contents.split(",", 1)[-1], validate=False)
    except (binascii.Error, ValueError):
        return alert(t("programme_sheet.unreadable", lang), "danger"), no_update
    if len(content) > MAX_SHEET_BYTES:
        mb = MAX_SHEET_BYTES // (1024 * 1024)
        return alert(t("programme_sheet.too_large", lang, mb=mb), "danger"), no_update
    try:
        added = import_programmes(services.require_store(), services.accounts, who, district, content, name)
    except ProgrammeError as error:
        return alert(t(error.key, lang, **error.params), "danger"), no_update
    except ProgrammeSheetError as error:
        return _problems(error, name, lang), no_update
    return alert(t("mitra.imported", lang, n=len(added), file=name), "success"), int(version or 0) + 1


def template_download(trigger: object) -> dict[str, Any]:
    """The blank template, CSV or XLSX by the button."""
    actor()
    if trigger == ID.MITRA_TEMPLATE_CSV:
        return dcc.send_bytes(blank_template_csv(), "templat_mitra.csv")
    if trigger == ID.MITRA_TEMPLATE_XLSX:
        return dcc.send_bytes(blank_template_xlsx(), "templat_mitra.xlsx")
    raise PreventUpdate
