"""The data page's callbacks: each unpacks its inputs and hands them to one function of the view model."""

from __future__ import annotations

from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import Permission
from dashboard.ids import ID, Pattern
from dashboard.services import Services
from dashboard.views.data_page.datasets import refreshed_datasets, removal_question, remove_dataset
from dashboard.views.data_page.importing import lost_job, run_job
from dashboard.views.data_page.jobs import JobBeats
from dashboard.views.data_page.preview import cancel_upload, crosswalk_view, receive_upload
from dashboard.views.data_page.report import Progress
from dashboard.views.data_page.uploads import ImportForm, template_download

__all__ = ["CLEAR_RESULT_JS", "register"]

# A new check or commit clears the last one's message (a lost job's, an import's), in the browser at the click:
# before the job's own answer can arrive, so it never hides that answer.
CLEAR_RESULT_JS = "function(check, commit) { return null; }"

# The check and the commit read the same form: the upload's token, then what ImportForm holds.
_IMPORT_FORM = (
    State(ID.UPLOAD_TOKEN, "data"),
    State(ID.IMPORT_KIND, "value"),
    State(ID.IMPORT_DISTRICT, "value"),
    State(ID.IMPORT_YEAR, "value"),
    State({"type": Pattern.MAP_COLUMN, "key": ALL}, "value"),
    State({"type": Pattern.MAP_COLUMN, "key": ALL}, "id"),
    State({"type": Pattern.NAME_MATCH, "key": ALL}, "value"),
    State({"type": Pattern.NAME_MATCH, "key": ALL}, "id"),
    State(ID.CROSSWALK_TOKEN, "data"),
    State(ID.MATCH_NAMES, "value"),
)


# While a check or commit runs, the progress bar is striped and animated; after it, not.
_BAR_RUNNING = [(Output(ID.PROGRESS, prop), True, False) for prop in ("animated", "striped")]


def _watched(action: str) -> list[tuple[Output, Any, Any]]:
    """The watchdog starts with a job of ``action``, counting its ticks from 0 (jobs.py). It stays on when Dash
    calls the job over, since a job whose process died ends that way too (an empty answer, HTTP 204): the
    watchdog stops itself once the job's last beat says ``done``, or once it has reported the job lost."""
    return [(Output(ID.JOB_WATCHDOG, "disabled"), False, False), (Output(ID.JOB_WATCHDOG, "n_intervals"), 0, 0),
            (Output(ID.JOB_ACTION, "data"), action, action)]  # fmt: skip


