"""The gaps page (``/kesenjangan``): which services miss which villages, and why a village is where it is."""

from dashboard.views.gaps_page.callbacks import register
from dashboard.views.gaps_page.figures import gaps_map
from dashboard.views.gaps_page.layout import layout
from dashboard.views.gaps_page.matrix import matrix_figure, matrix_view
from dashboard.views.gaps_page.model import View, scope_figures
from dashboard.views.gaps_page.profile import village_profile
from dashboard.views.map_page import services_url

__all__ = [
    "View",
    "gaps_map",
    "layout",
    "matrix_figure",
    "matrix_view",
    "register",
    "scope_figures",
    "services_url",
    "village_profile",
]
