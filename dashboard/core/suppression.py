"""Small-number protection of published figures: "<5", "n kecil", complementary suppression and its audit.

Everything the public sees (map, hover, tables, downloads, API) is protected cell by cell, where a
*cell* is one region's count (*pembilang*, e.g. stunted children) and denominator (*penyebut*,
children measured) for one period (*periode*) and indicator (*indikator*) at one level (*tingkat*:
desa, kecamatan or kabupaten).

**Primary suppression**, at every level. A cell whose denominator is below ``min_denominator``
(``DASHBOARD_PUBLIC_MIN_DENOMINATOR``, default 10) shows its count as "n kecil"; otherwise a count
of 1 to 4 (``1 .. min_count - 1``) shows as "<5". Either way its rate is hidden too: a rate times a
published denominator gives the count back. A count of 0 over enough children is shown. The
denominator always stays published.

**Complementary (secondary) suppression.** A kecamatan's count is the sum of its desa, the
kabupaten's the sum of its kecamatan, and both totals are published. One hidden desa in a kecamatan
whose other desa are shown is therefore a subtraction away; so further cells are hidden and shown
as "—": the shown sibling with the smallest count first (then the smallest denominator, then the
code), the parent when no sibling is left. A "<5" that would pin a neighbour (a kecamatan of one
desa with 3 stunted children: the desa *is* the kecamatan) is published as "—" as well.

**The leak definition** (what the audit checks). A reader knows every published figure: the shown
counts, every denominator, and what each hidden cell's label says about it ("<5": 1 to 4; "n kecil"
and "—": 0 to its denominator). For each hidden cell the audit asks how far the published totals
narrow its count *beyond its own label*: it minimises and maximises the count by linear programming
(:func:`scipy.optimize.linprog`, HiGHS) subject to every parent = sum-of-children equation of the
(periode, indikator) group, ``0 <= x <= penyebut`` for every hidden cell, and the label bounds of
every *other* hidden cell. The cell **leaks** when ``upper - lower < min(min_count - 1, penyebut)``
(less 1e-6): the totals pin it to fewer than 5 possible values, or, with fewer than 4 children
measured, to less than its whole range ``0 .. penyebut``. The rule is deliberately strict: it
protects complementary cells too (two hidden desa beside a shown total, one of them "<5", pin the
other to 4 values, so a third is hidden) and does not credit a cell with its own label.

Groups are independent: periods and indicators are never summed, so a group is all cells of one
(periode, indikator), and :func:`protect` guarantees ``audit(protect(cells)) == []``.

References: A. Hundepool, J. Domingo-Ferrer, L. Franconi, S. Giessing, E. Schulte Nordholt,
K. Spicer and P.-P. de Wolf, *Statistical Disclosure Control*, Wiley 2012, ch. 4 (sensitive cells,
primary and secondary cell suppression, protection intervals and the audit of a suppression pattern
by linear programming) and ch. 5 (frequency tables, threshold rules); the small-numbers practice of
public health statistics, e.g. Washington State Department of Health, *Guidelines for Working with
Small Numbers* (2018): suppress small counts, the rates derived from them, and enough further cells
that none can be recalculated by subtraction; Indonesian health reports mark such cells "n kecil".

>>> cells = pd.DataFrame({
...     "periode": "2025-08", "indikator": "stunting",
...     "tingkat": ["kabupaten", "kecamatan", "desa", "desa", "desa", "desa"],
...     "kode": ["99.01", "99.01.01", "99.01.01.2001", "99.01.01.2002", "99.01.01.2003", "99.01.01.2004"],
...     "induk": ["", "99.01", "99.01.01", "99.01.01", "99.01.01", "99.01.01"],
...     "pembilang": [41, 41, 3, 6, 12, 20], "penyebut": [230, 230, 40, 50, 60, 80]})
>>> published = protect(cells)
>>> published["label_pembilang"].tolist()
['41', '41', '<5', '—', '—', '20']
>>> published["prevalensi_publik"].round(1).tolist()
[17.8, 17.8, nan, nan, nan, 25.0]
>>> audit(published)
[]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import cast

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import sparse
from scipy.optimize import linprog

from dashboard.core.codes import Level

__all__ = [
    "COLUMNS",
    "DEFAULT_MIN_COUNT",
    "DEFAULT_MIN_DENOMINATOR",
    "HIDDEN_LABEL",
    "LEVELS",
    "SMALL_DENOMINATOR_LABEL",
    "Leak",
    "Status",
    "audit",
    "protect",
]

DEFAULT_MIN_DENOMINATOR = 10  # ``DASHBOARD_PUBLIC_MIN_DENOMINATOR``: fewer children measured -> "n kecil"
DEFAULT_MIN_COUNT = 5  # counts 1 .. DEFAULT_MIN_COUNT - 1 -> "<5"
LEVELS = (Level.KABUPATEN, Level.KECAMATAN, Level.DESA)  # top down: a cell's induk is one level above it
COLUMNS = ("periode", "indikator", "tingkat", "kode", "induk", "pembilang", "penyebut")
SMALL_DENOMINATOR_LABEL = "n kecil"
HIDDEN_LABEL = "—"

_GROUP = ["periode", "indikator"]
_KEY = ["periode", "indikator", "tingkat", "kode"]
_TOLERANCE = 1e-6
_BATCH = 32  # targets per linear program: two copies of the component each
_TRIALS = 8  # candidate cells an audit leak tries one by one before hiding the first anyway

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


class Status(StrEnum):
    """What is published of a cell's count and rate; the denominator is always published."""

    SHOWN = "tampil"  # count and rate published
    SMALL_COUNT = "kurang_5"  # primary: count 1..4 -> shown as "<5", rate hidden
    SMALL_DENOMINATOR = "n_kecil"  # primary: denominator < min_denominator -> count shown "n kecil", rate hidden
    # Secondary: hidden ("—") so that no other hidden count can be narrowed; also a count of 1..4
    # whose "<5" would narrow a neighbour's.
    COMPLEMENTARY = "disembunyikan"


