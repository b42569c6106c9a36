"""Heartbeats of the data page's background jobs (check, commit) and the watchdog that tells a lost job from a slow one.

A background job (Dash's ``background=True`` callback, run by diskcache or Celery) whose process dies leaves the
browser polling a job that will never answer. So each job records that it is alive: a small JSON file per job under
``<data dir>/jobs/`` (the folder every app server of a deployment shares with the database), written when the job
starts, on each progress step and every :data:`HEARTBEAT_S` seconds by a timer thread, and once more when it ends.
The page runs a ``dcc.Interval`` from a job's start (the background callback's ``running=`` outputs switch it on
and reset its count) until the job's last beat says ``done`` or the job is reported lost (Dash ends its polling of
a job whose process died with an empty answer, so the end of polling proves nothing), and its server callback asks
:func:`job_state`: a job whose beat is older than
:data:`LOST_AFTER_S` is lost, and so is one that never beat within :data:`QUEUED_GRACE_S` of being dispatched (a
job waiting for a busy Celery worker has not started yet, so it gets longer). Nothing here depends on the
manager's internals: the job's key is the upload, the action and the button's click count, which the job receives
as arguments and the page holds as state.

Dash's cancel of a lost job (Celery's revoke) does not reach a worker that is down, and the job still queued runs
when the worker comes back. So a lost job is also *abandoned*: the watchdog writes a tombstone for its key
(:meth:`JobBeats.abandon`, in the same shared folder) before it tells the planner that nothing changed, and a job
looks for its tombstone when it starts and again after its ``committing`` beat, right before the write; an abandoned
job writes nothing. Either order is safe: if the job beats between the watchdog's reading of its beat and the
tombstone, the watchdog withdraws its verdict (the job is alive; the tombstone stands, so it stops before its write
unless it had already passed that point, and its answer reaches the page through Dash); otherwise the tombstone
was written before the job's next beat, so before its last look.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = [
    "HEARTBEAT_S",
    "LOCAL_GRACE_S",
    "LOST_AFTER_S",
    "QUEUED_GRACE_S",
    "TOMBSTONE",
    "WATCHDOG_MS",
    "Beat",
    "JobBeats",
    "JobKey",
    "JobState",
    "Pulse",
    "heartbeat",
    "job_state",
]

log = logging.getLogger(__name__)

HEARTBEAT_S = 3.0  # a running job's timer beat
LOST_AFTER_S = 15.0  # no beat for this long: the job's process is gone (the page says so within 15 + 5 s)
QUEUED_GRACE_S = 90.0  # a job that never beat (still queued for a busy Celery worker) is lost only after this long
# A job of this machine's own process pool (Dash's diskcache manager) starts at once: one that never beat is lost
# after this long, so the page says so within 30 s.
LOCAL_GRACE_S = 20.0
WATCHDOG_MS = 5_000  # the page's watchdog tick
_KEPT_S = 24 * 3600.0  # beat files and tombstones older than a day are deleted when a job ends
TOMBSTONE = "abandoned"  # the stage of the tombstone the watchdog leaves for a job it declared lost


class JobState(StrEnum):
    RUNNING = "running"  # beating, or queued and still within its grace
    DONE = "done"  # ended in its own time (its answer reaches the page through Dash)
    GONE = "gone"  # no beat for too long: its process died


@dataclass(frozen=True)
class JobKey:
    """One run of a check or a commit: the upload's id, the action and the button's click count (unique per page)."""

    upload: str
    action: str
    attempt: int

    @property
    def name(self) -> str:
        safe = "".join(ch for ch in self.upload if ch.isalnum() or ch in "-_")[:64]
        return f"{safe}-{self.action}-{self.attempt}"


@dataclass(frozen=True)
class Beat:
    """A job's last sign of life: its stage (``started``, ``committing``, ``committed``, ``done``), when (Unix
    seconds), the process that runs it (for an operator's logs; on Celery, a pid on the worker's machine), and for a
    commit the sha256 of the file it writes (so the watchdog can tell whether the commit finished)."""

    stage: str
    at: float
    sha256: str | None = None
    dataset_id: int | None = None
    pid: int | None = None


class JobBeats:
    """The heartbeat files of one data dir; safe across processes and servers (each write is an atomic rename)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def under(cls, data_dir: Path) -> JobBeats:
        return cls(Path(data_dir) / "jobs")

    def _path(self, key: JobKey) -> Path:
        return self.folder / f"{key.name}.json"

    def _tombstone(self, key: JobKey) -> Path:
        return self.folder / f"{key.name}.{TOMBSTONE}.json"

    def _replace(self, path: Path, beat: Beat) -> None:
        """Write ``beat`` to ``path`` whole or not at all (an atomic rename); :class:`OSError` on a disk error."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp"
        temporary.write_text(json.dumps(asdict(beat)), encoding="utf-8")
        os.replace(temporary, path)

    def write(self, key: JobKey, beat: Beat) -> None:
        """Record ``beat`` for ``key``; a disk error is logged, never raised (a beat must not stop an import)."""
        try:
            self._replace(self._path(key), beat)
        except OSError as error:
            log.warning("job %s: heartbeat not written: %s", key.name, error)

    def read(self, key: JobKey) -> Beat | None:
        """The last beat of ``key``, or ``None`` when the job never beat."""
        return self._load(self._path(key))

    @staticmethod
    def _load(path: Path) -> Beat | None:
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return Beat(**data)

    def abandon(self, key: JobKey) -> None:
        """Leave the tombstone of ``key``: the page declared the job lost, so it must never write when it runs.

        Raises
        ------
        OSError
            When the tombstone cannot be written: the watchdog must not then say that nothing will change.
        """
        self._replace(self._tombstone(key), Beat(TOMBSTONE, time.time(), pid=os.getpid()))

    def abandoned(self, key: JobKey) -> bool:
        """Whether the page declared ``key`` lost (a job that finds so does nothing more)."""
        return self._load(self._tombstone(key)) is not None

    def purge(self, older_than_s: float = _KEPT_S) -> None:
        """Delete beat files older than ``older_than_s`` seconds."""
        limit = time.time() - older_than_s
        for path in self.folder.glob("*.json"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                continue


class Pulse:
    """A running job's heartbeat: :meth:`beat` on each progress step, a timer thread in between."""

    def __init__(self, beats: JobBeats, key: JobKey) -> None:
        self.beats = beats
        self.key = key
        self._last = Beat("started", time.time(), pid=os.getpid())
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{key.name}", daemon=True)

    def beat(self, stage: str | None = None, *, sha256: str | None = None, dataset_id: int | None = None) -> None:
        """Record that the job is alive, optionally entering ``stage`` (facts given before are kept)."""
        with self._lock:
            last = self._last
            self._last = Beat(stage or last.stage, time.time(), sha256 or last.sha256,
                              dataset_id if dataset_id is not None else last.dataset_id, os.getpid())  # fmt: skip
            self.beats.write(self.key, self._last)

    def abandoned(self) -> bool:
        """Whether the page declared this job lost (:meth:`JobBeats.abandon`): it must then write nothing."""
        return self.beats.abandoned(self.key)

    def _run(self) -> None:
        while not self._stop.wait(HEARTBEAT_S):
            self.beat()

    def start(self) -> None:
        self.beat()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=HEARTBEAT_S)
        self.beat("done")
        self.beats.purge()


