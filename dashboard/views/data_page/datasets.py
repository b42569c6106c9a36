"""The data page's list of datasets: each one's row and quality report, their removal, the district choices."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Actor, Permission, can, covers
from dashboard.data.importers.model import DatasetKind
from dashboard.data.source import District
from dashboard.data.store import DatasetInfo
from dashboard.i18n import t
from dashboard.ids import Pattern, pattern_id
from dashboard.services import Services
from dashboard.views.data_page.dataset_labels import dataset_labels, kind_words
from dashboard.views.data_page.quality import quality_view

__all__ = [
    "datasets_view",
    "district_options",
    "kind_words",
    "refreshed_datasets",
    "removal_question",
    "remove_dataset",
]


def visible_datasets(services: Services) -> list[DatasetInfo]:
    """The datasets the current actor may see: those touching one of its areas (all for admins)."""
    datasets = services.require_store().datasets()
    actor = current_actor()
    if actor is None:
        return datasets
    return [d for d in datasets if d.kind == DatasetKind.DEMO or any(covers(actor, code) for code in d.districts)]


def may_remove(actor: Actor, dataset: DatasetInfo) -> bool:
    """Never the demo; otherwise only with the permission and every district the dataset touches in one's areas."""
    if dataset.kind == DatasetKind.DEMO or not can(actor, Permission.REMOVE_IMPORT):
        return False
    return all(covers(actor, code) for code in dataset.districts)


def datasets_view(services: Services, lang: str) -> Any:
    if services.store is None:
        return dbc.Alert(t("data.no_store", lang), color="warning")
    datasets = visible_datasets(services)
    if not datasets:
        return html.P(t("data.datasets.empty", lang), className="text-muted")
    columns = ("id", "kind", "file", "format", "user", "time", "rows", "status")
    rows = []
    for dataset in datasets:
        labels = dataset_labels(dataset, lang)
        rows.append(
            html.Tr(
                [
                    html.Td(str(dataset.id)),
                    html.Td(labels.kind),
                    html.Td(dataset.file_name, className="text-break"),
                    html.Td(labels.file_format),
                    html.Td(labels.origin),
                    html.Td(labels.time, className="text-nowrap"),
                    html.Td(labels.rows, className="text-end"),
                    html.Td(labels.status),
                    html.Td(
                        dbc.Button(
                            t("data.datasets.remove", lang),
                            id=pattern_id(Pattern.REMOVE_DATASET, dataset.id),
                            color="outline-danger",
                            size="sm",
                        )
                        if dataset.kind != DatasetKind.DEMO
                        else t("demo.badge", lang)
                    ),
                ]
            )
        )
        if dataset.kind == DatasetKind.MEASUREMENTS:  # its data-quality report stays one click away
            stored = services.store.dataset(dataset.id)
            extra = ((stored.report if stored else None) or {}).get("extra") or {}
            report = quality_view(extra.get("quality"), services, lang)
            if report is not None:
                details = html.Details([html.Summary(t("data.quality", lang)), report], className="dataset-quality")
                rows.append(html.Tr(html.Td(details, colSpan=len(columns) + 1)))
    header = html.Tr([*[html.Th(t(f"data.datasets.col.{c}", lang)) for c in columns], html.Th("")])
    table = dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", hover=True, className="datasets-table")
    return html.Div(table, className="table-responsive")  # on a phone it scrolls in its own box


def district_options(districts: list[District], lang: str) -> list[dict[str, str]]:
    return [
        {"label": f"{d.name} ({d.code})" + (f" — {t('demo.badge', lang)}" if d.is_demo else ""), "value": d.code}
        for d in districts
    ]


def refreshed_datasets(services: Services, lang: str) -> tuple[Any, list[dict[str, str]]]:
    """The list and the district choices again, after a commit or a removal."""
    services.invalidate()  # the commit ran in another process
    return datasets_view(services, lang), district_options(services.source.districts(), lang)


def removal_question(services: Services, clicks: list[int | None], trigger: object, lang: str) -> tuple[bool, str, int]:
    """The confirmation dialog for the dataset whose *remove* button was pressed, and that dataset's id."""
    if not any(clicks) or not isinstance(trigger, dict):
        raise PreventUpdate
    dataset_id = int(trigger["key"])
    dataset = services.require_store().dataset(dataset_id)
    actor = current_actor()
    if dataset is None or actor is None or not may_remove(actor, dataset):
        raise PreventUpdate
    return True, t("data.datasets.remove.confirm", lang, id=dataset_id, file=dataset.file_name), dataset_id


def remove_dataset(
    services: Services, submitted: int | None, dataset_id: int | None, version: int, lang: str
) -> tuple[int, Any]:
    """Remove the confirmed dataset: the datasets' next version, and a message saying so."""
    actor = current_actor()
    if not submitted or not isinstance(dataset_id, int) or actor is None:
        raise PreventUpdate
    dataset = services.require_store().dataset(dataset_id)
    if dataset is None:
        raise PreventUpdate
    accounts = services.require_accounts()
    if not may_remove(actor, dataset):
        accounts.audit(actor, "dataset_remove", target=str(dataset_id), outcome="refused")
        key = "import.demo_refused" if dataset.kind == DatasetKind.DEMO else "import.area_refused"
        return version, dbc.Alert(t(key, lang, codes=", ".join(dataset.districts)), color="danger")
    services.require_store().remove_dataset(dataset_id)
    accounts.audit(actor, "dataset_remove", target=str(dataset_id),
                   detail={"file": dataset.file_name, "districts": list(dataset.districts)})  # fmt: skip
    services.invalidate()
    return version + 1, dbc.Alert(t("data.datasets.removed", lang, id=dataset_id), color="info")
