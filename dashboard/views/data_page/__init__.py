"""The data page (``/data``): upload, check, confirm names and columns, commit, and the list of datasets."""

from dashboard.views.data_page.callbacks import register
from dashboard.views.data_page.datasets import datasets_view
from dashboard.views.data_page.layout import layout
from dashboard.views.data_page.preview import preview_view
from dashboard.views.data_page.report import report_view
from dashboard.views.data_page.uploads import (
    FIXED_PERIOD_KEY,
    ImportForm,
    ImportKind,
    UploadToken,
    check_upload,
    confirmed_names,
    mapping_fields,
    resolve_kind,
    save_upload,
)

__all__ = [
    "FIXED_PERIOD_KEY",
    "ImportForm",
    "ImportKind",
    "UploadToken",
    "check_upload",
    "confirmed_names",
    "datasets_view",
    "layout",
    "mapping_fields",
    "preview_view",
    "register",
    "report_view",
    "resolve_kind",
    "save_upload",
]
