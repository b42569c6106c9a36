"""Every component ID, in one place; pages import these, never spell an ID themselves."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ID", "Pattern", "pattern_id"]


class ID(StrEnum):
    # Shell: present on every page.
    URL = "url"
    ROUTE = "route"  # the path, passed on once the scripts its page needs have loaded (views/bundles.py)
    LANGUAGE = "language"
    PAGE = "page"
    NAV = "nav"
    MAP_STATE = "map-state"  # the user's map choices, kept across page renders (language switch)
    ACCOUNT = "account-menu"  # who is signed in, password change, sign out
    LOGOUT = "logout"
    LOGIN_LINK = "login-link"

    # Audit log (/audit), for administrators.
    AUDIT_TABLE = "audit-table"
    AUDIT_EXPORT = "audit-export"
    AUDIT_DOWNLOAD = "audit-download"
    # Publication page (/publikasi, administrators).
    PUB_DISTRICT = "pub-district"
    PUB_PERIODS = "pub-periods"
    PUB_INDICATORS = "pub-indicators"
    PUB_TITLE = "pub-title"
    PUB_NOTE = "pub-note"
    PUB_PUBLISH = "pub-publish"
    PUB_RESULT = "pub-result"
    PUB_LIST = "pub-list"
    PUB_VERSION = "pub-version"
    PUB_WITHDRAW_ID = "pub-withdraw-id"
    PUB_WITHDRAW_REASON = "pub-withdraw-reason"
    PUB_WITHDRAW = "pub-withdraw"
    PUB_TARGET_YEAR = "pub-target-year"
    PUB_TARGET_VALUE = "pub-target-value"
    PUB_TARGET_SOURCE = "pub-target-source"
    PUB_TARGET_SAVE = "pub-target-save"
    PUB_TARGETS = "pub-targets"

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
    KPI_COMPLETENESS = "kpi-completeness"  # villages reporting of villages in the boundary set
    KPI_FLAGS = "kpi-flags"  # plausibility flags on the headline's values
    BRIEF_PDF = "brief-pdf"  # the one-page brief of the district and period shown, as PDF
    BRIEF_PNG = "brief-png"
    PAPARAN_LINK = "paparan-link"  # the presentation (/paparan) of the district and period shown
    PRINT_BLOCK = "print-map-block"  # shown only on paper: the server-drawn map in place of the live one
    PRINT_MAP = "print-map"  # its <img>, whose src follows the choice on screen
    TWO_NUMBERS = "two-numbers"  # the survey estimate beside the routine figure of the same year
    COMPARE = "compare-period"  # the period the change is measured from
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
    IMPORT_YEAR = "data-import-year"  # the year of a report whose months carry none
    UPLOAD_STATUS = "data-upload-status"  # assets/upload.js writes the upload's progress here
    UPLOAD_CANCEL = "data-upload-cancel"
    # A boundary file coded by BPS: the crosswalk CSV that translates its codes (issue 12, point 5).
    CROSSWALK_BLOCK = "data-crosswalk-block"
    CROSSWALK_UPLOAD = "data-crosswalk-upload"
    CROSSWALK_STATUS = "data-crosswalk-status"
    CROSSWALK_TOKEN = "data-crosswalk-token"
    CROSSWALK_INFO = "data-crosswalk-info"
    MATCH_NAMES = "data-match-names"  # or match a BPS-coded file's names against the Kemendagri list
    # lokus page
    LOKUS_DISTRICT = "lokus-district"
    LOKUS_PERIOD = "lokus-period"
    LOKUS_METHOD = "lokus-method"
    LOKUS_BY = "lokus-by"
    LOKUS_TOP_N = "lokus-top-n"
    LOKUS_MIN_SCORE = "lokus-min-score"
    LOKUS_LIGHT_PREVALENCE = "lokus-light-prevalence"
    LOKUS_LIGHT_STUNTED = "lokus-light-stunted"
    LOKUS_CRITERIA = "lokus-criteria"
    LOKUS_GRID = "lokus-grid"
    LOKUS_MAP = "lokus-map"
    LOKUS_SUMMARY = "lokus-summary"
    LOKUS_COUNT = "lokus-count"
    LOKUS_SENSITIVITY = "lokus-sensitivity"
    LOKUS_CURRENT = "lokus-current"
    LOKUS_OPENED = "lokus-opened"
    LOKUS_ADJUSTMENTS = "lokus-adjustments"
    LOKUS_REASON = "lokus-reason"
    LOKUS_ADD = "lokus-add"
    LOKUS_REMOVE = "lokus-remove"
    LOKUS_CLEAR = "lokus-clear"
    LOKUS_ADJUST_INFO = "lokus-adjust-info"
    LOKUS_SCENARIO_NAME = "lokus-scenario-name"
    LOKUS_SAVE = "lokus-save"
    LOKUS_UPDATE = "lokus-update"
    LOKUS_SCENARIOS = "lokus-scenarios"
    LOKUS_OPEN = "lokus-open"
    LOKUS_DUPLICATE = "lokus-duplicate"
    LOKUS_FINALISE = "lokus-finalise"
    LOKUS_FINALISE_CONFIRM = "lokus-finalise-confirm"
    LOKUS_DELETE = "lokus-delete"
    LOKUS_DELETE_CONFIRM = "lokus-delete-confirm"
    LOKUS_REOPEN = "lokus-reopen"  # administrators: a final list back to draft, with a reason
    LOKUS_REOPEN_REASON = "lokus-reopen-reason"
    # Rembuk commitments (Aksi 3) of the opened scenario, on the lokus page.
    KOM_SECTION = "lokus-kom-section"
    KOM_FORM = "lokus-kom-form"  # the fieldset of the form, disabled for those who may not write
    KOM_VILLAGE = "lokus-kom-village"
    KOM_ACTIVITY = "lokus-kom-activity"
    KOM_RESPONSIBLE = "lokus-kom-responsible"
    KOM_FUNDING = "lokus-kom-funding"
    KOM_BUDGET = "lokus-kom-budget"
    KOM_TARGET_DATE = "lokus-kom-target-date"
    KOM_STATUS = "lokus-kom-status"
    KOM_NOTE = "lokus-kom-note"
    KOM_ADD = "lokus-kom-add"
    KOM_TABLE = "lokus-kom-table"
    KOM_NEW_STATUS = "lokus-kom-new-status"
    KOM_SET_STATUS = "lokus-kom-set-status"
    KOM_DELETE = "lokus-kom-delete"
    KOM_TOTAL = "lokus-kom-total"
    KOM_INFO = "lokus-kom-info"
    KOM_VERSION = "lokus-kom-version"  # bumped after each change: the table reloads
    KOM_EXPORT_XLSX = "lokus-kom-export-xlsx"
    KOM_EXPORT_PDF = "lokus-kom-export-pdf"
    KOM_DOWNLOAD = "lokus-kom-download"
    LOKUS_EDITABLE = "lokus-editable"  # the fieldset of every control that changes the list
    LOKUS_AUTHOR_NAME = "lokus-author-name"
    LOKUS_SCENARIO_INFO = "lokus-scenario-info"
    LOKUS_COMPARE_A = "lokus-compare-a"
    LOKUS_COMPARE_B = "lokus-compare-b"
    LOKUS_COMPARE = "lokus-compare"
    LOKUS_COMPARE_LAST_YEAR = "lokus-compare-last-year"
    LOKUS_COMPARE_RESULT = "lokus-compare-result"
    LOKUS_COMPARE_MAP = "lokus-compare-map"
    LOKUS_EXPORT_CSV = "lokus-export-csv"
    LOKUS_EXPORT_XLSX = "lokus-export-xlsx"
    LOKUS_EXPORT_PNG = "lokus-export-png"
    LOKUS_DOWNLOAD = "lokus-download"
    LOKUS_INCLUDE_FLAGGED = "lokus-include-flagged"  # flagged values taken back into the ranking
    LOKUS_COMPLETENESS = "lokus-completeness"  # villages reporting in the period on screen
    LOKUS_LEGEND = "lokus-legend"  # the selection map's legend: its classes and outlines
    LOKUS_MAP_DRAWN = "lokus-map-drawn"  # the keys of what the selection map shows (dashboard.figures.map_tiers)
    LOKUS_DEMO_BADGE = "lokus-demo-badge"  # "data contoh (fiktif)" beside the heading for the demo district
    # lokus page (issue 16): controls shown by what they apply to, typed numbers' reasons, the grid's legend
    LOKUS_WEIGHTED_BLOCK = "lokus-weighted-block"  # the criteria card: weighted scores only
    LOKUS_LIGHT_BLOCK = "lokus-light-block"  # the matrix's thresholds: traffic light only
    LOKUS_TOP_N_FEEDBACK = "lokus-top-n-feedback"
    LOKUS_MIN_SCORE_FEEDBACK = "lokus-min-score-feedback"
    LOKUS_LIGHT_PREVALENCE_FEEDBACK = "lokus-light-prevalence-feedback"
    LOKUS_LIGHT_STUNTED_FEEDBACK = "lokus-light-stunted-feedback"
    LOKUS_INPUT_ALERT = "lokus-input-alert"  # "not recomputed: correct the field marked in red"
    LOKUS_CHOSEN_ROW = "lokus-chosen-row"  # the village the grid's row selection points at, above the grid
    # planner state (issue 16)
    LOKUS_STATE_SAVED = "lokus-state-saved"  # the revision of the user's page state last written on the server
    LOKUS_UNSAVED = "lokus-unsaved"  # "Perubahan belum disimpan"; data-unsaved="1" arms the leave warning
    LOKUS_RESET = "lokus-reset"  # back to the default weights, no changes by hand
    LOKUS_RESET_CONFIRM = "lokus-reset-confirm"
    # gaps page
    GAPS_DISTRICT = "gaps-district"
    GAPS_DEMO_BADGE = "gaps-demo-badge"  # "data contoh (fiktif)" beside the heading for the demo district
    GAPS_PERIOD = "gaps-period"
    GAPS_VIEW = "gaps-view"
    GAPS_INDICATOR = "gaps-indicator"
    GAPS_TARGET = "gaps-target"
    GAPS_AXIS = "gaps-axis"
    GAPS_CHANGE_INDICATOR = "gaps-change-indicator"
    GAPS_BEFORE = "gaps-before"
    GAPS_DRILL = "gaps-drill"
    GAPS_BREADCRUMB = "gaps-breadcrumb"
    GAPS_CRUMBS = "gaps-crumbs"
    GAPS_CRUMB_DISTRICT = "gaps-crumb-district"
    GAPS_CRUMB_KECAMATAN = "gaps-crumb-kecamatan"
    GAPS_KECAMATAN = "gaps-kecamatan"
    GAPS_MAP = "gaps-map"
    GAPS_LEGEND = "gaps-legend"
    GAPS_MAP_DRAWN = "gaps-map-drawn"  # the keys of what the gaps map shows (dashboard.figures.map_tiers)
    GAPS_BIVARIATE_LEGEND = "gaps-bivariate-legend"
    GAPS_CHANGE_LEGEND = "gaps-change-legend"
    GAPS_SCOPE = "gaps-scope"
    GAPS_SCOPE_TABLE = "gaps-scope-table"
    GAPS_MATRIX = "gaps-matrix"
    GAPS_PROFILE = "gaps-profile"
    GAPS_PROFILE_NAME = "gaps-profile-name"
    GAPS_PROFILE_LOKUS = "gaps-profile-lokus"
    GAPS_CHANGE_SUMMARY = "gaps-change-summary"  # the scope's like-for-like change
    GAPS_CHANGE_KECAMATAN = "gaps-change-kecamatan"  # the like-for-like change per kecamatan
    GAPS_COMPLETENESS = "gaps-completeness"  # villages reporting beside the scope's figures
    GAPS_FLAG_LEGEND = "gaps-flag-legend"  # the flagged villages outlined on a map
    # gaps page (issue 16)
    GAPS_MAP_TITLE = "gaps-map-title"  # what the map shows: view, service, period, place
    GAPS_MATRIX_LEGEND = "gaps-matrix-legend"  # the matrix's classes, diverging at the target
    GAPS_MATRIX_LEGEND_BOX = "gaps-matrix-legend-box"  # holds it (the matrix callback's output)
    GAPS_SERVICE_GROUP = "gaps-service-group"  # service and target: every view but the change
    GAPS_AXIS_GROUP = "gaps-axis-group"  # the 3×3 map's second axis: the bivariate view only
    GAPS_CHANGE_GROUP = "gaps-change-group"  # indicator and comparison period: the change view only
    GAPS_TREND = "gaps-trend"  # the profile's stunting trend
    GAPS_MATRIX_CSV = "gaps-matrix-csv"  # the button downloading the matrix as CSV
    GAPS_MATRIX_DOWNLOAD = "gaps-matrix-download"
    QUALITY_TABLE = "data-quality-table"
    CHECK = "data-check"
    COMMIT = "data-commit"
    CANCEL = "data-cancel"
    PROGRESS = "data-progress"
    # The watchdog of a running check or commit (views/data_page/jobs.py): a timer on only while a job runs,
    # the job's action, and the store whose change cancels Dash's polling of a job found lost.
    JOB_WATCHDOG = "data-job-watchdog"
    JOB_ACTION = "data-job-action"
    JOB_LOST = "data-job-lost"
    PREVIEW = "data-preview"
    MAPPING = "data-mapping"
    REPORT = "data-report"
    RESULT = "data-result"
    DATASETS = "data-datasets"
    DATASETS_VERSION = "data-datasets-version"
    TEMPLATE_CSV = "data-template-csv"
    TEMPLATE_XLSX = "data-template-xlsx"
    TEMPLATE_PUSKESMAS_CSV = "data-template-puskesmas-csv"
    TEMPLATE_PUSKESMAS_XLSX = "data-template-puskesmas-xlsx"
    TEMPLATE_DOWNLOAD = "data-template-download"
    REMOVE_CONFIRM = "data-remove-confirm"
    REMOVE_TARGET = "data-remove-target"

    # Region page (/wilayah): a province or all Indonesia, by kabupaten/kota.
    REGION = "region-choice"
    REGION_LEVEL = "region-level"
    REGION_INDICATOR = "region-indicator"
    REGION_PERIOD = "region-period"
    REGION_ORIGIN = "region-origin"
    REGION_COMPARE = "region-compare"
    REGION_MAP = "region-map"
    REGION_TITLE = "region-title"
    REGION_LEGEND = "region-legend"
    REGION_NOTE = "region-note"
    REGION_TABLE = "region-table"
    REGION_CHANGE = "region-change"
    REGION_OPENED = "region-opened"
    REGION_OPEN = "region-open"
    REGION_TILES_POLL = "region-tiles-poll"

    # shell and map (issue 16)
    BRAND_TAGLINE = "brand-tagline"  # the tagline beside the brand, in the reader's language
    NAV_TOGGLE = "nav-toggle"  # the hamburger that opens the navigation under the lg breakpoint
    NAV_COLLAPSE = "nav-collapse"  # the navigation, account menu and language switch it folds away
    PAGE_TITLES = "page-titles"  # path -> {lang: tab title}, read by the clientside title callback
    DOC_META = "doc-meta"  # the lang and title the clientside callback last set on the document
    DISTRICT_HEADING = "map-district-heading"  # the main page's heading: the district on screen
    DISTRICT_BADGE_SLOT = "map-district-badge"  # holds the demo badge (DEMO_BADGE) when the district is the demo
    PROFILE_SHOWN = "village-profile-shown"  # the profile last scrolled into view on a narrow screen

    # village profile, its PDF and the gaps page's cadres and case audits (issue 18)
    VILLAGE_DISTRICT = "village-district"  # /desa: the district chooser (readable districts only)
    VILLAGE_CODE = "village-code"  # /desa: the village chooser
    VILLAGE_BODY = "village-body"  # /desa: the profile's section cards
    VILLAGE_PDF = "village-pdf"  # /desa: "Unduh PDF" of the village shown
    VILLAGE_LOKUS_PDF = "village-lokus-pdf"  # /desa: the PDF of the district's lokus villages, a page each
    PROFILE_FULL_LINK = "village-profile-full"  # the main page's profile panel: "Profil lengkap" to /desa
    GAPS_CONVERGENCE = "gaps-convergence"  # gaps page scope: villages without an active KPM, case-audit findings

    # partners' register and case audits (issue 18, /mitra)
    MITRA_DISTRICT = "mitra-district"
    MITRA_DEMO_BADGE = "mitra-demo-badge"
    MITRA_VERSION = "mitra-version"  # bumped by each change of the register from the form
    MITRA_IMPORT_VERSION = "mitra-import-version"  # bumped by each sheet imported
    MITRA_TABLE = "mitra-table"
    MITRA_FORM_BOX = "mitra-form-box"  # hidden for readers who may not record
    MITRA_CHOOSE = "mitra-choose"  # the programme being edited (empty: a new one)
    MITRA_PARTNER = "mitra-partner"
    MITRA_SECTOR = "mitra-sector"
    MITRA_ACTIVITY = "mitra-activity"
    MITRA_VILLAGES = "mitra-villages"
    MITRA_START = "mitra-start"
    MITRA_END = "mitra-end"
    MITRA_BUDGET = "mitra-budget"
    MITRA_SAVE = "mitra-save"
    MITRA_NEW = "mitra-new"
    MITRA_DELETE = "mitra-delete"
    MITRA_CONFIRM = "mitra-confirm"
    MITRA_INFO = "mitra-info"
    MITRA_UPLOAD = "mitra-upload"
    MITRA_IMPORT_INFO = "mitra-import-info"
    MITRA_TEMPLATE_CSV = "mitra-template-csv"
    MITRA_TEMPLATE_XLSX = "mitra-template-xlsx"
    MITRA_DOWNLOAD = "mitra-download"
    MITRA_PERIOD = "mitra-period"  # the map's period (empty: any)
    MITRA_MAP = "mitra-map"
    MITRA_MAP_COUNT = "mitra-map-count"
    MITRA_MAP_LEGEND = "mitra-map-legend"
    KASUS_VERSION = "kasus-version"
    KASUS_TABLE = "kasus-table"
    KASUS_COUNTS = "kasus-counts"
    KASUS_FORM_BOX = "kasus-form-box"
    KASUS_CHOOSE = "kasus-choose"
    KASUS_VILLAGE = "kasus-village"
    KASUS_PERIOD = "kasus-period"
    KASUS_CAUSES = "kasus-causes"
    KASUS_RECOMMENDATION = "kasus-recommendation"
    KASUS_FOLLOW_UP = "kasus-follow-up"
    KASUS_NOTE = "kasus-note"
    KASUS_SAVE = "kasus-save"
    KASUS_NEW = "kasus-new"
    KASUS_DELETE = "kasus-delete"
    KASUS_CONFIRM = "kasus-confirm"
    KASUS_INFO = "kasus-info"

    # issue 18, the other offices' imports: blank templates of the village scorecard and Dana Desa
    TEMPLATE_SCORECARD_CSV = "data-template-scorecard-csv"
    TEMPLATE_SCORECARD_XLSX = "data-template-scorecard-xlsx"
    TEMPLATE_DANA_DESA_CSV = "data-template-dana-desa-csv"
    TEMPLATE_DANA_DESA_XLSX = "data-template-dana-desa-xlsx"


class Pattern(StrEnum):
    """Types of pattern-matching IDs: ``{"type": Pattern.X, "key": ...}``."""

    MAP_COLUMN = "data-map-column"  # key: a column of the uploaded file
    NAME_MATCH = "data-name-match"  # key: a village name as the file spells it
    REMOVE_DATASET = "data-remove-dataset"  # key: dataset id
    LOKUS_USE = "lokus-use"  # key: a ranking criterion
    LOKUS_WEIGHT = "lokus-weight"
    LOKUS_DIRECTION = "lokus-direction"
    LOKUS_NORMALISATION = "lokus-normalisation"
    LOKUS_WEIGHT_FEEDBACK = "lokus-weight-feedback"  # lokus page (issue 16): why a typed weight is refused


def pattern_id(kind: Pattern, key: str | int) -> dict[str, str | int]:
    return {"type": str(kind), "key": key}
