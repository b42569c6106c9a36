"""The embedded demo district: a fictional "Kabupaten Contoh", generated from a seed.

Nothing here is real. The district sits in the open Banda Sea under code ``99.01`` (no province
uses 99), its villages carry invented names and its figures are drawn at random, so no reader can
mistake them for a real place. The generator is deterministic: the same seed gives the same files,
and `geodata/` holds what :func:`write_demo` wrote with :data:`DEFAULT_SEED`.

How the map is made, on an integer lattice so that shared borders are exact:

1. an irregular land mask with a wavy southern coastline and bays;
2. kecamatan: each lattice cell goes to the nearest kecamatan seed after a smooth domain warp,
   so borders meander but every kecamatan stays in one piece;
3. desa/kelurahan: the same inside each kecamatan with more seeds and a finer warp;
4. cells are unioned per village, the linework is noded and polygonised once, and the whole
   coverage is simplified together (``shapely.coverage_simplify``), so neighbours keep identical
   vertices along their common border: no gaps, no overlaps.

The figures: a smooth "burden" field with a few clusters gives each village a stunting
prevalence between about 5% and 45% that falls slowly over time; coverage of interventions is
lower where burden is high. Counts are binomial draws, so numerators never exceed denominators.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from scipy import ndimage
from shapely.geometry import mapping

__all__ = [
    "DEFAULT_SEED",
    "DEMO_CADRE_FILE",
    "DEMO_FUNDS_FILE",
    "DEMO_KRS_FILE",
    "DEMO_OFFICE_FILES",
    "DEMO_PERIODS",
    "DEMO_PROGRAMME_FILE",
    "DEMO_SCORECARD_FILE",
    "DemoRegion",
    "generate_demo",
    "write_demo",
]

DEFAULT_SEED = 2026
DISTRICT_CODE = "99.01"
DISTRICT_NAME = "Kabupaten Contoh"
FICTIONAL_NOTE = "data contoh (fiktif)"
DEMO_PERIODS = ("2023-02", "2023-08", "2024-02", "2024-08", "2025-02", "2025-08")

# The lattice: cells of 0.0025 degrees (about 280 m) placed over open sea.
_ORIGIN = (127.30, -5.95)
_STEP = 0.0025
_NX, _NY = 240, 180
_KECAMATAN = 16
_VILLAGES = 272
_NO_DATA_LATEST = 5  # villages that did not report in the latest period

_KECAMATAN_NAMES = (
    "Kota Contoh", "Pesisir Utara", "Teluk Damai", "Tanjung Harapan", "Bukit Raya", "Gunung Sari",
    "Lembah Hijau", "Sungai Jernih", "Padang Luas", "Rawa Indah", "Hulu Tenang", "Batu Putih",
    "Air Terang", "Karang Baru", "Sumber Makmur", "Wana Lestari",
)  # fmt: skip
_GLUED_PREFIXES = ("Suka", "Sido", "Wono", "Mekar", "Cinta", "Giri", "Tirta", "Purwo")
_SPACED_PREFIXES = (
    "Karang", "Tanjung", "Sumber", "Tegal", "Batu", "Pasir", "Teluk", "Bukit", "Padang", "Rawa", "Muara", "Air",
)  # fmt: skip
_SUFFIXES = (
    "jaya", "maju", "makmur", "sari", "mulya", "rejo", "asri", "indah", "baru", "lestari", "damai", "raya",
    "permai", "tani", "bahari", "kencana", "wangi", "agung", "harapan", "sejahtera",
)  # fmt: skip

# Coverage indicators: (key, denominator per target child, base coverage, gain per half-year, burden effect)
_COVERAGE = (
    ("penimbangan", 1.00, 0.82, 0.010, 0.20),
    ("buku_kia", 0.95, 0.78, 0.015, 0.25),
    ("imd", 0.10, 0.68, 0.015, 0.30),
    ("asi_eksklusif", 0.10, 0.62, 0.020, 0.35),
    ("mp_asi", 0.35, 0.55, 0.020, 0.35),
    ("vitamin_a", 0.90, 0.84, 0.010, 0.25),
    ("imunisasi_dasar_lengkap", 0.20, 0.76, 0.015, 0.35),
    ("air_minum_layak", 2.80, 0.80, 0.010, 0.40),
    ("sanitasi_layak", 2.80, 0.66, 0.020, 0.45),
    ("pendampingan_krs", 0.35, 0.58, 0.040, 0.30),
)  # fmt: skip


# The other offices' fictional files (issue 18), each in the tidy template and imported as a demo dataset of its own,
# so a village profile shows every source with its own origin: the village scorecard (KPM, quarterly), BKKBN's
# families at risk (yearly), the cadres (Aksi 5) and Dana Desa for stunting (yearly; desa only: a kelurahan has none).
DEMO_SCORECARD_FILE = "kabupaten_contoh_skor_konvergensi.csv"
DEMO_KRS_FILE = "kabupaten_contoh_bkkbn_krs.csv"
DEMO_CADRE_FILE = "kabupaten_contoh_kader_kpm.csv"
DEMO_FUNDS_FILE = "kabupaten_contoh_dana_desa.csv"
DEMO_PROGRAMME_FILE = "kabupaten_contoh_mitra.csv"  # the partners' register, in the register's sheet template
DEMO_OFFICE_FILES = (DEMO_SCORECARD_FILE, DEMO_KRS_FILE, DEMO_CADRE_FILE, DEMO_FUNDS_FILE)
_QUARTERS = ("2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3")
# Scorecard groups: (indicator, services per target, targets per 100 target children, base level, gain per quarter)
_SCORECARD = (
    ("konvergensi_ibu_hamil", 8, 4.0, 0.62, 0.020),
    ("konvergensi_baduta", 10, 9.0, 0.58, 0.025),
    ("konvergensi_paud", 1, 12.0, 0.52, 0.015),
)
_PARTNERS = (
    ("PT Samudra Contoh (fiktif)", "swasta", "Pemberian makanan tambahan lokal"),
    ("Universitas Contoh (fiktif)", "perguruan_tinggi", "KKN tematik stunting dan kelas pengasuhan"),
    ("Radio Suara Contoh (fiktif)", "media", "Siaran gizi keluarga mingguan"),
    ("PKK Kabupaten Contoh (fiktif)", "masyarakat", "Dapur sehat atasi stunting (Dashat)"),
    ("Dinas PUPR Contoh (fiktif)", "pemerintah", "Jamban sehat dan air minum layak"),
)


@dataclass(frozen=True)
class DemoRegion:
    """The generated district: villages (GeoDataFrame-ready records), tidy observations, and the other offices'
    files (``offices``: file name -> tidy frame; ``programmes``: the partners' register as its sheet)."""

    villages: pd.DataFrame  # code, name, kind, kecamatan_code, kecamatan_name, geometry (shapely)
    observations: pd.DataFrame  # kode_wilayah, periode, indikator, pembilang, penyebut
    offices: dict[str, pd.DataFrame] = field(default_factory=dict)
    programmes: pd.DataFrame | None = (
        None  # mitra, sektor, kegiatan, kode_desa, periode_mulai, periode_selesai, anggaran
    )


# ----------------------------------------------------------------------------------- geometry


def _land_mask(rng: np.random.Generator) -> np.ndarray:
    """An irregular district with a wavy southern coast (rows grow southwards) and a few bays."""
    y, x = np.mgrid[0:_NY, 0:_NX].astype(float)
    cx, cy = _NX * 0.5, _NY * 0.45
    angle = np.arctan2(y - cy, (x - cx) * 0.75)
    radius = np.hypot((x - cx) * 0.75, y - cy)
    wobble = sum(rng.uniform(0.03, 0.09) / k**0.6 * np.cos(k * angle + rng.uniform(0, 2 * np.pi)) for k in range(2, 9))
    inland = radius < _NY * 0.47 * (1 + wobble)
    phases = rng.uniform(0, 2 * np.pi, 3)
    coast = (
        _NY * 0.74
        + 6 * np.sin(x / 19 + phases[0])
        + 3.5 * np.sin(x / 7.5 + phases[1])
        + 1.5 * np.sin(x / 3.1 + phases[2])
    )
    land = inland & (y < coast)
    labels, count = ndimage.label(land)
    if count > 1:
        sizes = ndimage.sum(land, labels, index=range(1, count + 1))
        land = labels == (int(np.argmax(sizes)) + 1)
    return np.asarray(ndimage.binary_fill_holes(land), dtype=bool)


def _spread_seeds(rng: np.random.Generator, cells: np.ndarray, count: int, tries: int = 24) -> np.ndarray:
    """``count`` well-spread seeds among ``cells`` (best-candidate sampling)."""
    seeds = [cells[rng.integers(len(cells))]]
    for _ in range(count - 1):
        candidates = cells[rng.integers(len(cells), size=tries)]
        distance = np.min(np.linalg.norm(candidates[:, None, :] - np.asarray(seeds)[None, :, :], axis=2), axis=1)
        seeds.append(candidates[int(np.argmax(distance))])
    return np.asarray(seeds, dtype=float)


def _warp(rng: np.random.Generator, cells: np.ndarray, amplitude: float, wavelength: float) -> np.ndarray:
    """A smooth displacement of the cells: borders of nearest-seed regions meander like real ones."""
    phases = rng.uniform(0, 2 * np.pi, 4)
    x, y = cells[:, 0], cells[:, 1]
    dx = amplitude * (np.sin(y / wavelength + phases[0]) + 0.5 * np.sin((x + y) / (wavelength * 0.45) + phases[1]))
    dy = amplitude * (np.sin(x / wavelength + phases[2]) + 0.5 * np.sin((x - y) / (wavelength * 0.45) + phases[3]))
    return cells + np.column_stack([dx, dy])


def _nearest(points: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    return np.argmin(np.linalg.norm(points[:, None, :] - seeds[None, :, :], axis=2), axis=1)


def _one_piece(grid: np.ndarray, labels: list[int]) -> None:
    """Give every detached fragment of a label to the label that surrounds it most (in place)."""
    for _ in range(10):
        moved = False
        for label in labels:
            parts, count = ndimage.label(grid == label)
            if count <= 1:
                continue
            sizes = ndimage.sum(np.ones_like(parts), parts, index=range(1, count + 1))
            keep = int(np.argmax(sizes)) + 1
            for part in range(1, count + 1):
                if part == keep:
                    continue
                fragment = parts == part
                ring = ndimage.binary_dilation(fragment) & ~fragment & (grid >= 0) & (grid != label)
                neighbours = grid[ring]
                if len(neighbours):
                    grid[fragment] = np.bincount(neighbours).argmax()
                    moved = True
        if not moved:
            return


def _label_cells(rng: np.random.Generator, land: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Kecamatan index and village index per cell (-1 at sea), and the village count per kecamatan."""
    cells = np.argwhere(land)[:, ::-1].astype(float)  # (x, y)
    kec_seeds = _spread_seeds(rng, cells, _KECAMATAN)
    # Kecamatan 0, the town with kelurahan, is the one nearest the coast.
    kec_seeds = kec_seeds[np.argsort(-kec_seeds[:, 1], kind="stable")]
    kecamatan = np.full(land.shape, -1, dtype=int)
    kec_of_cell = _nearest(_warp(rng, cells, 7.0, 14.0), kec_seeds)
    kecamatan[cells[:, 1].astype(int), cells[:, 0].astype(int)] = kec_of_cell
    _one_piece(kecamatan, list(range(_KECAMATAN)))

    # The town on the coast gets small, dense villages; the hills fewer, larger ones.
    sizes = np.bincount(kecamatan[kecamatan >= 0], minlength=_KECAMATAN).astype(float)
    density = np.ones(_KECAMATAN)
    density[0] = 2.2
    share = sizes * density / np.sum(sizes * density)
    counts = np.maximum(8, np.floor(share * _VILLAGES)).astype(int)
    while counts.sum() < _VILLAGES:
        counts[int(np.argmax(share * _VILLAGES - counts))] += 1
    while counts.sum() > _VILLAGES:
        counts[int(np.argmax(counts))] -= 1

    village = np.full(land.shape, -1, dtype=int)
    offset = 0
    for kec in range(_KECAMATAN):
        mine = np.argwhere(kecamatan == kec)[:, ::-1].astype(float)
        seeds = _spread_seeds(rng, mine, int(counts[kec]))
        local = _nearest(_warp(rng, mine, 2.5, 5.0), seeds)
        village[mine[:, 1].astype(int), mine[:, 0].astype(int)] = local + offset
        offset += int(counts[kec])
    for kec in range(_KECAMATAN):
        inside = np.where(kecamatan == kec, village, -1)
        members = sorted(set(np.unique(inside[inside >= 0]).tolist()))
        _one_piece(inside, members)
        village[kecamatan == kec] = inside[kecamatan == kec]
    return kecamatan, village, counts.tolist()


def _polygons(village: np.ndarray, count: int) -> list[shapely.Geometry]:
    """Village polygons on the lattice, noded together and simplified as one coverage."""
    pieces = []
    for index in range(count):
        rows, cols = np.nonzero(village == index)
        pieces.append(shapely.union_all(shapely.box(cols, rows, cols + 1, rows + 1)))
    # Node the borders once, so neighbours share every vertex of their common edge.
    linework = shapely.union_all(shapely.boundary(np.asarray(pieces)))
    faces = np.asarray(shapely.get_parts(shapely.polygonize([linework])))
    points = shapely.point_on_surface(faces)
    owners = np.full(len(faces), -1)
    for index, piece in enumerate(pieces):
        owners[shapely.contains(piece, points)] = index
    noded = [shapely.union_all(faces[owners == index]) for index in range(count)]
    simplified = shapely.coverage_simplify(np.asarray(noded), 1.2)
    scale = np.array([_STEP, -_STEP])
    origin = np.array([_ORIGIN[0], _ORIGIN[1] + _NY * _STEP])
    # Integer lattice to degrees, north up; the same integers always give the same floats.
    return [shapely.transform(polygon, lambda xy: np.round(origin + xy * scale, 6)) for polygon in simplified]


def _village_names(rng: np.random.Generator, count: int) -> list[str]:
    glued = [prefix + suffix for prefix in _GLUED_PREFIXES for suffix in _SUFFIXES]
    spaced = [f"{prefix} {suffix.capitalize()}" for prefix in _SPACED_PREFIXES for suffix in _SUFFIXES]
    pool = sorted(set(glued + spaced))
    return [pool[i] for i in rng.permutation(len(pool))[:count]]


# ----------------------------------------------------------------------------------- figures


def _burden(rng: np.random.Generator, centres: np.ndarray) -> np.ndarray:
    """A smooth field in [0, 1] over the villages' centres: a few high-burden clusters."""
    bumps = _spread_seeds(rng, centres, 5)
    field = np.zeros(len(centres))
    for bump in bumps:
        width = rng.uniform(22, 40)
        field += rng.uniform(0.6, 1.0) * np.exp(-np.sum((centres - bump) ** 2, axis=1) / (2 * width**2))
    field += rng.normal(0, 0.04, len(centres))
    return (field - field.min()) / (field.max() - field.min())


def _observations(
    rng: np.random.Generator, codes: list[str], kelurahan: np.ndarray, burden: np.ndarray
) -> pd.DataFrame:
    n = len(codes)
    target = np.where(kelurahan, rng.integers(350, 1100, n), rng.integers(90, 620, n))
    base_prevalence = np.clip(0.06 + 0.34 * burden + rng.normal(0, 0.025, n), 0.05, 0.43)
    silent = set(rng.choice(n, _NO_DATA_LATEST, replace=False).tolist())
    records: list[tuple[str, str, str, int, int]] = []
    for step, period in enumerate(DEMO_PERIODS):
        grown = np.maximum(10, np.round(target * (1 + 0.01 * step + rng.normal(0, 0.02, n)))).astype(int)
        measured = rng.binomial(grown, np.clip(0.80 - 0.12 * burden + 0.02 * step + rng.normal(0, 0.04, n), 0.5, 0.99))
        prevalence = np.clip(base_prevalence * (1 - 0.045 * step) + rng.normal(0, 0.012, n), 0.04, 0.46)
        stunted = rng.binomial(measured, prevalence)
        severe = rng.binomial(stunted, rng.uniform(0.2, 0.35, n))
        weighed = rng.binomial(measured, 0.98)
        wasted = rng.binomial(weighed, np.clip(0.03 + 0.07 * burden + rng.normal(0, 0.01, n), 0.01, 0.15))
        underweight = rng.binomial(weighed, np.clip(0.6 * prevalence + rng.normal(0, 0.01, n), 0.02, 0.3))
        columns: dict[str, tuple[np.ndarray, np.ndarray]] = {
            "pengukuran": (measured, grown),
            "stunting": (stunted, measured),
            "stunting_berat": (severe, measured),
            "wasting": (wasted, weighed),
            "underweight": (underweight, weighed),
        }
        for key, per_child, base, gain, effect in _COVERAGE:
            denominator = np.maximum(1, np.round(grown * per_child * rng.uniform(0.85, 1.15, n))).astype(int)
            rate = base + gain * step - effect * (burden - 0.5) + rng.normal(0, 0.05, n)
            columns[key] = (rng.binomial(denominator, np.clip(rate, 0.15, 0.99)), denominator)
        for index, code in enumerate(codes):
            if step == len(DEMO_PERIODS) - 1 and index in silent:
                continue
            for key, (numerator, denominator) in columns.items():
                records.append((code, period, key, int(numerator[index]), int(denominator[index])))
    return pd.DataFrame.from_records(records, columns=["kode_wilayah", "periode", "indikator", "pembilang", "penyebut"])


def _tidy(records: list[tuple[str, str, str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=["kode_wilayah", "periode", "indikator", "pembilang", "penyebut"])


def _offices(
    rng: np.random.Generator, codes: list[str], kelurahan: np.ndarray, burden: np.ndarray
) -> dict[str, pd.DataFrame]:
    """The other offices' figures, lower where the burden is high (convergence reaches the hardest villages last)."""
    n = len(codes)
    children = np.where(kelurahan, rng.integers(350, 1100, n), rng.integers(90, 620, n))
    scorecard: list[tuple[str, str, str, int, int]] = []
    for step, quarter in enumerate(_QUARTERS):
        received_all, due_all = np.zeros(n, dtype=int), np.zeros(n, dtype=int)
        for key, services, per_hundred, base, gain in _SCORECARD:
            targets = np.maximum(1, rng.binomial(children, per_hundred / 100))
            due = targets * services
            level = np.clip(base + gain * step - 0.30 * (burden - 0.5) + rng.normal(0, 0.05, n), 0.2, 0.99)
            received = rng.binomial(due, level)
            received_all, due_all = received_all + received, due_all + due
            scorecard += [(c, quarter, key, int(r), int(d)) for c, r, d in zip(codes, received, due, strict=True)]
        scorecard += [(c, quarter, "konvergensi_desa", int(r), int(d))
                      for c, r, d in zip(codes, received_all, due_all, strict=True)]  # fmt: skip
    krs: list[tuple[str, str, str, int, int]] = []
    families = np.maximum(30, np.round(children * rng.uniform(2.4, 3.0, n))).astype(int)
    for step, year in enumerate(("2024", "2025")):
        at_risk = rng.binomial(
            families, np.clip(0.10 + 0.22 * burden - 0.015 * step + rng.normal(0, 0.02, n), 0.03, 0.5)
        )
        krs += [(c, year, "keluarga_berisiko_stunting", int(a), int(f))
                for c, a, f in zip(codes, at_risk, families, strict=True)]  # fmt: skip
    cadres: list[tuple[str, str, str, int, int]] = []
    active = rng.random(n) > np.clip(0.05 + 0.25 * burden, 0, 0.6)  # some villages have no active KPM
    posyandu_cadres = np.maximum(5, np.round(children / 25)).astype(int)
    trained = rng.binomial(posyandu_cadres, np.clip(0.75 - 0.3 * burden + rng.normal(0, 0.05, n), 0.2, 1.0))
    for c, a, t_, k in zip(codes, active, trained, posyandu_cadres, strict=True):
        cadres += [(c, "2025", "kpm_aktif", int(a), 1), (c, "2025", "kader_terlatih", int(t_), int(k))]
    funds: list[tuple[str, str, str, int, int]] = []
    for year in ("2024", "2025"):
        for index in np.flatnonzero(~kelurahan):
            total = int(rng.integers(700, 1600)) * 1_000_000  # Dana Desa: 0.7 to 1.6 billion rupiah
            share = float(np.clip(0.08 + 0.12 * rng.random() - 0.05 * burden[index], 0.02, 0.3))
            allocated = round(total * share / 1_000_000) * 1_000_000
            spent = round(allocated * float(rng.uniform(0.55, 1.0)) / 1_000) * 1_000
            funds.append((codes[index], year, "dana_desa_stunting", allocated, total))
            if allocated:
                funds.append((codes[index], year, "realisasi_dana_desa_stunting", spent, allocated))
    return {DEMO_SCORECARD_FILE: _tidy(scorecard), DEMO_KRS_FILE: _tidy(krs), DEMO_CADRE_FILE: _tidy(cadres),
            DEMO_FUNDS_FILE: _tidy(funds)}  # fmt: skip


def _programmes(rng: np.random.Generator, codes: list[str], burden: np.ndarray) -> pd.DataFrame:
    """A few partners' programmes, each reaching villages around one high-burden place; many villages none."""
    order = np.argsort(-burden)
    rows = []
    for number, (partner, sector, activity) in enumerate(_PARTNERS):
        chosen = sorted(
            codes[i] for i in rng.choice(order[: 40 + 25 * number], int(rng.integers(6, 18)), replace=False)
        )
        rows.append({"mitra": partner, "sektor": sector, "kegiatan": activity, "kode_desa": ";".join(chosen),
                     "periode_mulai": "2025-Q1" if number % 2 else "2025", "periode_selesai": "2025-Q4" if number % 2
                     else "2025", "anggaran": int(rng.integers(5, 60)) * 10_000_000})  # fmt: skip
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------- assembly


def generate_demo(seed: int = DEFAULT_SEED) -> DemoRegion:
    """The whole fictional district for ``seed``: same seed, same villages and figures."""
    rng = np.random.default_rng(seed)
    land = _land_mask(rng)
    kecamatan, village, counts = _label_cells(rng, land)
    polygons = _polygons(village, sum(counts))

    # Kecamatan numbered north-west to south-east, except the coastal town (index 0), always 01.
    centres = np.array([np.argwhere(kecamatan == k).mean(axis=0) for k in range(_KECAMATAN)])  # (row, col)
    order = [0, *sorted(range(1, _KECAMATAN), key=lambda k: (round(centres[k][0] / 30), centres[k][1]))]
    names = _village_names(rng, sum(counts))
    centroids = shapely.centroid(np.asarray(polygons))
    centre_x, centre_y = shapely.get_x(centroids), shapely.get_y(centroids)
    records = []
    first = np.concatenate([[0], np.cumsum(counts)])
    for number, kec in enumerate(order, start=1):
        kec_code = f"{DISTRICT_CODE}.{number:02d}"
        members = list(range(int(first[kec]), int(first[kec + 1])))
        members.sort(key=lambda v: (-float(centre_y[v]), float(centre_x[v])))
        town = kec == 0
        for serial, index in enumerate(members, start=1):
            kelurahan = town and serial <= len(members) - 3  # the town's outskirts are still desa
            code = f"{kec_code}.{1 if kelurahan else 2}{serial:03d}"
            records.append(
                {
                    "code": code,
                    "name": names[index],
                    "kind": "Kelurahan" if kelurahan else "Desa",
                    "kecamatan_code": kec_code,
                    "kecamatan_name": _KECAMATAN_NAMES[number - 1],
                    "geometry": polygons[index],
                }
            )
    villages = pd.DataFrame.from_records(records).sort_values("code", ignore_index=True)
    village_centroids = shapely.centroid(villages["geometry"].to_numpy())
    lattice_centres = np.column_stack([shapely.get_x(village_centroids), shapely.get_y(village_centroids)]) / _STEP
    burden = _burden(rng, lattice_centres)
    kelurahan_mask = villages["kind"].eq("Kelurahan").to_numpy()
    observations = _observations(rng, villages["code"].tolist(), kelurahan_mask, burden)
    # The other offices' files draw from a stream of their own, so adding them left every earlier file unchanged.
    office_rng = np.random.default_rng([seed, 18])
    codes = villages["code"].tolist()
    offices = _offices(office_rng, codes, kelurahan_mask, burden)
    return DemoRegion(villages, observations, offices, _programmes(office_rng, codes, burden))


def _feature(row: pd.Series) -> str:
    properties = {
        "kode": row["code"],
        "nama": row["name"],
        "jenis": row["kind"],
        "kode_kec": row["kecamatan_code"],
        "nama_kec": row["kecamatan_name"],
        "kode_kab": DISTRICT_CODE,
        "nama_kab": DISTRICT_NAME,
        "keterangan": FICTIONAL_NOTE,
    }
    feature = {"type": "Feature", "properties": properties, "geometry": mapping(row["geometry"])}
    return json.dumps(feature, ensure_ascii=False, separators=(",", ":"))


def write_demo(out_dir: Path, seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Write the boundary GeoJSON and the tidy indicator CSV of the demo district into ``out_dir`` (returned), and
    the other offices' files (:data:`DEMO_OFFICE_FILES`, :data:`DEMO_PROGRAMME_FILE`) beside them."""
    from dashboard.data.source import DEMO_BOUNDARY_FILE, DEMO_INDICATOR_FILE

    region = generate_demo(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    boundaries = out_dir / DEMO_BOUNDARY_FILE
    header = (
        '{"type":"FeatureCollection","name":"kabupaten_contoh_desa",'
        f'"keterangan":"{FICTIONAL_NOTE}: dibuat oleh python -m dashboard generate-demo --seed {seed}",'
        '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[\n'
    )
    body = ",\n".join(_feature(row) for _, row in region.villages.iterrows())
    boundaries.write_text(header + body + "\n]}\n", encoding="utf-8")
    indicators = out_dir / DEMO_INDICATOR_FILE
    region.observations.to_csv(indicators, index=False, lineterminator="\n")
    for name, frame in region.offices.items():
        frame.to_csv(out_dir / name, index=False, lineterminator="\n")
    if region.programmes is not None:
        region.programmes.to_csv(out_dir / DEMO_PROGRAMME_FILE, index=False, lineterminator="\n")
    return boundaries, indicators
