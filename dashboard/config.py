"""Settings from ``DASHBOARD_*`` environment variables, read once when the app is created."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["REPO_ROOT", "Settings", "default_workers"]

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Everything an operator can set; see the README's configuration table."""

    data_dir: Path = REPO_ROOT / "instance"
    database_url: str | None = None
    geodata_dir: Path = REPO_ROOT / "geodata"
    language: str = "id"
    map_style: str = "white-bg"
    tile_url: str | None = None
    tile_attribution: str = ""
    min_measured: int = 10  # children measured below which a village rate is unreliable (and missing for ranking)
    min_completeness: float = 80.0  # percent of villages reporting for a period to be opened by default
    # Small-number protection of published figures: a denominator below this hides the count and the rate.
    public_min_denominator: int = 10
    public_licence: str = "CC BY 4.0"  # the open-data licence every public download states
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False
    secret_key: str | None = None  # None: generated once into <data dir>/secret_key, shared by every worker
    https: bool = False  # session cookie marked Secure, HSTS sent
    session_hours: float = 8.0  # a sign-in lasts this long without activity
    max_upload_mb: int = 200  # file bytes accepted by the upload route
    max_callback_mb: int = 4  # a callback request carries choices, never files
    upload_ttl_hours: float = 24.0  # an upload not imported is deleted after this
    personal_upload_ttl_hours: float = 1.0  # the same for e-PPGBM files (names, NIK, birth dates)
    login_rate_limit: str = "10 per minute;50 per hour"  # per address, flask-limiter syntax
    rate_limit_storage: str = "memory://"  # e.g. redis://localhost:6379/1 when several app servers share one
    trusted_proxies: int = 0  # reverse proxies in front of the app whose X-Forwarded-For is believed
    # Memory each app process may spend on caches of prepared maps and district data (MiB; a third for GeoJSON):
    # with the default a process opening every district of Indonesia stays under 500 MB (benchmarks/bench_memory.py).
    cache_mb: int = 64
    # Seconds a write waits for another writer (SQLite's busy timeout, PostgreSQL's lock_timeout) before the
    # import is refused with "the database is busy, try again" and nothing written:
    db_lock_timeout: float = 30.0
    log_format: str = "json"  # one JSON object a line for a log collector; "text" for a person at a terminal
    # Dash's background callbacks (checking and committing imports): None runs them in a process of this machine
    # through a disk cache (DiskcacheManager); a broker URL (redis://host:6379/0) sends them to a Celery worker
    # (``celery -A dashboard.worker worker``) shared by several app servers.
    celery_broker: str | None = None
    celery_backend: str | None = None  # where results and progress wait; None: the broker
    workers: int = field(default_factory=lambda: default_workers(os.cpu_count()))  # gunicorn processes
    # gunicorn threads per process: a slow page render does not hold up a recolour, but more threads fight over one
    # GIL. 50 users at 1 s think time on 2 cores (benchmarks/bench_load.py): 4 processes x 4 threads p95 420 ms for a
    # recolour, 2 x 8 1,300 ms, 5 x 8 630 ms with long tails.
    threads: int = 4

    @property
    def effective_celery_backend(self) -> str | None:
        """Where Celery keeps results and progress: the configured backend, else the broker (None without Celery)."""
        if not self.celery_broker:
            return None
        return self.celery_backend or self.celery_broker

    @property
    def effective_database_url(self) -> str:
        """The configured URL, else a SQLite file under the data dir (the embedded default)."""
        return self.database_url or f"sqlite:///{self.data_dir / 'lokus.sqlite'}"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        defaults = cls()

        def get(name: str) -> str | None:
            value = env.get(f"DASHBOARD_{name}")
            return value if value not in (None, "") else None

        return cls(
            data_dir=Path(get("DATA_DIR") or defaults.data_dir),
            database_url=get("DATABASE_URL"),
            geodata_dir=Path(get("GEODATA_DIR") or defaults.geodata_dir),
            language=get("LANGUAGE") or defaults.language,
            map_style=get("MAP_STYLE") or defaults.map_style,
            tile_url=get("TILE_URL"),
            tile_attribution=get("TILE_ATTRIBUTION") or "",
            min_measured=int(get("MIN_MEASURED") or defaults.min_measured),
            min_completeness=float(get("MIN_COMPLETENESS") or defaults.min_completeness),
            public_min_denominator=int(get("PUBLIC_MIN_DENOMINATOR") or defaults.public_min_denominator),
            public_licence=get("PUBLIC_LICENCE") or defaults.public_licence,
            host=get("HOST") or defaults.host,
            port=int(get("PORT") or defaults.port),
            debug=_flag(get("DEBUG")),
            secret_key=get("SECRET_KEY"),
            https=_flag(get("HTTPS")),
            session_hours=float(get("SESSION_HOURS") or defaults.session_hours),
            max_upload_mb=int(get("MAX_UPLOAD_MB") or defaults.max_upload_mb),
            max_callback_mb=int(get("MAX_CALLBACK_MB") or defaults.max_callback_mb),
            upload_ttl_hours=float(get("UPLOAD_TTL_HOURS") or defaults.upload_ttl_hours),
            personal_upload_ttl_hours=float(get("PERSONAL_UPLOAD_TTL_HOURS") or defaults.personal_upload_ttl_hours),
            login_rate_limit=get("LOGIN_RATE_LIMIT") or defaults.login_rate_limit,
            rate_limit_storage=get("RATE_LIMIT_STORAGE") or defaults.rate_limit_storage,
            trusted_proxies=int(get("TRUSTED_PROXIES") or defaults.trusted_proxies),
            cache_mb=int(get("CACHE_MB") or defaults.cache_mb),
            db_lock_timeout=float(get("DB_LOCK_TIMEOUT") or defaults.db_lock_timeout),
            log_format="text" if (get("LOG_FORMAT") or "").strip().lower() == "text" else "json",
            celery_broker=get("CELERY_BROKER"),
            celery_backend=get("CELERY_BACKEND"),
            workers=int(get("WORKERS") or defaults.workers),
            threads=int(get("THREADS") or defaults.threads),
        )


def default_workers(cores: int | None) -> int:
    """gunicorn processes for ``cores`` CPU cores: 2 × cores, at most 8 (gunicorn's *2-4 × cores*, at its low end).

    Parameters
    ----------
    cores : int or None
        CPU cores of the machine (``os.cpu_count()``; None when unknown, counted as 1).

    Returns
    -------
    int
        Between 2 and 8; 4 on the 2-core reference machine, where 4 × 4 threads held 50 users' recolours at p95
        420 ms (5 × 8: 630 ms, page renders' tails 7 s: each process warms its own caches). The cap is memory:
        each process keeps its own caches of prepared maps and district data (``DASHBOARD_CACHE_MB``, under 500 MB
        a process by ``benchmarks/bench_memory.py``), so 8 processes stay under 4 GB. Source: gunicorn's
        documentation, *How Many Workers?* (``2-4 x $(NUM_CORES)``).

    >>> default_workers(2), default_workers(16), default_workers(None)
    (4, 8, 2)
    """
    return min(2 * (cores or 1), 8)


def _flag(value: str | None) -> bool:
    return (value or "").lower() in {"1", "true", "yes"}