@contextmanager
def heartbeat(beats: JobBeats, key: JobKey) -> Iterator[Pulse]:
    """Beat for ``key`` while the block runs; the last beat says ``done`` however the block ends."""
    pulse = Pulse(beats, key)
    pulse.start()
    try:
        yield pulse
    finally:
        pulse.stop()


def job_state(
    beat: Beat | None, waited_s: float, now: float | None = None, grace_s: float = QUEUED_GRACE_S
) -> JobState:
    """Whether a job the page has waited ``waited_s`` seconds for still runs.

    Parameters
    ----------
    beat
        The job's last beat (:meth:`JobBeats.read`), ``None`` if it never beat (queued, or died at once).
    waited_s
        Seconds since the page dispatched the job (the watchdog's ticks times its period).
    now
        Unix seconds (default: the clock); beats are compared with it, so app servers' clocks must agree (NTP).
    grace_s
        Seconds a job that never beat may still be waiting to start: :data:`QUEUED_GRACE_S` with a queue (Celery),
        :data:`LOCAL_GRACE_S` when the job runs in this machine's own process pool.

    Returns
    -------
    JobState
        ``DONE`` when its last beat says so; ``GONE`` when the job never beat within ``grace_s`` or
        its last beat is older than :data:`LOST_AFTER_S`; else ``RUNNING``.
    """
    if beat is None:
        return JobState.GONE if waited_s > grace_s else JobState.RUNNING
    if beat.stage == "done":
        return JobState.DONE
    now = time.time() if now is None else now
    return JobState.GONE if now - beat.at > LOST_AFTER_S else JobState.RUNNING
