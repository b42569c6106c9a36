"""Speed under load (issue 17, point 2): 50 signed-in planners replaying the real callbacks against gunicorn.

Starts gunicorn (``app:server``, ``--workers`` x ``--threads``) on a fresh data folder with the demo district on
SQLite (or is pointed at a running deployment with ``--url``), creates a planner account through the command line
(``create-user``; the login rate limit is raised in the server's environment: every simulated user signs in from
127.0.0.1), then runs locust headless for ``--run-time`` seconds (default 60: bounded; traffic only to the loopback).
Each simulated user signs in and opens ``/`` through the router callback as the browser does (``/lokus`` and
``/kesenjangan`` when first needed), then, with ``--think`` seconds between actions, replays the requests Dash's
renderer posts:

- ``map recolour``: a new period or indicator on the main map (the recolour callback),
- ``village profile``: a click on a random village (the profile callback),
- ``lokus recompute``: a criterion's weight changed on /lokus (the lokus map callback),
- ``gaps view``: the gap target, service or view changed on /kesenjangan (the gaps map callback),
- ``page /...``: the router's answer for a page (its layout with the map drawn), now and then.

Payloads are built as the renderer builds them: the callbacks' inputs and states from ``/_dash-dependencies``, their
values from the page the router sent (pattern-matching inputs such as the lokus criteria included), the CSRF token
from its cookie in the ``X-CSRFToken`` header. It prints per request kind p50/p95/p99 (ms), requests and errors,
the think time, the server configuration, and the command to rerun. Asserts nothing.

locust 2.47 imports ``urllib3.util.create_urllib3_context`` (urllib3 2); the venv holds urllib3 1.26 (selenium 4.2
of ``dash[testing]`` keeps it), where the same function lives in ``urllib3.util.ssl_``: the locust process is started
with that name aliased before locust is imported.

Run: ``.venv/bin/python benchmarks/bench_load.py --think 5 [--users 50 --warmup 30 --run-time 60 --workers W
--threads T]`` (default W x T: the deployment's, ``DASHBOARD_WORKERS`` x ``DASHBOARD_THREADS``, 4 x 4 on 2 cores).
The first ``--warmup`` seconds (every user signs in, opens ``/``) are reported apart from the steady state after.

Measured 2026-12-01 on the 2-core machine, nothing else running, demo district on SQLite, 50 users; steady state
(60 s after a 30 s arrival), p50 / p95 in ms; the load generator shares the 2 cores with the server:

=================  ===============  ===============  ===============  ===============  ================
request            before, 2x8, 5s  after, 2x8, 5 s  after, 2x8, 1 s  after, 4x4, 5 s  after, 4x4, 1 s
=================  ===============  ===============  ===============  ===============  ================
map recolour       12000 / 17000    29 / 110         620 / 1300       33 / 190         93 / 420
village profile    20000 / 28000    34 / 72          470 / 970        37 / 80          92 / 390
lokus recompute    12000 / 14000    57 / 160         840 / 1400       57 / 150         160 / 540
gaps view          6900 / 14000     28 / 120         730 / 1300       29 / 170         100 / 430
page /lokus        13000 / 24000    130 / 260        1200 / 2100      130 / 280        390 / 760
page /kesenjangan  13000 / 22000    47 / 120         1100 / 1800      48 / 140         160 / 640
errors             26 of 359        0 of 632         0 of 1847        0 of 617         0 of 2530
=================  ===============  ===============  ===============  ===============  ================

"before": main at ef4c891 (whole 60 s run, arrival included, a profiler beside it). The goals (recolour and profile
p95 <= 300 ms at 5 s think time, <= 1 s at 1 s) are met in the steady state with the deployment's 4 x 4; with
2 x 8 the 1 s case is not (threads of one process wait on one GIL). The arrival is not within them: 50 sign-ins
(Argon2 hashing, by design slow) and 50 first renders in 30 s put p95 at 5-8 s for everything in that window.
What was slow: the village profile regrouped the whole district per indicator and village (now per data version,
dashboard/views/map_page/profile.py); /kesenjangan computed coverage gaps and every village's hover text on each
render and view (kept per data version and period); /lokus computed every criterion to list the available ones.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import secrets
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.ids import ID, Pattern

ROOT = Path(__file__).resolve().parent.parent
USER = "perencana-beban"
DISTRICT = DEMO_DISTRICT_CODE
CORES_NOTE = "load generator shares the 2 cores with the server"
PERCENTILES = {"p50": 0.5, "p95": 0.95, "p99": 0.99}
# A locust process: urllib3 1.26's create_urllib3_context under the name locust 2.47 imports, then locust's own main.
_LOCUST = (
    "from gevent import monkey; monkey.patch_all();"
    "import sys, urllib3.util, urllib3.util.ssl_;"
    "urllib3.util.create_urllib3_context = urllib3.util.ssl_.create_urllib3_context;"
    "from locust.main import main; sys.argv[0] = 'locust'; sys.exit(main())"
)


# --- the simulated user (read by locust: this file is its locustfile) -------------------------------------------


def _walk(
    node: object, found: dict[str, dict[str, Any]], patterns: list[tuple[dict[str, Any], dict[str, Any]]]
) -> None:
    """Every component's props in a Dash layout answer: by string id, and (id, props) for dict ids."""
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and "id" in props:
            if isinstance(props["id"], dict):
                patterns.append((props["id"], props))
            else:
                found[str(props["id"])] = props
        for value in (props if isinstance(props, dict) else node).values():
            _walk(value, found, patterns)
    elif isinstance(node, list):
        for item in node:
            _walk(item, found, patterns)


