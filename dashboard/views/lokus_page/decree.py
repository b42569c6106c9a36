"""The decree annex's fields on the planning page: the PDF button and the decree's number, date and signer.

Their IDs are a small ``StrEnum`` here rather than in :mod:`dashboard.ids` only because that module was being
edited by another change at the time; they follow its naming (``lokus-…``) and belong there when it is free.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from dashboard.i18n import t

__all__ = ["DECREE_KEYS", "AnnexField", "decree_fields", "decree_values"]


class AnnexField(StrEnum):
    EXPORT_PDF = "lokus-export-pdf"
    NUMBER = "lokus-decree-number"
    DATE = "lokus-decree-date"
    SIGNER_TITLE = "lokus-decree-signer-title"
    SIGNER_NAME = "lokus-decree-signer-name"
    SIGNER_NIP = "lokus-decree-signer-nip"


# Field -> key of :class:`~dashboard.data.annex.Decree`, in the order the page shows them.
DECREE_KEYS = {
    AnnexField.NUMBER: "number",
    AnnexField.DATE: "date",
    AnnexField.SIGNER_TITLE: "signer_title",
    AnnexField.SIGNER_NAME: "signer_name",
    AnnexField.SIGNER_NIP: "signer_nip",
}


def decree_fields(lang: str) -> html.Details:
    """The decree's fields, folded: typed before the XLSX or PDF export, printed in its header and signature
    blocks; left empty, the printed annex has dotted lines to fill by hand."""
    rows = [
        dbc.InputGroup(
            [
                dbc.Label(t(f"lokus.decree.{key}", lang), html_for=field, className="input-group-text mb-0"),
                dbc.Input(id=field, type="text", maxLength=120),
            ],
            size="sm",
            className="mb-1",
        )
        for field, key in DECREE_KEYS.items()
    ]
    return html.Details(
        [
            html.Summary(t("lokus.decree.title", lang), className="small"),
            html.Div(t("lokus.decree.help", lang), className="small text-muted mb-1"),
            *rows,
        ],
        className="mt-2",
    )


def decree_values(*values: Any) -> dict[str, str]:
    """The fields' values (in :data:`DECREE_KEYS` order) as the annex's decree keys; empty ones left out."""
    return {key: str(value).strip() for key, value in zip(DECREE_KEYS.values(), values, strict=True) if value}
