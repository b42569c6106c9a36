"""The region page (``/wilayah``): a province or all Indonesia by kabupaten/kota, villages from district zoom on."""

from dashboard.views.region_page.callbacks import register
from dashboard.views.region_page.layout import layout

__all__ = ["layout", "register"]
