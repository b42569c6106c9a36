"""Marks every page shares: the "data contoh (fiktif)" badge the fictional demo district carries wherever it appears."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc

from dashboard.i18n import t
from dashboard.services import Services

__all__ = ["demo_badge"]


def demo_badge(services: Services, district: str | None, lang: str, **props: Any) -> Any:
    """The "data contoh (fiktif)" badge (its explainer on hover) when ``district`` is the demo, else ``None``."""
    if not any(d.code == district and d.is_demo for d in services.source.districts()):
        return None
    return dbc.Badge(
        t("demo.badge", lang), color="warning", text_color="dark", className="ms-2 demo-badge",
        title=t("demo.explainer", lang), **props,
    )  # fmt: skip