def register(app: SecuredApp | Dash, services: Services) -> None:
    """Upload, check and commit (the last two as background callbacks with a progress bar and a watchdog), the
    datasets' list."""
    beats = JobBeats.under(services.settings.data_dir)
    if isinstance(app, SecuredApp):
        # Dash registers the callback that cancels a lost job's polling itself (Output(JOB_LOST, "id")), outside
        # the guard's table; it only stops jobs whose signed handle the page holds.
        app.permissions[f"{ID.JOB_LOST}.id"] = Permission.IMPORT

    @app.callback(
        Output(ID.UPLOAD_INFO, "children"),
        Output(ID.PREVIEW, "children"),
        Output(ID.MAPPING, "children"),
        Output(ID.REPORT, "children", allow_duplicate=True),
        Output(ID.RESULT, "children", allow_duplicate=True),
        Output(ID.CHECK, "disabled"),
        Output(ID.COMMIT, "disabled", allow_duplicate=True),
        Output(ID.UPLOAD_CANCEL, "disabled"),
        Input(ID.UPLOAD_TOKEN, "data"),
        Input(ID.IMPORT_KIND, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def receive(stored: dict[str, Any] | None, kind: str, lang: str) -> tuple[Any, ...]:
        return receive_upload(services, stored, kind, lang)

    @app.callback(
        Output(ID.UPLOAD_TOKEN, "data", allow_duplicate=True),
        Output(ID.UPLOAD_INFO, "children", allow_duplicate=True),
        Output(ID.PREVIEW, "children", allow_duplicate=True),
        Output(ID.MAPPING, "children", allow_duplicate=True),
        Output(ID.REPORT, "children", allow_duplicate=True),
        Output(ID.RESULT, "children", allow_duplicate=True),
        Output(ID.CHECK, "disabled", allow_duplicate=True),
        Output(ID.COMMIT, "disabled", allow_duplicate=True),
        Output(ID.UPLOAD_CANCEL, "disabled", allow_duplicate=True),
        Input(ID.UPLOAD_CANCEL, "n_clicks"),
        State(ID.UPLOAD_TOKEN, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def cancel(clicks: int | None, stored: dict[str, Any] | None, lang: str) -> tuple[Any, ...]:
        if not clicks:
            raise PreventUpdate
        return cancel_upload(services, stored, lang)

    @app.callback(
        Output(ID.CROSSWALK_TOKEN, "data", allow_duplicate=True),
        Input(ID.UPLOAD_TOKEN, "data"),
        prevent_initial_call=True,
    )
    def forget_crosswalk(_: object) -> None:
        """A new file to import (or none) starts without a crosswalk: one never carries over to another file."""
        return None

    @app.callback(
        Output(ID.CROSSWALK_BLOCK, "hidden"),
        Output(ID.CROSSWALK_INFO, "children"),
        Input(ID.UPLOAD_TOKEN, "data"),
        Input(ID.IMPORT_KIND, "value"),
        Input(ID.CROSSWALK_TOKEN, "data"),
        State(ID.LANGUAGE, "value"),
    )
    def crosswalk(stored: object, kind: str, crosswalk: object, lang: str) -> tuple[bool, Any]:
        return crosswalk_view(services, stored, kind, crosswalk, lang)

    @app.callback(
        Output(ID.REPORT, "children"),
        Output(ID.COMMIT, "disabled"),
        Input(ID.CHECK, "n_clicks"),
        *_IMPORT_FORM,
        State(ID.LANGUAGE, "value"),
        background=True,
        # The bar stripes and moves only while the job runs: done (or stopped) it stands still.
        running=[(Output(ID.CHECK, "disabled"), True, False), *_BAR_RUNNING, *_watched("check")],
        progress=[Output(ID.PROGRESS, "value"), Output(ID.PROGRESS, "label")],
        cancel=[Input(ID.JOB_LOST, "data")],
        prevent_initial_call=True,
    )
    def check(set_progress: Progress, n_clicks: int | None, stored: dict[str, Any] | None, kind: str,
              district: str | None, year: str | None, map_values: list[str], map_ids: list[dict[str, str]],
              name_values: list[str], name_ids: list[dict[str, str]], crosswalk: dict[str, Any] | None,
              match_names: bool | None, lang: str) -> tuple[Any, ...]:  # fmt: skip
        form = ImportForm(kind, district, map_values, map_ids, name_values, name_ids, year, crosswalk,
                          bool(match_names))  # fmt: skip
        return run_job("check", services, beats, set_progress, n_clicks, stored, form, lang)

    @app.callback(
        Output(ID.RESULT, "children"),
        Output(ID.DATASETS_VERSION, "data"),
        Output(ID.COMMIT, "disabled", allow_duplicate=True),
        Output(ID.CHECK, "disabled", allow_duplicate=True),
        Output(ID.UPLOAD_CANCEL, "disabled", allow_duplicate=True),
        Input(ID.COMMIT, "n_clicks"),
        *_IMPORT_FORM,
        State(ID.DATASETS_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        background=True,
        running=[(Output(ID.COMMIT, "disabled"), True, False), *_BAR_RUNNING, *_watched("commit")],
        progress=[Output(ID.PROGRESS, "value"), Output(ID.PROGRESS, "label")],
        cancel=[Input(ID.JOB_LOST, "data")],
        prevent_initial_call=True,
    )
    def commit(set_progress: Progress, n_clicks: int | None, stored: dict[str, Any] | None, kind: str,
               district: str | None, year: str | None, map_values: list[str], map_ids: list[dict[str, str]],
               name_values: list[str], name_ids: list[dict[str, str]], crosswalk: dict[str, Any] | None,
               match_names: bool | None, version: int, lang: str) -> tuple[Any, ...]:  # fmt: skip
        form = ImportForm(kind, district, map_values, map_ids, name_values, name_ids, year, crosswalk,
                          bool(match_names))  # fmt: skip
        return run_job("commit", services, beats, set_progress, n_clicks, stored, form, lang, version)

    app.clientside_callback(
        CLEAR_RESULT_JS,
        Output(ID.RESULT, "children", allow_duplicate=True),
        Input(ID.CHECK, "n_clicks"),
        Input(ID.COMMIT, "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ID.RESULT, "children", allow_duplicate=True),
        Output(ID.CHECK, "disabled", allow_duplicate=True),
        Output(ID.COMMIT, "disabled", allow_duplicate=True),
        Output(ID.UPLOAD_CANCEL, "disabled", allow_duplicate=True),
        Output(ID.PROGRESS, "value", allow_duplicate=True),
        Output(ID.PROGRESS, "label", allow_duplicate=True),
        Output(ID.PROGRESS, "animated", allow_duplicate=True),
        Output(ID.PROGRESS, "striped", allow_duplicate=True),
        Output(ID.JOB_WATCHDOG, "disabled", allow_duplicate=True),
        Output(ID.JOB_LOST, "data"),
        Output(ID.DATASETS_VERSION, "data", allow_duplicate=True),
        Input(ID.JOB_WATCHDOG, "n_intervals"),
        State(ID.JOB_ACTION, "data"),
        State(ID.UPLOAD_TOKEN, "data"),
        State(ID.CHECK, "n_clicks"),
        State(ID.COMMIT, "n_clicks"),
        State(ID.DATASETS_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def watchdog(ticks: int | None, action: str | None, stored: dict[str, Any] | None, check_clicks: int | None,
                 commit_clicks: int | None, version: int, lang: str) -> tuple[Any, ...]:  # fmt: skip
        """A job with no heartbeat for too long is lost: say so, enable the buttons, stop the bar and the polling."""
        clicks = {"check": check_clicks, "commit": commit_clicks}
        return lost_job(services, beats, ticks, action, stored, clicks, version, lang)

    @app.callback(
        Output(ID.DATASETS, "children"),
        Output(ID.IMPORT_DISTRICT, "options"),
        Input(ID.DATASETS_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def refresh_datasets(_: int, lang: str) -> tuple[Any, list[dict[str, str]]]:
        return refreshed_datasets(services, lang)

    @app.callback(
        Output(ID.REMOVE_CONFIRM, "displayed"),
        Output(ID.REMOVE_CONFIRM, "message"),
        Output(ID.REMOVE_TARGET, "data"),
        Input({"type": Pattern.REMOVE_DATASET, "key": ALL}, "n_clicks"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def ask_remove(clicks: list[int | None], lang: str) -> tuple[bool, str, int]:
        return removal_question(services, clicks, ctx.triggered_id, lang)

    @app.callback(
        Output(ID.DATASETS_VERSION, "data", allow_duplicate=True),
        Output(ID.RESULT, "children", allow_duplicate=True),
        Input(ID.REMOVE_CONFIRM, "submit_n_clicks"),
        State(ID.REMOVE_TARGET, "data"),
        State(ID.DATASETS_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
        permission=Permission.REMOVE_IMPORT,
    )
    def remove(submitted: int | None, dataset_id: int | None, version: int, lang: str) -> tuple[int, Any]:
        return remove_dataset(services, submitted, dataset_id, version, lang)

    @app.callback(
        Output(ID.TEMPLATE_DOWNLOAD, "data"),
        Input(ID.TEMPLATE_CSV, "n_clicks"),
        Input(ID.TEMPLATE_XLSX, "n_clicks"),
        Input(ID.TEMPLATE_PUSKESMAS_CSV, "n_clicks"),
        Input(ID.TEMPLATE_PUSKESMAS_XLSX, "n_clicks"),
        Input(ID.TEMPLATE_SCORECARD_CSV, "n_clicks"),
        Input(ID.TEMPLATE_SCORECARD_XLSX, "n_clicks"),
        Input(ID.TEMPLATE_DANA_DESA_CSV, "n_clicks"),
        Input(ID.TEMPLATE_DANA_DESA_XLSX, "n_clicks"),
        prevent_initial_call=True,
    )
    def template(*clicks: int | None) -> Any:
        return template_download(ctx.triggered_id)
