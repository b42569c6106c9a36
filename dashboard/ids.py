"""Every component ID, in one place; pages import these, never spell an ID themselves."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ID", "Pattern", "pattern_id"]


class ID(StrEnum):
    # Shell: present on every page.
    URL = "url"
    LANGUAGE = "language"
    PAGE = "page"
    NAV = "nav"
    MAP_STATE = "map-state"  # the user's map choices, kept across page renders (language switch)

    # Main page (/): the village choropleth.
    DISTRICT = "map-district"
    INDICATOR = "map-indicator"
    PERIOD = "map-period"
    KECAMATAN = "map-kecamatan"
    SCHEME = "map-scheme"
    CLASSES = "map-classes"
    MAP = "map-graph"
    LEGEND = "map-legend"
    MAP_TITLE = "map-title"
    DEMO_BADGE = "demo-badge"
    KPI_PREVALENCE = "kpi-prevalence"
    KPI_STUNTED = "kpi-stunted"
    KPI_CHANGE = "kpi-change"
    KPI_SCOPE = "kpi-scope"
    PROFILE = "village-profile"
    PROFILE_NAME = "village-profile-name"
    PROFILE_VALUE = "village-profile-value"
    PROFILE_TREND = "village-profile-trend"

    # Data page (/data): import, report, datasets.
    UPLOAD = "data-upload"
    UPLOAD_INFO = "data-upload-info"
    UPLOAD_TOKEN = "data-upload-token"
    IMPORT_KIND = "data-import-kind"
    IMPORT_DISTRICT = "data-import-district"
    IMPORT_USER = "data-import-user"
    QUALITY_TABLE = "data-quality-table"
    CHECK = "data-check"
    COMMIT = "data-commit"
    CANCEL = "data-cancel"
    PROGRESS = "data-progress"
    PREVIEW = "data-preview"
    MAPPING = "data-mapping"
    REPORT = "data-report"
    RESULT = "data-result"
    DATASETS = "data-datasets"
    DATASETS_VERSION = "data-datasets-version"
    TEMPLATE_CSV = "data-template-csv"
    TEMPLATE_XLSX = "data-template-xlsx"
    TEMPLATE_DOWNLOAD = "data-template-download"
    REMOVE_CONFIRM = "data-remove-confirm"
    REMOVE_TARGET = "data-remove-target"


class Pattern(StrEnum):
    """Types of pattern-matching IDs: ``{"type": Pattern.X, "key": ...}``."""

    MAP_COLUMN = "data-map-column"  # key: a column of the uploaded file
    NAME_MATCH = "data-name-match"  # key: a village name as the file spells it
    REMOVE_DATASET = "data-remove-dataset"  # key: dataset id


def pattern_id(kind: Pattern, key: str | int) -> dict[str, str | int]:
    return {"type": str(kind), "key": key}
