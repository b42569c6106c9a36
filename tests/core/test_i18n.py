"""The translation table and number formats."""

from dashboard.i18n import TEXTS, fmt_int, fmt_number, fmt_percent, t


def test_i18n001_every_string_has_both_languages() -> None:
    missing = [key for key, (indonesian, english) in TEXTS.items() if not indonesian.strip() or not english.strip()]
    assert missing == []


def test_i18n002_numbers_follow_the_language() -> None:
    assert fmt_percent(27.34, "id") == "27,3%"
    assert fmt_percent(27.34, "en") == "27.3%"
    assert fmt_int(12345, "id") == "12.345"
    assert fmt_int(12345, "en") == "12,345"
    assert fmt_number(1234.56, "id", 2) == "1.234,56"
    assert fmt_percent(None, "id") == "—"


def test_i18n003_lookup_formats_parameters() -> None:
    assert t("legend.villages", "id", n=3) == "3 desa"
    assert t("legend.villages", "en", n=3) == "3 villages"