# Internal codes, the index into _STATUSES.
_SHOWN, _SMALL, _TINY, _HIDDEN = range(4)
_STATUSES = (Status.SHOWN, Status.SMALL_COUNT, Status.SMALL_DENOMINATOR, Status.COMPLEMENTARY)


@dataclass(frozen=True)
class Leak:
    """A hidden cell the published figures pin to ``lower .. upper`` children: fewer values than allowed."""

    periode: str
    indikator: str
    tingkat: str
    kode: str
    lower: float
    upper: float


@dataclass(frozen=True)
class _Tree:
    """The cells of one (periode, indikator) group, sorted by level (top down) then code.

    ``families`` pairs every cell that has published children with their indices, top down;
    ``member_of`` lists, per cell, the families it appears in (as child first, then as parent).
    ``count`` is the true count in :func:`protect`; in :func:`audit` only shown counts are known
    (the others are 0 and never read).
    """

    periode: str
    indikator: str
    tingkat: tuple[str, ...]
    kode: tuple[str, ...]
    count: IntArray
    penyebut: IntArray
    families: tuple[tuple[int, IntArray], ...]
    member_of: tuple[tuple[int, ...], ...]

    def name(self, i: int) -> str:
        return f"{self.tingkat[i]} {self.kode[i]} ({self.periode}, {self.indikator})"

    def cost(self, i: int) -> tuple[int, int, str]:
        """Order of preference for hiding: smallest count, then smallest denominator, then code."""
        return int(self.count[i]), int(self.penyebut[i]), self.kode[i]


# ----------------------------------------------------------------------------------- input


def _row_name(row: pd.Series) -> str:
    return f"{row['tingkat']} {row['kode']} ({row['periode']}, {row['indikator']})"


