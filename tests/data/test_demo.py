"""The fictional demo district: counts, codes, exact tiling, plausible figures, determinism."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dashboard.config import REPO_ROOT
from dashboard.core.codes import is_kelurahan, normalise_code, parent_of
from dashboard.core.indicators import CATALOGUE, Kind
from dashboard.data.demo import (
    DEFAULT_SEED,
    DEMO_CADRE_FILE,
    DEMO_FUNDS_FILE,
    DEMO_OFFICE_FILES,
    DEMO_PERIODS,
    DEMO_PROGRAMME_FILE,
    DEMO_SCORECARD_FILE,
    generate_demo,
    write_demo,
)
from dashboard.data.source import DEMO_BOUNDARY_FILE, DEMO_DISTRICT_CODE, DEMO_INDICATOR_FILE, DemoSource

GEODATA = REPO_ROOT / "geodata"


@pytest.fixture(scope="module")
def committed() -> gpd.GeoDataFrame:
    return gpd.read_file(GEODATA / DEMO_BOUNDARY_FILE)


@pytest.fixture(scope="module")
def observations() -> pd.DataFrame:
    return pd.read_csv(GEODATA / DEMO_INDICATOR_FILE, dtype={"kode_wilayah": str, "periode": str})


def test_demo001_enough_villages_in_enough_kecamatan(committed: gpd.GeoDataFrame) -> None:
    assert len(committed) >= 250
    assert committed["kode_kec"].nunique() >= 15
    assert committed["kode"].is_unique
    assert committed["nama"].is_unique
    assert set(committed["keterangan"]) == {"data contoh (fiktif)"}


def test_demo002_codes_are_kemendagri_style_under_the_fictional_prefix(committed: gpd.GeoDataFrame) -> None:
    for code, kind, kec in committed[["kode", "jenis", "kode_kec"]].itertuples(index=False):
        assert normalise_code(code.replace(".", "")) == code
        assert code.startswith(DEMO_DISTRICT_CODE + ".")
        assert parent_of(code) == kec
        assert len(code.split(".")[3]) == 4
        assert is_kelurahan(code) == (kind == "Kelurahan")
    assert set(committed["jenis"]) == {"Desa", "Kelurahan"}


def test_demo003_villages_tile_the_district_exactly(committed: gpd.GeoDataFrame) -> None:
    polygons = committed.geometry.to_numpy()
    assert all(p.geom_type == "Polygon" and p.is_valid and not p.is_empty for p in polygons)
    # Edge-matched and non-overlapping: GEOS's own coverage check.
    assert bool(shapely.coverage_is_valid(polygons))
    district = shapely.union_all(polygons)
    # One piece without holes: no gaps anywhere between villages.
    assert district.geom_type == "Polygon"
    assert len(district.interiors) == 0
    assert district.area == pytest.approx(sum(p.area for p in polygons), rel=1e-12)
    # Every village shares a border (a line, not a point) with at least one neighbour.
    tree = shapely.STRtree(polygons)
    for index, polygon in enumerate(polygons):
        neighbours = [j for j in tree.query(polygon, predicate="touches") if j != index]
        assert any(polygon.intersection(polygons[j]).length > 0 for j in neighbours)


def test_demo004_outline_is_irregular_with_a_coastline(committed: gpd.GeoDataFrame) -> None:
    district = shapely.union_all(committed.geometry.to_numpy())
    # Far from a rectangle or a convex blob: bays and headlands.
    assert district.area / district.envelope.area < 0.8
    assert district.area / district.convex_hull.area < 0.97
    # The villages on the outer edge are many (a long, wiggly coast and land border).
    edge = committed[committed.geometry.apply(lambda g: g.intersection(district.exterior).length > 0)]
    assert len(edge) > 40


def test_demo005_three_years_of_february_and_august(observations: pd.DataFrame) -> None:
    periods = sorted(observations["periode"].unique())
    assert periods == list(DEMO_PERIODS)
    assert {p[5:] for p in periods} == {"02", "08"}
    assert len({p[:4] for p in periods}) >= 3


def test_demo006_indicators_cover_outcomes_and_six_interventions(observations: pd.DataFrame) -> None:
    keys = set(observations["indikator"])
    assert keys <= set(CATALOGUE)
    assert {"stunting", "stunting_berat", "pengukuran"} <= keys
    coverage = {k for k in keys if CATALOGUE[k].kind is Kind.COVERAGE and k != "pengukuran"}
    assert len(coverage) >= 6
    assert {"asi_eksklusif", "vitamin_a", "imunisasi_dasar_lengkap", "air_minum_layak", "sanitasi_layak",
            "pendampingan_krs"} <= coverage  # fmt: skip


def test_demo007_counts_are_consistent(observations: pd.DataFrame) -> None:
    assert (observations["pembilang"] >= 0).all()
    assert (observations["pembilang"] <= observations["penyebut"]).all()
    assert not observations.duplicated(["kode_wilayah", "periode", "indikator"]).any()
    wide = observations.pivot_table(
        index=["kode_wilayah", "periode"], columns="indikator", values=["pembilang", "penyebut"]
    )
    # Stunted children are counted among the measured; severe stunting among the stunted.
    assert (wide[("penyebut", "stunting")] == wide[("pembilang", "pengukuran")]).all()
    assert (wide[("pembilang", "stunting_berat")] <= wide[("pembilang", "stunting")]).all()


def test_demo008_prevalence_is_plausible_and_spatially_clustered(
    committed: gpd.GeoDataFrame, observations: pd.DataFrame
) -> None:
    stunting = observations[(observations["indikator"] == "stunting") & (observations["periode"] == "2025-02")]
    prevalence = stunting.set_index("kode_wilayah")["pembilang"] / stunting.set_index("kode_wilayah")["penyebut"]
    assert prevalence.quantile(0.05) > 0.03
    assert prevalence.quantile(0.95) < 0.47
    assert prevalence.max() - prevalence.min() > 0.25
    # Neighbours resemble each other far more than random pairs do (positive spatial autocorrelation).
    villages = committed.set_index("kode").loc[prevalence.index]
    polygons = villages.geometry.to_numpy()
    tree = shapely.STRtree(polygons)
    left, right = tree.query(polygons, predicate="touches")
    values = prevalence.to_numpy()
    neighbour_gap = np.mean(np.abs(values[left] - values[right]))
    rng = np.random.default_rng(0)
    random_gap = np.mean(np.abs(values[rng.permutation(len(values))] - values))
    assert neighbour_gap < 0.6 * random_gap


def test_demo009_a_few_villages_have_no_data_in_the_latest_period(
    committed: gpd.GeoDataFrame, observations: pd.DataFrame
) -> None:
    latest = observations[observations["periode"] == DEMO_PERIODS[-1]]
    missing = set(committed["kode"]) - set(latest["kode_wilayah"])
    assert 1 <= len(missing) <= 10


def test_demo010_same_seed_same_district_other_seed_another() -> None:
    first, again, other = generate_demo(DEFAULT_SEED), generate_demo(DEFAULT_SEED), generate_demo(DEFAULT_SEED + 1)
    pd.testing.assert_frame_equal(first.observations, again.observations)
    assert first.villages["name"].tolist() == again.villages["name"].tolist()
    assert all(a.equals_exact(b, 0) for a, b in zip(first.villages.geometry, again.villages.geometry, strict=True))
    assert not first.observations.equals(other.observations)


def test_demo011_committed_files_are_what_the_generator_writes(tmp_path: Path, committed: gpd.GeoDataFrame) -> None:
    boundaries, indicators = write_demo(tmp_path)
    fresh = gpd.read_file(boundaries)
    assert fresh.drop(columns="geometry").equals(committed.drop(columns="geometry"))
    # Same shapes (vertex order may differ between GEOS builds, so compare normalised geometry).
    for a, b in zip(fresh.geometry, committed.geometry, strict=True):
        assert shapely.normalize(a).equals_exact(shapely.normalize(b), 1e-9)
    assert indicators.read_text() == (GEODATA / DEMO_INDICATOR_FILE).read_text()
    for name in (*DEMO_OFFICE_FILES, DEMO_PROGRAMME_FILE):
        assert (tmp_path / name).read_text() == (GEODATA / name).read_text(), name


def test_demo013_other_offices_figures_are_honest_counts() -> None:
    """The other offices' files: numerators within denominators, the scorecard's village level the sum of its three
    groups, KPM a yes/no fact, Dana Desa only for desa (a kelurahan has none), shares within the fund."""
    region = generate_demo(DEFAULT_SEED)
    frames = pd.concat(region.offices.values(), ignore_index=True)
    assert (frames["pembilang"] <= frames["penyebut"]).all() and (frames["pembilang"] >= 0).all()
    card = region.offices[DEMO_SCORECARD_FILE].pivot_table(
        index=["kode_wilayah", "periode"], columns="indikator", values=["pembilang", "penyebut"], aggfunc="sum"
    )
    for side in ("pembilang", "penyebut"):
        groups = card[side][["konvergensi_ibu_hamil", "konvergensi_baduta", "konvergensi_paud"]].sum(axis=1)
        assert groups.equals(card[side]["konvergensi_desa"])
    assert set(card.index.get_level_values("periode")) == {"2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"}
    kpm = region.offices[DEMO_CADRE_FILE].query("indikator == 'kpm_aktif'")
    assert set(kpm["penyebut"]) == {1} and set(kpm["pembilang"]) == {0, 1}
    funds = region.offices[DEMO_FUNDS_FILE]
    kelurahan = set(region.villages.loc[region.villages["kind"] == "Kelurahan", "code"])
    assert kelurahan and not set(funds["kode_wilayah"]) & kelurahan
    reached = {code for codes in region.programmes["kode_desa"] for code in codes.split(";")}
    assert reached <= set(region.villages["code"]) and len(reached) < len(region.villages)
    assert region.programmes["mitra"].str.contains("(fiktif)", regex=False).all()


def test_demo012_the_app_source_reads_the_committed_district() -> None:
    source = DemoSource(GEODATA)
    [district] = source.districts()
    assert (district.code, district.name, district.is_demo) == (DEMO_DISTRICT_CODE, "Kabupaten Contoh", True)
    villages = source.villages(DEMO_DISTRICT_CODE)
    assert len(villages) >= 250
    assert villages["kecamatan_name"].nunique() >= 15
    assert set(source.observations(DEMO_DISTRICT_CODE)["code"]) <= set(villages["code"])
