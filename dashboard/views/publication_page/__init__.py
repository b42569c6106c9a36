"""The publication page (``/publikasi``, administrators): publish a snapshot, withdraw one, set targets.

What is published is frozen (:mod:`dashboard.data.publications`): the public pages under ``/publik`` and
the open-data API read only standing snapshots, after small-number protection. Every action here is
checked again on the server (the callbacks need :attr:`Permission.PUBLISH`, and the data layer refuses
anyone but an administrator) and audited.

Where things live: :mod:`.layout` (the form and the tables), :mod:`.callbacks` (choices, actions, refresh),
:mod:`.model` (choices per district and the three actions as plain handlers); texts in
:mod:`dashboard.i18n.publication` (``pubpage.*``).
"""

from dashboard.views.publication_page.callbacks import register
from dashboard.views.publication_page.layout import layout, snapshot_table, targets_table, withdraw_options
from dashboard.views.publication_page.model import district_choices, publish, save_target, when, withdraw

__all__ = [
    "district_choices",
    "layout",
    "publish",
    "register",
    "save_target",
    "snapshot_table",
    "targets_table",
    "when",
    "withdraw",
    "withdraw_options",
]
