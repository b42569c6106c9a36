"""What a page's map sends on a change: the map component's props in tiers, each sent only when its key differs from
the key of what the page last drew.

A page's map has four tiers: the district (``geojson_url`` and ``codes``: the geometry by URL, once per district),
the view (``bounds`` and ``view_revision``: a new one fits the map), the hover texts (once per district and period,
or whatever else they depend on) and the colours (class bytes, palette, marks, the exported legend and the page's
legend). The keys of the tiers last drawn live in the page (a small ``dcc.Store``), so a change that only recolours
costs one byte per village and the legend, and a change that alters nothing (Dash calls a callback again when a
control is set to the value it had) sends nothing at all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import plotly.utils

__all__ = ["COLOUR_PROPS", "DISTRICT_PROPS", "HOVER_PROPS", "MAP_PROPS", "VIEW_PROPS", "MapDraw", "digest", "outputs"]

DISTRICT_PROPS = ("geojson_url", "codes")
VIEW_PROPS = ("bounds", "view_revision")
HOVER_PROPS = ("hover_text",)
COLOUR_PROPS = ("classes", "palette", "marks", "bivariate", "export_title", "export_legend", "export_source",
                "export_mark")  # fmt: skip
MAP_PROPS = (*DISTRICT_PROPS, *VIEW_PROPS, *HOVER_PROPS, *COLOUR_PROPS)
"""Every prop a page's map callback may send, in the order of its outputs."""


def digest(value: Any) -> str:
    """A short stable hash of a JSON-able value (Dash components included), as a tier's key.

    >>> digest({"a": [1, 2]}) == digest({"a": [1, 2]}) != digest({"a": [2, 1]})
    True
    """
    text = json.dumps(value, cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class MapDraw:
    """One draw of a page's map: the key of each tier, the props of the cheap ones to compute when sent, the colours.

    ``district``, ``view`` and ``hover`` are ``(key, props)`` with ``props`` a function called only when the tier is
    sent; ``colours`` (the :data:`COLOUR_PROPS`) and ``legend`` (the page's legend, any Dash component) are computed
    already: their key is their :func:`digest`.
    """

    district: tuple[str, Callable[[], dict[str, Any]]]
    view: tuple[str, Callable[[], dict[str, Any]]]
    hover: tuple[str, Callable[[], dict[str, Any]]]
    colours: dict[str, Any]
    legend: Any
    extra: dict[str, Any] = field(default_factory=dict)  # what the page shows beside the map (not compared)

    def keys(self) -> dict[str, str]:
        """The tiers' keys, as the page keeps them after drawing."""
        return {"district": self.district[0], "view": self.view[0], "hover": self.hover[0],
                "colours": digest([self.colours, self.legend])}  # fmt: skip

    def props(self) -> dict[str, Any]:
        """Every prop of the map (the page's first draw)."""
        return {**self.district[1](), **self.view[1](), **self.hover[1](), **self.colours}

    def changes(self, drawn: Mapping[str, Any] | None) -> dict[str, Any]:
        """The props of the tiers whose key differs from ``drawn`` (the keys of what the page shows), plus
        ``"legend"`` when the colours changed; empty when nothing did. A new district sends every tier."""
        drawn = drawn if isinstance(drawn, Mapping) else {}
        keys = self.keys()
        if keys["district"] != drawn.get("district"):
            return {**self.props(), "legend": self.legend}
        sent: dict[str, Any] = {}
        for name in ("view", "hover"):
            key, props = getattr(self, name)
            if key != drawn.get(name):
                sent.update(props())
        if keys["colours"] != drawn.get("colours"):
            sent.update(self.colours, legend=self.legend)
        return sent


def outputs(changes: Mapping[str, Any], names: Iterable[str], unchanged: Any) -> tuple[Any, ...]:
    """``changes`` in the order of ``names``, ``unchanged`` (Dash's ``no_update``) for a prop not sent."""
    return tuple(changes.get(name, unchanged) for name in names)
