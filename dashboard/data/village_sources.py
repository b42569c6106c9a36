"""Which dataset each current observation of a district's villages came from: the origins the village profile names."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from dashboard.data import schema
from dashboard.data.store import Store

__all__ = ["observation_datasets"]

_VILLAGE_CODE = 13  # PP.KK.CC.DDDD


def observation_datasets(store: Store, district_code: str) -> pd.DataFrame:
    """``code, period, indicator, dataset_id`` of every key of the district's villages, the dataset whose value is
    current (the latest import wins, as :meth:`~dashboard.data.store.Store.observations` decides).

    The caller checks the reader's area first: this reads the database as it is.
    """
    o = schema.observations
    query = (
        sa.select(o.c.code, o.c.period, o.c.indicator, sa.func.max(o.c.dataset_id).label("dataset_id"))
        .where(o.c.code >= f"{district_code}.", o.c.code < f"{district_code}/",
               sa.func.length(o.c.code) == _VILLAGE_CODE)
        .group_by(o.c.code, o.c.period, o.c.indicator)
    )  # fmt: skip
    with store._read() as conn:
        rows = [tuple(row) for row in conn.execute(query)]
    frame = pd.DataFrame.from_records(rows, columns=["code", "period", "indicator", "dataset_id"])
    return frame.astype({"code": str, "period": str, "indicator": str, "dataset_id": "int64"})
