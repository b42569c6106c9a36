"""gunicorn's settings for Lokus from the ``DASHBOARD_*`` variables; ``gunicorn app:server`` reads this file itself.

gunicorn loads ``./gunicorn.conf.py`` from the directory it starts in, so ``gunicorn app:server`` at the top of the
repository listens on ``DASHBOARD_HOST:DASHBOARD_PORT`` with ``DASHBOARD_WORKERS`` processes of
``DASHBOARD_THREADS`` threads (gthread). Options on the command line still win (``-b``, ``-w``).
"""

from dashboard.config import Settings

_settings = Settings.from_env()

bind = f"{_settings.host}:{_settings.port}"
workers = _settings.workers
threads = _settings.threads
worker_class = "gthread"
# Each process builds its own app after the fork: the database engine, its pool, the disk cache and the Celery
# connection are never shared between processes. Preloading would build them once in the master and fork them
# into every worker with live sockets (Store.after_fork is only called by background jobs, not by gunicorn).
preload_app = False
# A worker builds the app before answering (schema check, demo district): on a first start that can take longer
# than gunicorn's 30 s default, and a worker killed for it would start over.
timeout = 120
graceful_timeout = 30
# A planner's next callback comes after seconds of thought on the same connection: with gunicorn's 2 s default the
# server closes idle connections just as clients reuse them (the load benchmark's rare "connection reset"). gthread
# keeps an idle connection in its poller, not in a thread, so a longer wait costs a socket, nothing more.
keepalive = 20
