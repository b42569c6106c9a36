"""The planning page's decree annex: the list on screen as CSV, XLSX, PDF or PNG."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from dash import dcc
from dash.exceptions import PreventUpdate

from dashboard.core.aggregate import village_table
from dashboard.core.indicators import STUNTING
from dashboard.data.annex import (
    AnnexTitle,
    Decree,
    annex_csv,
    annex_pdf,
    annex_png,
    annex_table,
    annex_xlsx,
    authority_of,
    hand_added,
    source_line,
)
from dashboard.data.scenarios import Scenario
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.decree import AnnexField
from dashboard.views.lokus_page.model import annex_rows, compute

__all__ = ["decree_of", "export_download", "export_file", "final_export", "stored_rows"]


def _is_demo(services: Services, district: str) -> bool:
    return any(d.code == district and d.is_demo for d in services.source.districts())


def _district_name(services: Services, district: str, lang: str) -> str:
    """The district as the annex's title names it; the demo as "Kabupaten Contoh — data contoh (fiktif)"."""
    names = {d.code: d.name for d in services.source.districts()}
    name = names.get(district, district)
    return f"{name} — {t('demo.badge', lang)}" if _is_demo(services, district) else name


def _annex_title(services: Services, current: dict[str, Any], lang: str) -> AnnexTitle:
    state = current["state"]
    return AnnexTitle(
        _district_name(services, state["district"], lang),
        int(state["period"][:4]),
        current.get("scenario") or t("annex.unsaved", lang),
        state["period"],
    )


def decree_of(services: Services, district: str, fields: Mapping[str, Any] | None, lang: str) -> Decree:
    """The decree the annex heads, from the fields typed on the page (number, date, signer); who decrees is the
    district's regent or mayor unless typed."""
    names = {d.code: d.name for d in services.source.districts()}
    given = {key: str(value).strip() for key, value in (fields or {}).items() if value is not None}
    return Decree(
        authority=given.get("authority") or authority_of(names.get(district, district), lang),
        number=given.get("number", ""),
        date=given.get("date", ""),
        signer_title=given.get("signer_title", ""),
        signer_name=given.get("signer_name", ""),
        signer_nip=given.get("signer_nip", ""),
    )


def _annex_file(
    services: Services,
    district: str,
    year: int,
    rows: list[dict[str, object]],
    selected: list[str],
    title: AnnexTitle,
    kind: str,
    lang: str,
    added: Collection[str] = (),
    decree: Decree | None = None,
) -> dict[str, Any]:
    """The annex as a ``dcc.Download`` payload. For the demo district every file says it is fictional: the title
    of the XLSX, the PDF and the PNG names it (:func:`_district_name`), each row of the CSV (a bare table) says so
    (:func:`_marked_demo`), and every file name ends in "data_contoh_fiktif"."""
    base = t("lokus.export.file", lang, district=district.replace(".", ""), year=year)
    demo = _is_demo(services, district)
    if demo:
        base = t("lokus.export.file.demo", lang, base=base)
    table = annex_table(rows)
    if kind == "csv":
        content = annex_csv(table, lang)
        return dcc.send_bytes(_marked_demo(content, lang) if demo else content, f"{base}.csv")
    decree = decree or decree_of(services, district, None, lang)
    if kind == "xlsx":
        return dcc.send_bytes(annex_xlsx(table, title, lang, decree), f"{base}.xlsx")
    villages = services.source.villages(district)
    observations = services.source.observations(district)
    reported = set(village_table(observations, STUNTING, title.period).dropna(subset=["rate"]).index.astype(str))
    made = t("brief.created", lang, day=date.today().strftime("%d/%m/%Y"))
    source = f"{source_line(services.store, district, lang)} · {made}"
    if kind == "pdf":
        pdf = annex_pdf(table, title, lang, decree, villages, added, reported, source)
        return dcc.send_bytes(pdf, f"{base}.pdf")
    png = annex_png(villages, selected, title, lang, added=added, reported=reported, source=source)
    return dcc.send_bytes(png, f"{base}.png")


def _marked_demo(content: bytes, lang: str) -> bytes:
    """The annex CSV with a last column "Keterangan" saying "data contoh (fiktif)" on every row: the bare table
    has no title to say it, and a column keeps the file a table (a note line would be read as one more village)."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    for i, row in enumerate(rows):
        writer.writerow([*row, t("lokus.export.note", lang) if i == 0 else t("demo.badge", lang)])
    return out.getvalue().encode("utf-8-sig")


def export_file(
    services: Services, current: dict[str, Any], kind: str, lang: str, decree: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The CSV, XLSX, PDF or PNG of the list on screen, as a ``dcc.Download`` payload."""
    state = current["state"]
    result = compute(services, state, lang)
    title = _annex_title(services, current, lang)
    added = set(result.table.loc[result.table["status"] == "added", "code"].astype(str)) if len(result.table) else set()
    return _annex_file(
        services,
        state["district"],
        title.year,
        annex_rows(result),
        result.selected,
        title,
        kind,
        lang,
        added,
        decree_of(services, state["district"], decree, lang),
    )


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


def final_export(
    services: Services, scenario: Scenario, kind: str, lang: str, decree: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The annex of a final list, built from the stored villages, never from the screen."""
    district = scenario.district_code
    title = AnnexTitle(_district_name(services, district, lang), scenario.year, scenario.name, scenario.period)
    selected = [v.code for v in scenario.villages]
    return _annex_file(
        services,
        district,
        scenario.year,
        stored_rows(services, scenario),
        selected,
        title,
        kind,
        lang,
        hand_added(scenario.settings),
        decree_of(services, district, decree, lang),
    )


def export_download(
    services: Services,
    trigger: Any,
    current: dict[str, Any] | None,
    opened: object,
    lang: str,
    decree: Mapping[str, Any] | None = None,
) -> Any:
    """The file of the export button pressed (``trigger``): the opened scenario's stored list when the database
    says it is final, else the list recomputed on the server from the ``current`` settings. ``decree`` holds the
    decree fields typed on the page (number, date, signer), printed in the XLSX's and the PDF's blocks."""
    kinds = {ID.LOKUS_EXPORT_CSV: "csv", ID.LOKUS_EXPORT_XLSX: "xlsx", AnnexField.EXPORT_PDF: "pdf"}
    kind = kinds.get(trigger, "png")
    if isinstance(opened, dict) and isinstance(opened.get("id"), int):
        stored = services.require_store().scenario(int(opened["id"]))
        if stored is not None and stored.is_final:
            services.source.observations(stored.district_code)  # raises Forbidden outside the actor's areas
            return final_export(services, stored, kind, lang, decree)
    if not current:
        raise PreventUpdate
    services.source.observations(str(current["state"]["district"]))  # the same area check for the screen
    return export_file(services, current, kind, lang, decree)