class Page:
    """What the browser holds after the router drew a page: every component's props, from the router's answer."""

    def __init__(self, answer: dict[str, Any]) -> None:
        self.props: dict[str, dict[str, Any]] = {}
        self.patterns: list[tuple[dict[str, Any], dict[str, Any]]] = []
        _walk(answer, self.props, self.patterns)

    def value(self, item: dict[str, str], overrides: dict[tuple[str, str], Any]) -> Any:
        """The ``{id, property, value}`` (or list of them for a pattern) the renderer sends for ``item``."""
        ident, prop = item["id"], item["property"]
        if ident.startswith("{"):
            wanted = json.loads(ident)
            fixed = {k: v for k, v in wanted.items() if not isinstance(v, list)}
            matches = [(i, p) for i, p in self.patterns if all(i.get(k) == v for k, v in fixed.items())]
            return [
                {"id": i, "property": prop,
                 "value": overrides.get((json.dumps(i, sort_keys=True, separators=(",", ":")), prop), p.get(prop))}
                for i, p in matches
            ]  # fmt: skip
        value = overrides.get((ident, prop), self.props.get(ident, {}).get(prop))
        return {"id": ident, "property": prop, "value": value}


def callback_body(
    spec: dict[str, Any], page: Page, overrides: dict[tuple[str, str], Any], changed: str
) -> dict[str, Any]:
    """The body of one callback request as Dash's renderer posts it (``changed``: "id.property")."""
    output = spec["output"]
    outputs = [
        {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]} for part in output.strip(".").split("...")
    ]
    return {
        "output": output,
        "outputs": outputs if output.startswith("..") else outputs[0],
        "inputs": [page.value(i, overrides) for i in spec["inputs"]],
        "state": [page.value(s, overrides) for s in spec.get("state", [])],
        "changedPropIds": [changed],
    }


def router_body(path: str) -> dict[str, Any]:
    """The router's request for ``path`` (as tests/auth_helpers.router_request builds it)."""
    shown = (ID.PAGE, ID.NAV, "brand-tagline", ID.ACCOUNT)
    return {
        "output": "..." .join(f"{i}.children" for i in shown).join(["..", ".."]),
        "outputs": [{"id": i, "property": "children"} for i in shown],
        "inputs": [{"id": ID.ROUTE, "property": "data", "value": path},
                   {"id": ID.LANGUAGE, "property": "value", "value": "id"}],
        "state": [{"id": ID.MAP_STATE, "property": "data", "value": None}],
        "changedPropIds": [f"{ID.ROUTE}.data"],
    }  # fmt: skip


