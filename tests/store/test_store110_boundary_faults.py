"""Boundary files as they come from the field (issue 12): BPS codes, GeoJSON without a name, impossible geometry."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from dashboard.data.importers.boundary_files import boundary_preview, prepare_boundary_import
from tests.store.helpers import villages_frame

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "cases"


def _case(name: str) -> Path:
    path = CASES / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def _collection(*, name: bool, crs: bool) -> dict[str, object]:
    """The helper district as a FeatureCollection dict, as json.dump writes it (geojson.io, mapshaper alike)."""
    collection: dict[str, object] = json.loads(villages_frame().to_json(drop_id=True))
    collection.pop("crs", None)
    if name:
        collection["name"] = "desa"
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    return collection


# ------------------------------------------------------------------ 6. GeoJSON without a top-level "name"


@pytest.mark.parametrize(("name", "crs", "indent"), list(itertools.product((True, False), repeat=3)))
def test_store110_geojson_with_or_without_name_and_crs_members(name: bool, crs: bool, indent: bool) -> None:
    content = json.dumps(_collection(name=name, crs=crs), indent=2 if indent else None).encode()
    batch = prepare_boundary_import(content, "desa.geojson")
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert batch.problems == []
    expected = villages_frame()
    assert batch.villages["code"].tolist() == expected["kode"].tolist()
    assert batch.villages["name"].tolist() == expected["nama"].tolist()
    assert batch.villages.geometry.geom_equals_exact(expected.geometry, 1e-9).all()
    rows, column = boundary_preview(content, "desa.geojson")
    assert (len(rows), column) == (6, "kode")


def test_store111_json_dump_file_on_disk_imports(tmp_path: Path) -> None:
    path = tmp_path / "desa.json"
    with path.open("w", encoding="utf-8") as handle:
        json.dump(_collection(name=False, crs=False), handle)
    batch = prepare_boundary_import(path)
    assert batch.ok and len(batch.villages) == 6


def test_store112_case_g1_imports_like_the_same_file_with_a_name() -> None:
    path = _case("g1_geojson_without_name_member.geojson")
    without = prepare_boundary_import(path)
    named = json.loads(path.read_text(encoding="utf-8"))
    named["name"] = "g1"
    with_name = prepare_boundary_import(json.dumps(named).encode(), path.name)
    assert without.ok, [p.message("en") for p in without.problems]
    assert without.villages["code"].tolist() == ["64.74.01.1003", "64.74.01.1006"]
    assert without.villages["name"].tolist() == ["Lok Tuan", "Api-api"]
    assert without.villages.drop(columns="geometry").equals(with_name.villages.drop(columns="geometry"))
    assert without.villages.geometry.geom_equals_exact(with_name.villages.geometry, 0).all()
