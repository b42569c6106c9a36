"""The plotly toolbar every graph of Lokus gets: no third parties, only what helps, in the UI's language.

Plotly's default toolbar offers "Share" to Chart Studio (a third-party host), a plotly logo linking to
plotly.com and tools a planner does not need. Lokus keeps only the PNG download and the reset of the
view; their tooltips come from ``assets/plotly-locale-id.js`` when the UI is Indonesian.

>>> config = graph_config("id", "map", "peta_stunting")
>>> config["modeBarButtons"], config["locale"], config["displaylogo"], config["showSendToCloud"]
([['toImage', 'resetViewMap']], 'id', False, False)
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["graph_config"]

_KEPT = {"map": ["toImage", "resetViewMap"], "chart": ["toImage", "resetScale2d"]}


def graph_config(lang: str, kind: Literal["map", "chart"], filename: str) -> Any:
    """``dcc.Graph(config=...)`` (a dict; typed Any for dcc.Graph's own TypedDict): PNG download and reset only."""
    return {
        "displaylogo": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "showLink": False,
        "showTips": False,
        "modeBarButtons": [list(_KEPT[kind])],
        "locale": "en" if lang == "en" else "id",
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "scrollZoom": kind == "map",
    }