if "BENCH_USER" in os.environ:  # only in the locust process main() starts: the benchmark never imports locust
    import gevent
    from locust import HttpUser, constant, events, task
    from locust.env import Environment

    @events.test_start.add_listener
    def _arrival_then_steady(environment: Environment, **_: Any) -> None:
        """After ``BENCH_WARMUP`` s (the users' arrival: sign-ins, first page opens) keep its figures apart and
        start counting afresh, so the table shows the briefing's steady state and the arrival separately."""

        def split() -> None:
            arrival = {
                name: {"count": entry.num_requests, "errors": entry.num_failures,
                       **{q: entry.get_response_time_percentile(f) for q, f in PERCENTILES.items()}}
                for (name, _method), entry in environment.stats.entries.items()
            }  # fmt: skip
            Path(os.environ["BENCH_ARRIVAL"]).write_text(json.dumps(arrival), encoding="utf-8")
            environment.stats.reset_all()

        gevent.spawn_later(float(os.environ.get("BENCH_WARMUP", "0")), split)

    class Planner(HttpUser):
        """One planner at the briefing: signs in, opens the three pages, then changes things with think time."""

        wait_time = constant(float(os.environ.get("BENCH_THINK", "5")))

        def on_start(self) -> None:
            self.client.get("/login", name="sign in")
            self.client.post("/login", data={"username": os.environ["BENCH_USER"],
                                             "password": os.environ["BENCH_PASSWORD"]}, name="sign in")  # fmt: skip
            self.client.get("/", name="sign in")
            self.client.headers["X-CSRFToken"] = self.client.cookies.get("_csrf_token", "")
            deps = self.client.get("/_dash-dependencies", name="sign in").json()
            self.specs = {d["output"]: d for d in deps}
            # A user opens the main page on arrival and the other two when first going there, as at a briefing.
            self.pages = {"/": self._open("/")}
            self.codes = [str(c) for c in self.pages["/"].props.get(ID.MAP, {}).get("codes") or []]

        def _spec(self, output: str) -> dict[str, Any]:
            return next(spec for key, spec in self.specs.items() if output in key)

        def _post(self, body: dict[str, Any], name: str) -> Any:
            with self.client.post("/_dash-update-component", json=body, name=name, catch_response=True) as answer:
                if answer.status_code not in (200, 204):
                    answer.failure(f"HTTP {answer.status_code}")
                return answer

        def _open(self, path: str) -> Page:
            answer = self._post(router_body(path), f"page {path}")
            return Page(answer.json() if answer.status_code == 200 else {})

        def _page(self, path: str) -> Page:
            """The page as the user has it, opened (the router's request) the first time it is needed."""
            if path not in self.pages:
                self.pages[path] = self._open(path)
            return self.pages[path]

        @task(1)
        def page(self) -> None:
            path = random.choice(["/", "/lokus", "/kesenjangan"])
            self.pages[path] = self._open(path)

        @task(4)
        def recolour(self) -> None:
            page = self.pages["/"]
            if random.random() < 0.5:
                period = random.choice([o["value"] for o in page.props[ID.PERIOD]["options"]])
                change: tuple[str, Any] = (ID.PERIOD, period)
            else:
                indicator = random.choice([o["value"] for o in page.props[ID.INDICATOR]["options"]])
                change = (ID.INDICATOR, indicator)
            body = callback_body(self._spec(f"{ID.MAP}.classes"), page, {(change[0], "value"): change[1]},
                                 f"{change[0]}.value")  # fmt: skip
            self._post(body, "map recolour")

        @task(4)
        def profile(self) -> None:
            code = random.choice(self.codes)
            overrides: dict[Any, Any] = {
                (ID.MAP, "click_code"): code,
                (ID.MAP, "click_timestamp"): int(time.time() * 1000),
            }
            body = callback_body(self._spec(f"{ID.PROFILE}.children"), self.pages["/"], overrides,
                                 f"{ID.MAP}.click_timestamp")  # fmt: skip
            self._post(body, "village profile")

        @task(2)
        def lokus(self) -> None:
            page = self._page("/lokus")
            weights = [i for i, _ in page.patterns if i.get("type") == Pattern.LOKUS_WEIGHT]
            if not weights:
                return
            target = random.choice(weights)
            key = json.dumps(target, sort_keys=True, separators=(",", ":"))
            weight = {(key, "value"): random.choice([0, 1, 2, 3])}
            body = callback_body(self._spec(f"{ID.LOKUS_MAP}.classes"), page, weight, f"{key}.value")
            self._post(body, "lokus recompute")

        @task(2)
        def gaps(self) -> None:
            page = self._page("/kesenjangan")
            choice = random.random()
            if choice < 0.4:
                change: tuple[str, Any] = (ID.GAPS_TARGET, random.choice([80, 90, 95, 99]))
            elif choice < 0.7:
                change = (ID.GAPS_VIEW, random.choice(["gap", "coverage"]))
            else:
                options = page.props.get(ID.GAPS_INDICATOR, {}).get("options") or [{"value": None}]
                change = (ID.GAPS_INDICATOR, random.choice(options)["value"])
            body = callback_body(self._spec(f"{ID.GAPS_MAP}.classes"), page, {(change[0], "value"): change[1]},
                                 f"{change[0]}.value")  # fmt: skip
            self._post(body, "gaps view")


