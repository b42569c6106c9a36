"""The village profile page (``/desa``): one village's every source, with periods and origins, and its PDF."""

from dashboard.views.village_page.callbacks import register
from dashboard.views.village_page.layout import layout

__all__ = ["layout", "register"]
