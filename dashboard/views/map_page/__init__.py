"""The main page (``/``): the village choropleth with its controls, legend, KPI cards and village profile."""

from dashboard.views.map_page.callbacks import register
from dashboard.views.map_page.choice import MapChoice, resolve_choice
from dashboard.views.map_page.choropleth import MapView, map_view, services_url
from dashboard.views.map_page.layout import layout
from dashboard.views.map_page.profile import profile_panel

__all__ = ["MapChoice", "MapView", "layout", "map_view", "profile_panel", "register", "resolve_choice", "services_url"]
