"""The planning page's decree annex: the list on screen as CSV, XLSX or PNG."""

from __future__ import annotations

from typing import Any

from dash import dcc
from dash.exceptions import PreventUpdate

from dashboard.data.annex import AnnexTitle, annex_csv, annex_png, annex_table, annex_xlsx
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.model import annex_rows, compute

__all__ = ["export_download", "export_file"]


def _annex_title(services: Services, current: dict[str, Any], lang: str) -> AnnexTitle:
    names = {d.code: d.name for d in services.source.districts()}
    state = current["state"]
    return AnnexTitle(
        names.get(state["district"], state["district"]),
        int(state["period"][:4]),
        current.get("scenario") or t("annex.unsaved", lang),
        state["period"],
    )


def export_file(services: Services, current: dict[str, Any], kind: str, lang: str) -> dict[str, Any]:
    """The CSV, XLSX or PNG of the list on screen, as a ``dcc.Download`` payload."""
    state = current["state"]
    result = compute(services, state, lang)
    title = _annex_title(services, current, lang)
    base = t("lokus.export.file", lang, district=state["district"].replace(".", ""), year=title.year)
    table = annex_table(annex_rows(result))
    if kind == "csv":
        return dcc.send_bytes(annex_csv(table, lang), f"{base}.csv")
    if kind == "xlsx":
        return dcc.send_bytes(annex_xlsx(table, title, lang), f"{base}.xlsx")
    villages = services.source.villages(state["district"])
    return dcc.send_bytes(annex_png(villages, result.selected, title, lang), f"{base}.png")


def export_download(services: Services, trigger: Any, current: dict[str, Any] | None, lang: str) -> Any:
    """The file of the export button pressed (``trigger``), for the list in the ``current`` store."""
    if not current:
        raise PreventUpdate
    kind = {ID.LOKUS_EXPORT_CSV: "csv", ID.LOKUS_EXPORT_XLSX: "xlsx"}.get(trigger, "png")
    return export_file(services, current, kind, lang)