# --- the benchmark: server, account, locust, figures ----------------------------------------------------------


def _wait_until_up(url: str, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/login", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"no answer from {url} within {seconds:.0f} s")


def _create_planner(env: dict[str, str]) -> str:
    password = "Beban-" + secrets.token_urlsafe(12)
    command = [sys.executable, "-m", "dashboard", "create-user", USER, "--role", "perencana", "--wilayah", DISTRICT,
               "--password-stdin"]  # fmt: skip
    subprocess.run(command, input=password + "\n", text=True, env=env, cwd=ROOT, check=True, capture_output=True)
    return password


def _print_table(title: str, rows: list[tuple[str, Any, Any, Any, Any, Any]]) -> None:
    print(f"\n{title}")
    print(f"{'request':22} {'count':>7} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, count, errors, p50, p95, p99 in rows:
        print(f"{name:22} {count!s:>7} {errors!s:>7} {p50!s:>8} {p95!s:>8} {p99!s:>8}")


def _print_figures(prefix: Path, args: argparse.Namespace, config: str) -> None:
    print(f"\n{config}; {args.users} users, think time {args.think:g} s; {CORES_NOTE}")
    arrival_file = Path(f"{prefix}_arrival.json")
    if arrival_file.is_file():
        arrival = json.loads(arrival_file.read_text(encoding="utf-8"))
        _print_table(
            f"arrival: the first {args.warmup} s (every user signs in and opens /)",
            [(n, a["count"], a["errors"], a["p50"], a["p95"], a["p99"]) for n, a in sorted(arrival.items())],
        )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    _print_table(
        f"steady state: the next {args.run_time} s",
        [(r["Name"], r["Request Count"], r["Failure Count"], r["50%"], r["95%"], r["99%"]) for r in rows],
    )
    failures = Path(f"{prefix}_failures.csv")
    if failures.is_file():
        with open(failures, newline="") as handle:
            for row in csv.DictReader(handle):
                print(f"errors: {row['Occurrences']} x {row['Method']} {row['Name']}: {row['Error'][:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--url", help="a running deployment (its planner: --user/--password); default: start gunicorn")
    parser.add_argument("--user", default=USER)
    parser.add_argument("--password")
    deployed = Settings()  # the deployment's own defaults (DASHBOARD_WORKERS, DASHBOARD_THREADS)
    parser.add_argument("--workers", type=int, default=deployed.workers)
    parser.add_argument("--threads", type=int, default=deployed.threads)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--think", type=float, default=5.0, help="seconds between a user's actions")
    parser.add_argument("--run-time", type=int, default=60, help="seconds of load measured after the arrival")
    parser.add_argument("--warmup", type=int, default=30, help="seconds of arrival (sign-ins), reported apart")
    args = parser.parse_args()
    rerun = " ".join(shlex.quote(a) for a in [".venv/bin/python", "benchmarks/bench_load.py", *sys.argv[1:]])
    server = None
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_DATA_DIR": str(Path(folder) / "instance"),
               "DASHBOARD_LOGIN_RATE_LIMIT": "100000 per minute"}  # fmt: skip
        if args.url:
            url, config = args.url.rstrip("/"), f"deployment at {args.url}"
            password = args.password or ""
        else:
            url = f"http://127.0.0.1:{args.port}"
            config = f"gunicorn {args.workers} workers x {args.threads} threads, demo district on SQLite"
            password = _create_planner(env)
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--workers", str(args.workers), "--threads", str(args.threads),
                 "--bind", f"127.0.0.1:{args.port}", "--timeout", "120", "app:server"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
        try:
            _wait_until_up(url)
            prefix = Path(folder) / "load"
            locust_env = {**env, "BENCH_THINK": str(args.think), "BENCH_USER": args.user, "BENCH_PASSWORD": password,
                          "BENCH_WARMUP": str(args.warmup), "BENCH_ARRIVAL": f"{prefix}_arrival.json"}  # fmt: skip
            subprocess.run(
                [sys.executable, "-c", _LOCUST, "-f", __file__, "--headless", "--host", url, "-u", str(args.users),
                 "-r", str(args.spawn_rate), "--run-time", f"{args.warmup + args.run_time}s", "--csv", str(prefix),
                 "--only-summary", "--stop-timeout", "10"],
                env=locust_env, cwd=ROOT, check=False, timeout=args.warmup + args.run_time + 180,
            )  # fmt: skip
            _print_figures(prefix, args, config)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
    print(f"rerun: {rerun}")


if __name__ == "__main__":
    main()
