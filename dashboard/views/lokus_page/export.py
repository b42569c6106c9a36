"""The planning page's decree annex: the list on screen as CSV, XLSX or PNG."""

from __future__ import annotations

from typing import Any

from dash import dcc
from dash.exceptions import PreventUpdate

from dashboard.data.annex import AnnexTitle, annex_csv, annex_png, annex_table, annex_xlsx
from dashboard.data.scenarios import Scenario
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.model import annex_rows, compute

__all__ = ["export_download", "export_file", "final_export", "stored_rows"]


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


def stored_rows(services: Services, scenario: Scenario) -> list[dict[str, object]]:
    """A saved list as the annex lists it, from the database only (names from the boundaries)."""
    villages = services.source.villages(scenario.district_code)
    info = villages.set_index(villages["code"].astype(str))
    rows: list[dict[str, object]] = []
    for village in scenario.villages:
        known = village.code in info.index
        rows.append(
            {
                "kecamatan": str(info.at[village.code, "kecamatan_name"]) if known else "",
                "desa": str(info.at[village.code, "name"]) if known else village.code,
                "kode": village.code,
                "prevalensi": village.prevalence,
                "jumlah_stunting": village.stunted,
                "skor": village.score,
                "alasan": village.reason,
            }
        )
    return rows


def final_export(services: Services, scenario: Scenario, kind: str, lang: str) -> dict[str, Any]:
    """The annex of a final list, built from the stored villages, never from the screen."""
    names = {d.code: d.name for d in services.source.districts()}
    title = AnnexTitle(names.get(scenario.district_code, scenario.district_code), scenario.year, scenario.name,
                       scenario.period)  # fmt: skip
    base = t("lokus.export.file", lang, district=scenario.district_code.replace(".", ""), year=scenario.year)
    table = annex_table(stored_rows(services, scenario))
    if kind == "csv":
        return dcc.send_bytes(annex_csv(table, lang), f"{base}.csv")
    if kind == "xlsx":
        return dcc.send_bytes(annex_xlsx(table, title, lang), f"{base}.xlsx")
    villages = services.source.villages(scenario.district_code)
    return dcc.send_bytes(annex_png(villages, [v.code for v in scenario.villages], title, lang), f"{base}.png")


def export_download(services: Services, trigger: Any, current: dict[str, Any] | None, opened: object,
                    lang: str) -> Any:  # fmt: skip
    """The file of the export button pressed (``trigger``): the opened scenario's stored list when the database
    says it is final, else the list recomputed on the server from the ``current`` settings."""
    kind = {ID.LOKUS_EXPORT_CSV: "csv", ID.LOKUS_EXPORT_XLSX: "xlsx"}.get(trigger, "png")
    if isinstance(opened, dict) and isinstance(opened.get("id"), int):
        stored = services.require_store().scenario(int(opened["id"]))
        if stored is not None and stored.is_final:
            services.source.observations(stored.district_code)  # raises Forbidden outside the actor's areas
            return final_export(services, stored, kind, lang)
    if not current:
        raise PreventUpdate
    services.source.observations(str(current["state"]["district"]))  # the same area check for the screen
    return export_file(services, current, kind, lang)
