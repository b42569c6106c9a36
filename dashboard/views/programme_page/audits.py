"""The case audits section: the findings' table and counts per village, and the handlers of the finding form.

The actor is the session's; :class:`~dashboard.data.case_audits.CaseAudits` decides who may write, refuses
text that could identify a person (its message is shown), and audits every change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.data.case_audits import CaseAuditDraft, CaseAudits, FollowUp
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.programme_page.forms import HIDDEN, data_table
from dashboard.views.programme_page.model import (
    audit_choices,
    audit_count_rows,
    audit_rows,
    village_names,
    village_options,
)
from dashboard.views.programme_page.programmes import (
    FormWrites,
    actor,
    form_change,
    may_record,
    read_only_note,
    reader_of,
)

__all__ = ["AuditRequest", "audit_change", "audit_fields", "audit_view"]

COLUMNS = ("village", "period", "causes", "recommendation", "follow_up")
EMPTY_FORM: tuple[Any, ...] = (None, "", [], "", str(FollowUp.BELUM), "")


def audit_view(services: Services, district: str | None, lang: str) -> tuple[Any, ...]:
    """For a district the reader may read: the findings' table, the count per village, the choices of the
    "finding to change" and the villages, and the form's style (hidden unless the reader may record)."""
    who, villages = reader_of(services, district)
    assert district is not None
    names = village_names(villages)
    found = CaseAudits(services.require_store()).of_district(who, district)
    columns = [(key, t(f"kasus.column.{key}", lang)) for key in COLUMNS]
    table = data_table(columns, audit_rows(found, names, lang), t("kasus.none", lang))
    count_columns = [("village", t("kasus.column.village", lang)), ("count", t("kasus.column.count", lang))]
    counts = data_table(count_columns, audit_count_rows(found, names, lang), t("kasus.none", lang))
    style = {} if may_record(who, district) else HIDDEN
    table_and_note = [table, *read_only_note(who, district, lang)]
    return table_and_note, counts, audit_choices(found, names, lang), village_options(villages), style


def audit_fields(services: Services, district: str | None, chosen: object) -> tuple[Any, ...]:
    """The form's fields for the chosen finding (of a district the reader may read), or empty for a new one."""
    who = actor()
    if not district or not isinstance(chosen, int) or isinstance(chosen, bool):
        return EMPTY_FORM
    found = next((a for a in CaseAudits(services.require_store()).of_district(who, district) if a.id == chosen), None)
    if found is None:
        return EMPTY_FORM
    return (found.village_code, found.period, [str(c) for c in found.causes], found.recommendation,
            str(found.follow_up), found.note)  # fmt: skip


def _name(services: Services, code: str) -> str:
    """A village's name (boundaries are public), its code when unknown."""
    return village_names(services.source.villages(code[:5])).get(code, code)


@dataclass(frozen=True)
class AuditRequest:
    """What the finding form sends: the button pressed, the finding chosen (None: a new one), the draft."""

    trigger: object
    chosen: object
    draft: CaseAuditDraft
    version: int | None


def audit_change(services: Services, request: AuditRequest, lang: str) -> tuple[Any, Any, Any]:
    """The finding form's buttons (:func:`form_change`) on :class:`CaseAudits` as the session's actor."""
    who = actor()
    audits = CaseAudits(services.require_store(), services.accounts)
    writes = FormWrites(
        ID.KASUS_NEW, ID.KASUS_SAVE, ID.KASUS_CONFIRM, "kasus",
        add=lambda: audits.add(who, request.draft),
        update=lambda chosen: audits.update(who, chosen, request.draft),
        delete=lambda chosen: audits.delete(who, chosen),
        describe=lambda finding: {"village": _name(services, finding.village_code)},
    )  # fmt: skip
    return form_change(writes, request.trigger, request.chosen, request.version, lang)
