"""The planning page (``/lokus``): rank the villages, choose the lokus list, justify, save, compare, export."""

from dashboard.views.lokus_page.callbacks import register
from dashboard.views.lokus_page.figures import comparison_view
from dashboard.views.lokus_page.layout import layout
from dashboard.views.lokus_page.model import LokusResult, annex_rows, compute, criterion_label, default_state
from dashboard.views.map_page import services_url

__all__ = [
    "LokusResult",
    "annex_rows",
    "comparison_view",
    "compute",
    "criterion_label",
    "default_state",
    "layout",
    "register",
    "services_url",
]