def _check_keys(frame: pd.DataFrame, required: tuple[str, ...]) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ValueError(f"published cells lack the column(s) {', '.join(missing)}; expected {', '.join(required)}")
    levels = [str(level) for level in LEVELS]
    unknown = ~frame["tingkat"].astype(str).isin(levels)
    if unknown.any():
        row = frame[unknown].iloc[0]
        raise ValueError(f"tingkat {row['tingkat']!r} of {row['kode']} is not one of {', '.join(levels)}")
    duplicated = frame.duplicated(_KEY)
    if duplicated.any():
        row = frame[duplicated].iloc[0]
        raise ValueError(f"{_row_name(row)} appears twice; publish one cell per period, indicator, level and code")


def _whole_numbers(frame: pd.DataFrame, column: str) -> IntArray:
    values = pd.to_numeric(frame[column], errors="coerce").astype(float).to_numpy()
    bad = ~np.isfinite(values) | (values != np.round(values))
    if bad.any():
        row = frame.iloc[int(np.argmax(bad))]
        raise ValueError(f"{column} of {_row_name(row)} is {row[column]!r}, not a whole number")
    return values.astype(np.int64)


def _trees(frame: pd.DataFrame, count: IntArray, penyebut: IntArray) -> Iterator[tuple[IntArray, _Tree]]:
    """Each (periode, indikator) group in order, with the positions of its sorted cells in ``frame``."""
    rank = frame["tingkat"].astype(str).map({str(level): r for r, level in enumerate(LEVELS)}).to_numpy(dtype=int)
    kode = frame["kode"].astype(str).to_numpy()
    induk = frame["induk"].fillna("").astype(str).to_numpy()
    tingkat = frame["tingkat"].astype(str).to_numpy()
    groups: dict[tuple[str, str], IntArray] = {}
    for key, rows in frame.groupby(_GROUP, sort=False).indices.items():
        periode, indikator = cast(tuple[object, object], key)
        groups[str(periode), str(indikator)] = np.asarray(rows, dtype=np.int64)
    for (periode, indikator), rows in sorted(groups.items()):
        positions = rows[np.lexsort((kode[rows], rank[rows]))]
        ranks, codes, parents = rank[positions], kode[positions], induk[positions]
        index = {(int(r), str(k)): i for i, (r, k) in enumerate(zip(ranks, codes, strict=True))}
        children: dict[int, list[int]] = {}
        for i, (r, parent) in enumerate(zip(ranks, parents, strict=True)):
            # A parent that is not published adds no equation: nothing can be subtracted from it.
            p = index.get((int(r) - 1, str(parent)), -1) if r > 0 and parent else -1
            if p >= 0:
                children.setdefault(p, []).append(i)
        families = tuple((p, np.asarray(children[p], dtype=np.int64)) for p in sorted(children))
        member_of: list[list[int]] = [[] for _ in positions]
        for f, (_, kids) in enumerate(families):
            for c in kids:
                member_of[int(c)].append(f)
        for f, (p, _) in enumerate(families):
            member_of[p].append(f)  # after the family it is a child in: families are sorted top down
        yield (
            positions,
            _Tree(
                periode,
                indikator,
                tuple(tingkat[positions]),
                tuple(str(c) for c in codes),
                count[positions],
                penyebut[positions],
                families,
                tuple(tuple(m) for m in member_of),
            ),
        )


def _check_totals(tree: _Tree) -> None:
    for parent, children in tree.families:
        for column, values in (("pembilang", tree.count), ("penyebut", tree.penyebut)):
            below = int(values[children].sum())
            if below != values[parent]:
                raise ValueError(
                    f"{tree.name(parent)}: {column} {values[parent]} is not the sum of the cells below it "
                    f"({below}); a total must be the sum of the cells it covers"
                )


# ----------------------------------------------------------------------------------- ranges


