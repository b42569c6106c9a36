"""``python -m dashboard summary --wilayah KODE [--periode P] [--banding P] [--json]``: a district's headline.

Prints what the main page shows for the district (the same :class:`~dashboard.core.headline.Headline`,
computed by :meth:`~dashboard.services.Services.headline`): period and completeness, prevalence with
its 95% interval, number stunted, the like-for-like change against the comparison period with the
villages compared, its interval and significance, and the plausibility flags. ``--json`` writes the
stable keys documented in the README. Without ``--periode`` the period is the main page's default:
the latest one reaching ``DASHBOARD_MIN_COMPLETENESS``.
"""

from __future__ import annotations

import argparse
import json
import sys

from dashboard.config import Settings
from dashboard.core.codes import try_normalise_code
from dashboard.core.headline import Headline
from dashboard.core.periods import PeriodError, parse_period
from dashboard.data.store import Store
from dashboard.figures.headline import change_text, completeness_text, flag_text, interval_text
from dashboard.i18n import fmt_int, fmt_percent, t
from dashboard.services import Services

NAME = "summary"
HELP = "Ringkasan utama satu kabupaten/kota, sama dengan halaman utama: --wilayah KODE [--periode P] [--json]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wilayah", metavar="KODE", required=True, help="kabupaten/kota code, e.g. 64.74 or 6474")
    parser.add_argument("--periode", metavar="P", help="period, e.g. 2025-08 (default: as the main page opens)")
    parser.add_argument("--banding", metavar="P", help="comparison period (default: as the main page compares)")
    parser.add_argument("--json", action="store_true", help="machine-readable output (keys in the README)")


def _period(raw: str | None) -> str | None:
    return None if raw is None else parse_period(raw)


def headline_lines(headline: Headline, names: dict[str, tuple[str, str]], lang: str) -> list[str]:
    """The headline as lines of text, in the words of the main page's cards (:mod:`dashboard.figures.headline`)."""
    completeness = completeness_text(headline, lang)
    if not headline.complete:
        completeness += f" [{t('completeness.incomplete', lang)}]"
    reporting = fmt_int(headline.completeness.reporting, lang)
    measured = t("kpi.measured.reporting", lang, measured=fmt_int(headline.denominator, lang), reporting=reporting)
    target = t("kpi.target", lang, target=fmt_percent(headline.target, lang, 0))
    prevalence = [fmt_percent(headline.rate, lang), interval_text(headline, lang), measured, target]
    stunted = [fmt_int(headline.numerator, lang), t("kpi.sum.reporting", lang, reporting=reporting)]
    change = change_text(headline.change, lang)
    lines = [
        completeness,
        f"{t('kpi.prevalence', lang)}: " + "; ".join(part for part in prevalence if part),
        f"{t('kpi.stunted', lang)}: " + "; ".join(stunted),
        f"{t('kpi.change.none', lang)}: " + "; ".join([change.value or "—", *change.lines]),
    ]
    if not headline.flags.empty:
        lines.append("⚠ " + t("flags.title", lang, n=len(headline.flags[["code", "indicator"]].drop_duplicates())))
        for flag in headline.flags.itertuples(index=False):
            code = str(flag.code)
            village, kecamatan = names.get(code, (code, "?"))
            lines.append(f"  - [{code}] {flag_text(flag, village, kecamatan, lang)}")
    return lines


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lang = settings.language
    district = try_normalise_code(args.wilayah)
    if district is None or len(district.split(".")) != 2:
        print(t("store.cli.bad_district", lang, value=args.wilayah), file=sys.stderr)
        return 2
    try:
        period, before = _period(args.periode), _period(args.banding)
    except PeriodError as error:
        print(str(error), file=sys.stderr)
        return 2
    with Store.open(settings=settings) as store:
        store.ensure_demo(settings.geodata_dir)  # as the app does on start: the demo answers on a fresh machine
        services = Services.from_store(settings, store)
        found = {d.code: d for d in services.source.districts()}
        if district not in found:
            print(t("summary.unknown_district", lang, code=district, known=", ".join(found) or "-"), file=sys.stderr)
            return 1
        headline = services.headline(district, period, before)
        villages = services.source.villages(district)
    if headline is None or (period is not None and headline.completeness.reporting == 0 and headline.denominator == 0):
        print(t("summary.no_data", lang, code=district, period=period or "-"), file=sys.stderr)
        return 1
    info = found[district]
    if args.json:
        payload = {"wilayah": district, "nama": info.name, "data_contoh_fiktif": info.is_demo, **headline.as_json()}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    title = f"{info.name} ({district})" + (f" — {t('demo.badge', lang)}" if info.is_demo else "")
    names = {
        str(code): (str(name), str(kecamatan))
        for code, name, kecamatan in villages[["code", "name", "kecamatan_name"]].itertuples(index=False)
    }
    print("\n".join([title, *headline_lines(headline, names, lang)]))
    return 0
