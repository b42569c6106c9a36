"""The partners and case audits page (``/mitra``): the pentahelix register, villages no partner reaches, and the
stunting case audits' findings per village."""

from dashboard.views.programme_page.callbacks import register
from dashboard.views.programme_page.layout import layout
from dashboard.views.programme_page.model import Reach, money, programme_rows, reach
from dashboard.views.programme_page.reach_map import reach_props

__all__ = ["Reach", "layout", "money", "programme_rows", "reach", "reach_props", "register"]