def _label_bounds(tree: _Tree, status: IntArray, min_count: int) -> tuple[FloatArray, FloatArray]:
    """What each cell's publication says of its count: the value when shown, else its label's range."""
    shown, small = status == _SHOWN, status == _SMALL
    low = np.where(shown, tree.count, np.where(small, 1, 0)).astype(float)
    small_high = np.minimum(min_count - 1, tree.penyebut)
    high = np.where(shown, tree.count, np.where(small, small_high, tree.penyebut)).astype(float)
    return low, high


def _needed(tree: _Tree, i: int, min_count: int) -> float:
    """The narrowest range a hidden count may be pinned to: 4 children, or all of 0 .. penyebut below 4."""
    return float(min(min_count - 1, tree.penyebut[i])) - _TOLERANCE


def _family_range(
    tree: _Tree, low: FloatArray, high: FloatArray, family: tuple[int, IntArray], i: int
) -> tuple[float, float]:
    """The range one parent = sum-of-children equation alone leaves for member ``i`` (a relaxation of the LP)."""
    parent, children = family
    if i == parent:
        lower, upper = low[children].sum(), high[children].sum()
    else:
        others = children[children != i]
        lower, upper = low[parent] - high[others].sum(), high[parent] - low[others].sum()
    return max(float(lower), 0.0), min(float(upper), float(tree.penyebut[i]))


def _component(tree: _Tree, status: IntArray, i: int) -> tuple[list[int], list[int]]:
    """The hidden cells linked to ``i`` through equations with hidden members (sorted), and those equations.

    The equations come breadth first from ``i``: its own (as child, then as parent) before its neighbours'.
    """
    cells, families, queue = {i}, list[int](), deque([i])
    while queue:
        for f in tree.member_of[queue.popleft()]:
            if f in families:
                continue
            families.append(f)
            parent, children = tree.families[f]
            for m in (parent, *children.tolist()):
                if status[m] != _SHOWN and m not in cells:
                    cells.add(m)
                    queue.append(m)
    return sorted(cells), families


def _ranges(
    tree: _Tree, status: IntArray, min_count: int, cells: list[int], families: list[int], targets: list[int]
) -> list[tuple[int, float, float]]:
    """``(cell, lower, upper)``: how far the published figures of one component pin each target's count.

    With one equation its interval arithmetic is exact. With more, one linear program per batch of
    targets holds two independent copies of the component per target and minimises
    ``x_target - y_target``: being independent, each copy sits at its own optimum, the target's
    minimum (``x``) or maximum (``y``), so one HiGHS call answers a whole batch.
    """
    low, high = _label_bounds(tree, status, min_count)
    if len(families) == 1:
        family = tree.families[families[0]]
        return [(t, *_family_range(tree, low, high, family, t)) for t in targets]
    column = {c: k for k, c in enumerate(cells)}
    rows: list[int] = []
    columns: list[int] = []
    signs: list[float] = []
    b_eq = np.zeros(len(families))
    for row, f in enumerate(families):
        parent, children = tree.families[f]
        for member, sign in ((parent, -1.0), *((int(c), 1.0) for c in children)):
            if status[member] == _SHOWN:
                b_eq[row] -= sign * tree.count[member]
            else:
                rows.append(row)
                columns.append(column[member])
                signs.append(sign)
    equations = sparse.csr_array((signs, (rows, columns)), shape=(len(families), len(cells)))
    n = len(cells)
    ranges = []
    for first in range(0, len(targets), _BATCH):
        batch = targets[first : first + _BATCH]
        copies = 2 * len(batch)
        lower = np.tile(low[cells], copies)
        upper = np.tile(high[cells], copies)
        objective = np.zeros(copies * n)
        for t, target in enumerate(batch):
            for copy, sign in ((2 * t, 1.0), (2 * t + 1, -1.0)):
                at = copy * n + column[target]
                # A cell's own label is not counted as what the totals say of it.
                lower[at], upper[at], objective[at] = 0.0, float(tree.penyebut[target]), sign
        result = linprog(
            objective,
            A_eq=sparse.kron(sparse.identity(copies), equations, format="csr"),  # block diagonal
            b_eq=np.tile(b_eq, copies),
            bounds=np.column_stack([lower, upper]),
            method="highs",
        )
        if result.status != 0:
            raise ValueError(
                f"the published figures around {tree.name(batch[0])} contradict each other "
                f"(no counts meet the totals within the labels): {result.message}"
            )
        # The equations are a network matrix: optimal counts are whole numbers, up to the solver's tolerance.
        solution = np.round(result.x, 6)
        ranges += [
            (target, float(solution[2 * t * n + column[target]]), float(solution[(2 * t + 1) * n + column[target]]))
            for t, target in enumerate(batch)
        ]
    return ranges


