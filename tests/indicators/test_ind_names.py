"""Village-name matching: normalising, context, aliases, near matches, confirmations."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data.importers.names import (
    MatchMethod,
    NameMatch,
    context_key,
    match_key,
    match_names,
    name_key,
    village_matcher,
)
from tests.indicators.helpers import AIR, BATU, DISTRICT, KALI, SUKAMAJU_HIJAU, SUKAMAJU_SARI, TANJUNG, villages


def _one(village: str, kecamatan: str | None = None, puskesmas: str | None = None, **options: object) -> NameMatch:
    names = pd.DataFrame({"village": [village], "kecamatan": [kecamatan], "puskesmas": [puskesmas]})
    return match_names(names, villages(), **options)[0]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kel. API-API", "Api-api"),
        ("DESA  Sukamaju ", "sukamaju"),
        ("Tandjoeng Harapan", "Tanjung Harapan"),  # spelling before 1972: dj -> j, oe -> u
        ("Tjibodas", "Cibodas"),
        ("Djogjakarta", "Yogyakarta"),  # old j is today's y
        ("Lok Tuan", "LOKTUAN"),
        ("Sumber Rejo II", "Sumber Rejo 2"),
    ],
)
def test_ind040_spellings_that_mean_the_same_village(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


def test_ind041_keys() -> None:
    assert name_key("Kel. API-API") == "api api"
    assert name_key("Desa") == "desa"  # a prefix alone is the name
    assert context_key("Puskesmas Bontang Selatan II") == context_key("Kec. Bontang Selatan")


def test_ind042_exact_within_the_kecamatan_the_file_gives() -> None:
    assert _one("SUKAMAJU", "Kec. Lembah Hijau").code == SUKAMAJU_HIJAU
    assert _one("Sukamaju", "MEKAR SARI").code == SUKAMAJU_SARI
    match = _one("KELURAHAN TANDJOENG HARAPAN", "Mekar Sari")
    assert (match.code, match.method) == (TANJUNG, MatchMethod.EXACT)


def test_ind043_puskesmas_named_after_a_kecamatan_or_a_village_gives_the_context() -> None:
    assert _one("Sukamaju", puskesmas="Puskesmas Lembah Hijau II").code == SUKAMAJU_HIJAU
    assert _one("Sukamaju", puskesmas="PKM Air Bening").code == SUKAMAJU_HIJAU


def test_ind044_same_name_without_context_is_ambiguous() -> None:
    match = _one("Sukamaju")
    assert (match.code, match.method) == (None, MatchMethod.AMBIGUOUS)
    assert match.candidates == (SUKAMAJU_SARI, SUKAMAJU_HIJAU)


def test_ind045_unknown_kecamatan_falls_back_to_the_whole_district() -> None:
    match = _one("Kali Jernih", "Kecamatan Entah")
    assert (match.code, match.context_found) == (KALI, False)
    assert _one("Sukamaju", "Kecamatan Entah").method is MatchMethod.AMBIGUOUS


def test_ind046_near_match_is_a_suggestion_unless_accepted() -> None:
    suggested = _one("BATU PUTI", "Mekar Sari")
    assert (suggested.code, suggested.method) == (None, MatchMethod.SUGGESTED)
    assert suggested.candidates[0] == BATU and suggested.scores[0] > 0.9
    accepted = _one("BATU PUTI", "Mekar Sari", accept_near=True)
    assert (accepted.code, accepted.method) == (BATU, MatchMethod.NEAR)


def test_ind047_near_match_outside_the_kecamatan_scores_lower() -> None:
    inside = _one("Air Bening", "Lembah Hijau")
    outside = _one("Air Bening", "Mekar Sari")
    assert inside.method is MatchMethod.EXACT
    assert outside.method is MatchMethod.SUGGESTED and outside.candidates[0] == AIR
    assert outside.scores[0] == pytest.approx(0.9)


def test_ind048_unclear_near_match_is_never_taken() -> None:
    match = _one("Sukamaj", accept_near=True)  # as close to both Sukamaju
    assert match.code is None and len(match.candidates) == 2


def test_ind049_unmatched_alias_and_confirmation() -> None:
    assert _one("Zzzzqq").method is MatchMethod.UNMATCHED
    aliased = _one("Bt. Putih", aliases={(DISTRICT, "bt putih"): BATU})
    assert (aliased.code, aliased.method) == (BATU, MatchMethod.ALIAS)
    confirmed = _one("Zzzzqq", confirmed={"Zzzzqq": AIR})
    assert (confirmed.code, confirmed.method) == (AIR, MatchMethod.CONFIRMED)
    assert _one("Zzzzqq", confirmed={"Zzzzqq": "99.01.09.2009"}).code is None  # not a village: ignored


def test_ind050_village_matcher_has_the_eppgbm_shape() -> None:
    match = village_matcher(villages(), accept_near=True)
    names = pd.DataFrame({"village": ["Sukamaju", "Batu Puti", "Nowhere"], "kecamatan": ["Mekar Sari", None, None]})
    assert match(names).tolist() == [SUKAMAJU_SARI, BATU, pd.NA]


def _neighbours(prefix: str) -> pd.DataFrame:
    """One kecamatan holding "Baru" and "<prefix> Baru", and another "Baru" in a second kecamatan."""
    return pd.DataFrame(
        {
            "code": ["52.03.01.2001", "52.03.01.2002", "52.03.02.2001"],
            "name": ["Baru", f"{prefix} Baru", "Baru"],
            "kecamatan_code": ["52.03.01", "52.03.01", "52.03.02"],
            "kecamatan_name": ["Sakra", "Sakra", "Keruak"],
            "district_code": "52.03",
        }
    )


@pytest.mark.parametrize("prefix", ["Kampung", "Gampong", "Nagari"])
@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Baru", "52.03.01.2001"),
        ("BARU", "52.03.01.2001"),
        ("Desa Baru", "52.03.01.2001"),  # "Desa" says what it is; the official name is "Baru"
        ("Kel. Baru", "52.03.01.2001"),
        ("{prefix} Baru", "52.03.01.2002"),
        ("{PREFIX} BARU", "52.03.01.2002"),
        ("Desa {prefix} Baru", "52.03.01.2002"),
    ],
)
def test_ind051_an_official_name_with_a_type_word_is_not_ambiguous(prefix: str, written: str, expected: str) -> None:
    name = written.format(prefix=prefix, PREFIX=prefix.upper())
    names = pd.DataFrame({"village": [name], "kecamatan": ["Sakra"]})
    [found] = match_names(names, _neighbours(prefix))
    assert (found.code, found.method) == (expected, MatchMethod.EXACT)


def test_ind052_kp_is_kampung_and_without_kecamatan_the_name_stays_ambiguous() -> None:
    names = pd.DataFrame({"village": ["Kp. Baru", "Baru"], "kecamatan": ["Sakra", None]})
    kampung, anywhere = match_names(names, _neighbours("Kampung"))
    assert (kampung.code, kampung.method) == ("52.03.01.2002", MatchMethod.EXACT)
    # Without a kecamatan two official villages are called "Baru": a person must choose.
    assert anywhere.method is MatchMethod.AMBIGUOUS
    assert anywhere.candidates == ("52.03.01.2001", "52.03.02.2001")
