"""The gaps page's cadres and case audits: villages without an active KPM, and case-audit findings per village.

``kpm_aktif`` is a yes/no fact of a village (1/1 active, 0/1 not), so the page counts villages ("desa tanpa KPM
aktif: 3 dari 40"), never a coverage percentage. Case-audit findings come from the district's register, read as
the signed-in reader (its area checked by :class:`~dashboard.data.case_audits.CaseAudits`).
"""

from __future__ import annotations

import logging
from typing import Any

from dash import dcc, html

from dashboard.auth.context import current_actor
from dashboard.auth.roles import ANONYMOUS, Forbidden
from dashboard.core.village_profile import no_active_kpm
from dashboard.data.case_audits import CaseAudits, audits_per_village
from dashboard.i18n import fmt_int, t
from dashboard.ids import ID
from dashboard.services import Services

__all__ = ["audit_counts", "convergence_lines", "village_audit_line"]

log = logging.getLogger(__name__)

MAX_NAMES = 30  # names listed under the count; the rest as "…"


def audit_counts(services: Services, district: str) -> dict[str, int]:
    """Case-audit findings per village code of ``district`` (any period); empty without a register or a right."""
    if services.store is None or services.accounts is None:
        return {}
    try:
        audits = CaseAudits(services.store, services.accounts).of_district(current_actor() or ANONYMOUS, district)
    except Forbidden:
        return {}
    return audits_per_village(audits)


def convergence_lines(services: Services, district: str, codes: list[str], lang: str) -> html.Div:
    """Under the scope's figures: villages of ``codes`` without an active KPM (when KPM data exists), named, and the
    number of case-audit findings in the scope (when the register exists)."""
    villages = services.source.villages(district)
    names = dict(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))
    lines: list[Any] = []
    inactive, reporting = no_active_kpm(services.source.observations(district), codes)
    if reporting:
        lines.append(html.Div(t("gaps.kpm.none_active", lang, n=fmt_int(len(inactive), lang),
                                total=fmt_int(reporting, lang)), className="fw-semibold"))  # fmt: skip
        if reporting < len(codes):
            lines.append(html.Div(t("gaps.kpm.unreported", lang, n=fmt_int(len(codes) - reporting, lang)),
                                  className="text-muted"))  # fmt: skip
        if inactive:
            shown = ", ".join(names.get(c, c) for c in inactive[:MAX_NAMES]) + (
                "…" if len(inactive) > MAX_NAMES else ""
            )
            lines.append(html.Div(t("gaps.kpm.list", lang, names=shown), className="text-muted"))
    if services.store is not None:
        counts = audit_counts(services, district)
        inside = {c: n for c, n in counts.items() if c in set(codes)}
        lines.append(html.Div(t("gaps.audits.count", lang, n=fmt_int(sum(inside.values()), lang),
                                villages=fmt_int(len(inside), lang))))  # fmt: skip
        if inside:
            ranked = sorted(inside.items(), key=lambda kv: (-kv[1], names.get(kv[0], kv[0])))[:MAX_NAMES]
            listed = ", ".join(f"{names.get(c, c)} ({fmt_int(n, lang)})" for c, n in ranked)
            lines.append(html.Div(t("gaps.audits.list", lang, villages=listed), className="text-muted"))
    return html.Div(lines, className="small my-2", id=ID.GAPS_CONVERGENCE)


def village_audit_line(services: Services, district: str, code: str, lang: str) -> html.Div:
    """The village's case-audit findings and a link to its full profile (/desa)."""
    parts: list[Any] = []
    if services.store is not None:
        n = audit_counts(services, district).get(code, 0)
        parts.append(html.Span(f"{t('gaps.audits.column', lang)}: {fmt_int(n, lang)} · "))
    parts.append(dcc.Link(t("village.map_link", lang), href=f"/desa?kode={code}"))
    return html.Div(parts, className="small mb-2")