def _lp_range(tree: _Tree, status: IntArray, min_count: int, i: int) -> tuple[float, float]:
    cells, families = _component(tree, status, i)
    if not families:  # nothing to subtract from: the whole 0 .. penyebut
        return 0.0, float(tree.penyebut[i])
    _, lower, upper = _ranges(tree, status, min_count, cells, families, [i])[0]
    return lower, upper


def _tree_leaks(
    tree: _Tree, status: IntArray, min_count: int, *, first: bool = False
) -> list[tuple[int, float, float]]:
    """Every hidden cell of ``tree`` that leaks (the first one only with ``first``), in cell order."""
    leaks: list[tuple[int, float, float]] = []
    done: set[int] = set()
    for i in np.flatnonzero(status != _SHOWN).tolist():
        if i in done:
            continue
        cells, families = _component(tree, status, i)
        done.update(cells)
        if not families:
            continue
        for cell, lower, upper in _ranges(tree, status, min_count, cells, families, cells):
            if upper - lower < _needed(tree, cell, min_count):
                leaks.append((cell, lower, upper))
                if first:
                    return leaks
    return sorted(leaks)


# ----------------------------------------------------------------------------------- protection


def _primary(tree: _Tree, min_denominator: int, min_count: int) -> IntArray:
    """ "n kecil" before "<5": over 7 children, "<5" would say more than "n kecil" does."""
    small_count = (tree.count >= 1) & (tree.count < min_count)
    # No children measured is "n kecil" whatever the minimum: there is no rate to show.
    small_denominator = tree.penyebut < max(min_denominator, 1)
    return np.where(small_denominator, _TINY, np.where(small_count, _SMALL, _SHOWN)).astype(np.int64)


def _family_candidates(tree: _Tree, status: IntArray, family: tuple[int, IntArray], i: int) -> list[int]:
    """Cells whose hiding could widen ``i``'s range in ``family``, best first.

    Shown children by :meth:`_Tree.cost`, then the shown parent; last, the "<5" labels that bound
    the equation (the parent's first: a "<5" total caps every child), to be published as "—".
    """
    parent, children = family
    kids = sorted(children.tolist(), key=tree.cost)
    shown = [c for c in kids if status[c] == _SHOWN]
    if status[parent] == _SHOWN:
        shown.append(parent)
    small = [c for c in (parent, *kids) if c != i and status[c] == _SMALL]
    return shown + small


def _candidates_around(tree: _Tree, status: IntArray, i: int) -> list[int]:
    """:func:`_family_candidates` of the equations of ``i``, then of its hidden neighbours', breadth first."""
    candidates: list[int] = []
    for f in _component(tree, status, i)[1]:
        candidates += [c for c in _family_candidates(tree, status, tree.families[f], i) if c not in candidates]
    return candidates


def _hide_one(status: IntArray, candidates: list[int], leaks: Callable[[IntArray], bool], trials: int) -> None:
    """Hide the first candidate that ends the leak on its own, else the first one: a step towards it."""
    if not candidates:
        raise RuntimeError("a leak with no cell left to hide: the totals are inconsistent")
    for c in candidates[:trials]:
        trial = status.copy()
        trial[c] = _HIDDEN
        if not leaks(trial):
            status[c] = _HIDDEN
            return
    status[candidates[0]] = _HIDDEN


