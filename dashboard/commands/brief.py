"""``python -m dashboard brief --wilayah KODE [--periode P] [--bahasa id|en] OUT.pdf|OUT.png [--user ADMIN]``.

Writes the one-page brief (A4 landscape) of a district, the same page the app offers for download: the headline
the main page shows, the maps, the rankings and the year's lokus desa (final, or the latest draft marked DRAF).
For administrators: ``--user`` must name an admin account (without it, the operating-system user, who has shell
access to the server and so is one). Exit 0 written, 1 refused or nothing to brief on, 2 bad arguments or an
unknown account. The file appears whole or not at all.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from dashboard.auth.commandline import cli_actor
from dashboard.auth.roles import Role
from dashboard.cli import account_refused
from dashboard.config import Settings
from dashboard.core.codes import try_normalise_code
from dashboard.core.periods import PeriodError, parse_period
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.store import Store
from dashboard.i18n import LANGUAGES, fmt_number, t
from dashboard.services import Services

NAME = "brief"
HELP = "Ringkasan satu halaman (PDF/PNG) satu kabupaten/kota: --wilayah KODE [--periode P] BERKAS.pdf|BERKAS.png"

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wilayah", metavar="KODE", required=True, help="kabupaten/kota code, e.g. 52.03")
    parser.add_argument("--periode", metavar="P", help="period, e.g. 2025-08 (default: as the main page opens)")
    parser.add_argument("--bahasa", choices=[str(lang) for lang in LANGUAGES], help="language (default: settings)")
    parser.add_argument("--user", help="the administrator account")
    parser.add_argument("out", metavar="BERKAS", help="output file, .pdf or .png")


def _write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so no half-written file remains."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(descriptor, 0o644)  # a report to share, not mkstemp's private 0600
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    from dashboard.brief.content import BriefError, brief_content
    from dashboard.brief.page import brief_pdf
    from dashboard.brief.pdf import page_png

    settings = Settings.from_env()
    lang = args.bahasa or settings.language
    out = Path(args.out)
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("pdf", "png"):
        print(t("brief.cli.suffix", lang, path=out), file=sys.stderr)
        return 2
    district = try_normalise_code(args.wilayah)
    if district is None or len(district.split(".")) != 2:
        print(t("store.cli.bad_district", lang, value=args.wilayah), file=sys.stderr)
        return 2
    try:
        period = None if args.periode is None else parse_period(args.periode)
    except PeriodError as error:
        print(str(error), file=sys.stderr)
        return 2
    started = time.perf_counter()
    with Store.open(settings=settings) as store:
        try:
            actor = cli_actor(Accounts(store), args.user)
        except AccountError as error:
            return account_refused(error, lang, status=2)
        if actor.role is not Role.ADMIN:
            print(t("brief.cli.not_admin", lang, name=actor.username, role=actor.role), file=sys.stderr)
            return 1
        store.ensure_demo(settings.geodata_dir)  # as the app does on start: the demo answers on a fresh machine
        services = Services.from_store(settings, store)
        try:
            content = brief_content(services, district, period, lang)
        except BriefError as error:
            print(t(error.key, lang, **error.params), file=sys.stderr)
            return 1
        pdf = brief_pdf(content).pdf
    data = pdf if kind == "pdf" else page_png(pdf, dpi=200)
    _write_whole(out, data)
    seconds = time.perf_counter() - started
    print(
        t(
            "brief.cli.written",
            lang,
            path=out,
            size=fmt_number(len(data) / 1024, lang, 0),
            seconds=fmt_number(seconds, lang, 1),
        )
    )
    return 0
