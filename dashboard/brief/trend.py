"""The brief's small trend chart: the district's prevalence per period with the national and the district's target."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from dashboard.i18n import fmt_percent, t

__all__ = ["trend_png"]

_FONT = "DejaVu Sans"
_LINE = "#b30000"


def trend_png(
    points: Sequence[Any],
    national: float | None,
    own: float | None,
    lang: str,
    width_in: float,
    height_in: float,
    dpi: float = 220,
    text_scale: float = 1.0,
) -> bytes:
    """PNG of ``points`` (each with ``label``, ``rate``, ``complete``): a line, hollow markers where the period is
    not complete, a dashed line at the national target and a dotted one at the district's own. ``text_scale``
    enlarges texts, markers and lines together (a slide seen from the back of a room)."""
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.14, 0.24, 0.84, 0.7))
    shown = [(i, p) for i, p in enumerate(points) if p.rate is not None]
    xs = [i for i, _ in shown]
    ys = [p.rate for _, p in shown]
    ax.plot(xs, ys, color=_LINE, linewidth=1.4 * text_scale, zorder=3)
    for i, p in shown:
        ax.plot(
            [i],
            [p.rate],
            marker="o",
            markersize=3.6 * text_scale,
            color=_LINE,
            zorder=4,
            markerfacecolor=_LINE if p.complete else "white",
        )
    if shown:
        last_i, last = shown[-1]
        ax.annotate(
            fmt_percent(last.rate, lang),
            (last_i, last.rate),
            xytext=(0, 5),
            textcoords="offset points",
            ha="center",
            fontsize=6.5 * text_scale,
            fontfamily=_FONT,
            color=_LINE,
            fontweight="bold",
        )
    values = [v for v in (*ys, national, own) if v is not None]
    top = max(values, default=20.0)
    ax.set_ylim(0, top * 1.22)
    for value, dash, key in ((national, (4, 2), "brief.trend.national"), (own, (1, 1.5), "brief.trend.own")):
        if value is not None:
            ax.axhline(value, color="#1f3a93", linewidth=0.9 * text_scale, linestyle=(0, dash), zorder=2)
            ax.text(
                0.0,
                value,
                " " + t(key, lang, value=fmt_percent(value, lang, 1)),
                fontsize=5.8 * text_scale,
                fontfamily=_FONT,
                color="#1f3a93",
                va="bottom",
                ha="left",
                transform=ax.get_yaxis_transform(),
            )
    ax.set_xticks(range(len(points)), [_short(p.label) for p in points], fontsize=5.8 * text_scale, fontfamily=_FONT)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt_percent(v, lang, 0)))
    ax.tick_params(axis="y", labelsize=5.8 * text_scale)
    ax.set_xlim(-0.4, max(len(points) - 0.6, 0.6))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#e4e4e4", linewidth=0.5)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def _short(label: str) -> str:
    """ "Agustus 2025" → "Agu 25"; a year stays as it is."""
    parts = label.split()
    return f"{parts[0][:3]} {parts[1][-2:]}" if len(parts) == 2 else label