def _family_leaks(tree: _Tree, family: tuple[int, IntArray], i: int, min_count: int, status: IntArray) -> bool:
    lower, upper = _family_range(tree, *_label_bounds(tree, status, min_count), family, i)
    return upper - lower < _needed(tree, i, min_count)


def _first_family_leak(tree: _Tree, family: tuple[int, IntArray], min_count: int, status: IntArray) -> int | None:
    members = (family[0], *family[1].tolist())
    return next((i for i in members if status[i] != _SHOWN and _family_leaks(tree, family, i, min_count, status)), None)


def _lp_leaks(tree: _Tree, i: int, min_count: int, status: IntArray) -> bool:
    lower, upper = _lp_range(tree, status, min_count, i)
    return upper - lower < _needed(tree, i, min_count)


def _settle_families(tree: _Tree, status: IntArray, min_count: int) -> None:
    """Hide cells until no single equation pins a hidden count: cheap, and most of the work."""
    changed = True
    while changed:
        changed = False
        for family in reversed(tree.families):  # bottom up: a desa family may hide its kecamatan
            while (i := _first_family_leak(tree, family, min_count, status)) is not None:
                candidates = _family_candidates(tree, status, family, i)
                _hide_one(status, candidates, partial(_family_leaks, tree, family, i, min_count), len(candidates))
                changed = True


def _protect_tree(tree: _Tree, min_denominator: int, min_count: int) -> IntArray:
    """Primary suppression, then single equations to a fixed point, then the audit, until it finds nothing.

    Every step hides a shown cell or turns a "<5" into "—", so the loop ends: at worst with every cell
    hidden as "—", which no equation can narrow (0 everywhere and a cell at its whole denominator both
    meet the totals).
    """
    status = _primary(tree, min_denominator, min_count)
    while True:
        _settle_families(tree, status, min_count)
        leaks = _tree_leaks(tree, status, min_count, first=True)
        if not leaks:
            return status
        i = leaks[0][0]
        _hide_one(status, _candidates_around(tree, status, i), partial(_lp_leaks, tree, i, min_count), _TRIALS)


