"""The audit log page (``/audit``): who did what, when, from where; for administrators, with a CSV export.

Where things live: :mod:`.layout` (the table), :mod:`.callbacks` (the CSV download), :mod:`.model` (rows, the
CSV and the zone the times are read in); texts in :mod:`dashboard.i18n.auth` (``audit.*``).
"""

from dashboard.views.audit_page.callbacks import register
from dashboard.views.audit_page.layout import layout
from dashboard.views.audit_page.model import COLUMNS, SHOWN, audit_csv, audit_rows, log_district

__all__ = ["COLUMNS", "SHOWN", "audit_csv", "audit_rows", "layout", "log_district", "register"]
