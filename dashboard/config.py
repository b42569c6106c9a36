"""Settings from ``DASHBOARD_*`` environment variables, read once when the app is created."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["REPO_ROOT", "Settings"]

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
    min_measured: int = 10
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False

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
            host=get("HOST") or defaults.host,
            port=int(get("PORT") or defaults.port),
            debug=(get("DEBUG") or "").lower() in {"1", "true", "yes"},
        )