def protect(
    cells: pd.DataFrame, *, min_denominator: int = DEFAULT_MIN_DENOMINATOR, min_count: int = DEFAULT_MIN_COUNT
) -> pd.DataFrame:
    """A copy of ``cells`` with what may be published of each, such that :func:`audit` finds no leak.

    Parameters
    ----------
    cells
        One row per published cell, columns :data:`COLUMNS`: ``periode`` and ``indikator`` (str; each
        pair is protected on its own), ``tingkat`` ("desa", "kecamatan" or "kabupaten"), ``kode``,
        ``induk`` (the kode of the cell one level up: a desa's kecamatan, a kecamatan's kabupaten; ""
        for a kabupaten; a parent that is not among the cells adds no equation), ``pembilang`` and
        ``penyebut`` (whole numbers of children). A parent's pembilang and penyebut are the sums of
        its published children's. Other columns are kept.
    min_denominator
        Fewer children measured than this: the count shows as "n kecil".
    min_count
        Counts ``1 .. min_count - 1`` show as "<{min_count}" and must not be narrowed to fewer than
        ``min_count`` values.

    Returns
    -------
    pandas.DataFrame
        ``cells`` (same index and order) plus ``status`` (:class:`Status`), ``pembilang_publik``
        (Int64: the count when shown, else <NA>), ``prevalensi_publik`` (float, percent: when shown,
        else NaN) and ``label_pembilang`` (str: the count's digits, "<5", "n kecil" or "—").
        ``penyebut`` is always published.

    Raises
    ------
    ValueError
        A missing column, an unknown tingkat, a cell listed twice, a count or denominator that is
        negative or not a whole number, a count above its denominator, or a total that is not the
        sum of its children; the message names the first such cell.
    """
    if min_count < 1 or min_denominator < 0:
        raise ValueError(
            f"min_count must be at least 1 and min_denominator at least 0, not {min_count}, {min_denominator}"
        )
    _check_keys(cells, COLUMNS)
    count, penyebut = _whole_numbers(cells, "pembilang"), _whole_numbers(cells, "penyebut")
    for bad, what in (
        (count < 0, "a negative pembilang"),
        (penyebut < 0, "a negative penyebut"),
        (count > penyebut, "a pembilang above its penyebut"),
    ):
        if bad.any():
            row = cells.iloc[int(np.argmax(bad))]
            raise ValueError(f"{_row_name(row)} has {what}: {row['pembilang']} of {row['penyebut']}")
    status = np.zeros(len(cells), dtype=np.int64)
    for positions, tree in _trees(cells, count, penyebut):
        _check_totals(tree)
        status[positions] = _protect_tree(tree, min_denominator, min_count)

    shown = status == _SHOWN
    published = cells.copy()
    published["status"] = pd.Series([_STATUSES[s] for s in status], index=cells.index, dtype=object)
    published["pembilang_publik"] = pd.Series(count, index=cells.index, dtype="Int64").where(shown)
    with np.errstate(divide="ignore", invalid="ignore"):
        published["prevalensi_publik"] = np.where(shown & (penyebut > 0), 100.0 * count / penyebut, np.nan)
    published["label_pembilang"] = np.select(
        [shown, status == _SMALL, status == _TINY],
        [count.astype(str), f"<{min_count}", SMALL_DENOMINATOR_LABEL],
        default=HIDDEN_LABEL,
    ).astype(object)
    return published


# ----------------------------------------------------------------------------------- audit


def audit(protected: pd.DataFrame, *, min_count: int = DEFAULT_MIN_COUNT) -> list[Leak]:
    """Every hidden cell whose count the published figures pin to fewer values than allowed.

    Reads only what a reader sees: ``status``, ``pembilang_publik`` of shown cells, ``penyebut``, and
    the structure (``periode``, ``indikator``, ``tingkat``, ``kode``, ``induk``). The leak definition
    and the linear programs are in the module docstring.

    Returns
    -------
    list of Leak
        Sorted by periode, indikator, level (top down) and code; empty when the publication is safe.

    Raises
    ------
    ValueError
        A missing column, an unknown status, a shown cell without its count, or published figures
        that contradict each other (no counts fit the totals and labels).
    """
    _check_keys(protected, (*_KEY, "induk", "penyebut", "status", "pembilang_publik"))
    codes = {str(s): k for k, s in enumerate(_STATUSES)}
    unknown = ~protected["status"].astype(str).isin(codes)
    if unknown.any():
        raise ValueError(
            f"unknown status {protected.loc[unknown, 'status'].iloc[0]!r}; expected one of {', '.join(codes)}"
        )
    status = np.asarray(protected["status"].astype(str).map(codes), dtype=np.int64)
    public = pd.to_numeric(protected["pembilang_publik"], errors="coerce").astype(float).to_numpy()
    missing = (status == _SHOWN) & ~np.isfinite(public)
    if missing.any():
        row = protected.iloc[int(np.argmax(missing))]
        raise ValueError(f"{_row_name(row)} is shown without a pembilang_publik")
    count = np.where(status == _SHOWN, public, 0.0).astype(np.int64)
    penyebut = _whole_numbers(protected, "penyebut")
    leaks: list[Leak] = []
    for positions, tree in _trees(protected, count, penyebut):
        for i, lower, upper in _tree_leaks(tree, status[positions], min_count):
            leaks.append(Leak(tree.periode, tree.indikator, tree.tingkat[i], tree.kode[i], lower, upper))
    return leaks
