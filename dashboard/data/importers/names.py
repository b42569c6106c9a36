"""Village-name matching: the village (desa/kelurahan) code a name in a file means, or the candidates to ask about.

Files name villages the way their writers spell them: in capitals, with "Kel."/"Desa" in front, in the
old spelling (``Tandjoeng``), with a typo (``BEREBAS`` for Berbas). Matching goes, for each distinct name:

1. a planner's **confirmation** (``confirmed``: raw name -> code) wins;
2. an **exact** match of the normalised name among the villages of the kecamatan the file gives (its
   kecamatan column, else its puskesmas when that names a kecamatan or a village); when the file's context
   names no kecamatan of the district, among all the district's villages. When the normalised name fits
   several villages, the one whose official name begins with the same type words wins ("Kampung Baru"
   and "Baru" are neighbours in several kecamatan; see :func:`type_words`);
3. a saved **alias** (``(district code, name_key) -> code``, remembered from earlier files);
4. a **near** match (``difflib`` ratio on the normalised names): one best candidate at or above
   :data:`NEAR_THRESHOLD` and :data:`NEAR_MARGIN` ahead of the next is *clear*; it is taken only when the
   caller says ``accept_near``, else it is a suggestion to confirm. Villages outside the given kecamatan
   count too, their score multiplied by :data:`OUTSIDE_CONTEXT` (a file's kecamatan is sometimes wrong).

Pure: no I/O. ``villages`` has the standard columns ``code``, ``name``, ``kecamatan_code``,
``kecamatan_name``, ``district_code``.

>>> name_key("Kel. API-API")
'api api'
>>> match_key("Kelurahan Tandjoeng Laoet") == match_key("TANJUNG LAUT")
True
>>> context_key("Puskesmas Bontang Selatan II") == context_key("Kec. Bontang Selatan")
True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
import pandas as pd

from dashboard.data.importers.model import IndicatorBatch, NameSuggestion, Severity

__all__ = [
    "LISTED_ROWS",
    "MAX_CANDIDATES",
    "NEAR_MARGIN",
    "NEAR_THRESHOLD",
    "OUTSIDE_CONTEXT",
    "SUGGESTION_FLOOR",
    "Gazetteer",
    "MatchMethod",
    "NameMatch",
    "ProblemSink",
    "context_key",
    "is_clear",
    "listed_rows",
    "match_key",
    "match_names",
    "name_key",
    "resolve_names",
    "type_words",
    "village_matcher",
]

NEAR_THRESHOLD = 0.85  # a near match at least this similar can be taken without a person...
NEAR_MARGIN = 0.08  # ...when it is this far ahead of the next candidate
SUGGESTION_FLOOR = 0.5  # candidates below this are not worth showing
OUTSIDE_CONTEXT = 0.9  # score factor for a village outside the kecamatan the file gives
MAX_CANDIDATES = 5

# Words in front of a village name that say what it is, not which one.
_VILLAGE_PREFIXES = frozenset({"desa", "kelurahan", "kel", "ds", "kampung", "kp", "gampong", "nagari"})
# Of those, the ones that are part of many official names ("Kampung Baru" beside "Baru"), in one spelling each;
# "Desa"/"Kelurahan" in a file only say what the village is (see :func:`type_words`).
_NAME_TYPE_WORDS = {"kampung": "kampung", "kp": "kampung", "gampong": "gampong", "nagari": "nagari"}
# Words around a kecamatan or puskesmas name.
_CONTEXT_WORDS = frozenset({"kecamatan", "kec", "puskesmas", "pkm", "uptd", "upt", "distrik", "kab", "kota"})
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
          "x": "10"}  # fmt: skip
# Spelling before 1972 (EYD) and common variants, old -> one shared form. "dj" becomes "j", and "j" (old
# spelling of today's "y") then shares one letter with "y", so Djakarta, Jakarta and Yakarta meet.
_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ch", "kh"), ("j", "y"))
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def _words(text: object) -> list[str]:
    if text is None or (isinstance(text, float) and np.isnan(text)) or text is pd.NA:
        return []
    words = _NOT_WORD.sub(" ", str(text).lower()).split()
    return [_ROMAN.get(word, word) for word in words]


def name_key(text: object) -> str:
    """A village name as a readable key: lower case, words only, roman numerals as digits, no "Desa"/"Kel." prefix.

    This is the form aliases are saved under.
    """
    words = _words(text)
    while len(words) > 1 and words[0] in _VILLAGE_PREFIXES:
        words = words[1:]
    return " ".join(words)


def match_key(text: object) -> str:
    """The key names are compared on: :func:`name_key` without spaces, old spelling folded to one form."""
    key = name_key(text).replace(" ", "")
    for old, new in _SPELLING:
        key = key.replace(old, new)
    return key


def type_words(text: object) -> tuple[str, ...]:
    """The type words a name begins with that can be part of an official name (Kampung, Gampong, Nagari).

    "Kampung Baru" and "Baru" are two villages of one kecamatan in several districts; both have the
    :func:`match_key` ``baru``, so these words tell them apart. "Desa"/"Kelurahan" are dropped: a file's
    "Desa Baru" means the official "Baru".

    >>> type_words("Kp. Baru"), type_words("Desa Baru"), type_words("Baru")
    (('kampung',), (), ())
    """
    words = _words(text)
    found: list[str] = []
    while len(words) > 1 and words[0] in _VILLAGE_PREFIXES:
        if words[0] in _NAME_TYPE_WORDS:
            found.append(_NAME_TYPE_WORDS[words[0]])
        words = words[1:]
    return tuple(found)


def context_key(text: object) -> str:
    """A kecamatan or puskesmas name as a key: without "Kecamatan"/"Puskesmas" and a trailing number (I, II, 2)."""
    words = [word for word in _words(text) if word not in _CONTEXT_WORDS]
    while len(words) > 1 and words[-1].isdigit():
        words = words[:-1]
    return match_key(" ".join(words))


class MatchMethod(StrEnum):
    EXACT = "exact"
    CONFIRMED = "confirmed"  # a planner chose the village
    ALIAS = "alias"  # remembered from an earlier file
    NEAR = "near"  # a clear near match, taken because the caller accepts near matches
    SUGGESTED = "suggested"  # near candidates, none taken: a planner must confirm
    AMBIGUOUS = "ambiguous"  # the same name for several villages in the context
    UNMATCHED = "unmatched"  # nothing close enough


@dataclass(frozen=True)
class NameMatch:
    """What one distinct (name, kecamatan, puskesmas) of a file matched; ``code`` is None when nothing was taken."""

    raw_name: str
    context: str | None
    code: str | None
    method: MatchMethod
    candidates: tuple[str, ...] = ()
    scores: tuple[float, ...] = ()
    context_found: bool = True  # False when the file gave a kecamatan that names none of the district's

    @property
    def matched(self) -> bool:
        return self.code is not None


class Gazetteer:
    """The villages to match against, indexed once for many names."""

    def __init__(self, villages: pd.DataFrame) -> None:
        self.codes = villages["code"].astype(str).to_numpy(dtype=object)
        self.keys = [match_key(name) for name in villages["name"].tolist()]
        self.type_words = [type_words(name) for name in villages["name"].tolist()]
        self.kecamatan = villages["kecamatan_code"].astype(str).to_numpy(dtype=object)
        self.districts = villages["district_code"].astype(str).to_numpy(dtype=object)
        self.code_set = frozenset(self.codes.tolist())
        self._by_key: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            self._by_key.setdefault(key, []).append(i)
        self._kecamatan_by_key: dict[str, set[str]] = {}
        for code, name in zip(self.kecamatan.tolist(), villages["kecamatan_name"].tolist(), strict=True):
            self._kecamatan_by_key.setdefault(context_key(name), set()).add(code)

    def __len__(self) -> int:
        return len(self.codes)

    def exact(self, key: str) -> list[int]:
        return self._by_key.get(key, [])

    def kecamatan_of(self, kecamatan: object, puskesmas: object) -> tuple[set[str], bool]:
        """The kecamatan codes the file's context names, and whether a given kecamatan name was found.

        A puskesmas is often named after its kecamatan ("Bontang Selatan I") or its village ("Bontang Lestari").
        """
        given = bool(_words(kecamatan))
        found = self._kecamatan_by_key.get(context_key(kecamatan), set()) if given else set()
        if not found and _words(puskesmas):
            key = context_key(puskesmas)
            found = self._kecamatan_by_key.get(key, set()) or {self.kecamatan[i] for i in self.exact(key)}
        return found, bool(found) or not given

    def scores(self, key: str, inside: np.ndarray, districts: set[str] | None) -> list[tuple[float, int]]:
        """(score, index) of every village at or above :data:`SUGGESTION_FLOOR`, best first."""
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        found: list[tuple[float, int]] = []
        for i, candidate in enumerate(self.keys):
            if districts is not None and self.districts[i] not in districts:
                continue
            factor = 1.0 if inside[i] else OUTSIDE_CONTEXT
            matcher.set_seq1(candidate)
            # The cheap upper bounds first: most villages are nowhere near.
            floor = SUGGESTION_FLOOR / factor
            if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                continue
            score = matcher.ratio() * factor
            if score >= SUGGESTION_FLOOR:
                found.append((round(score, 4), i))
        found.sort(key=lambda item: (-item[0], self.codes[item[1]]))
        return found


def _text(value: object) -> str | None:
    return None if not _words(value) else str(value).strip()


def match_names(
    names: pd.DataFrame,
    villages: pd.DataFrame | Gazetteer,
    aliases: Mapping[tuple[str, str], str] | None = None,
    *,
    accept_near: bool = False,
    confirmed: Mapping[str, str] | None = None,
) -> list[NameMatch]:
    """Match each row of ``names`` (columns ``village`` and, optionally, ``kecamatan``, ``puskesmas``).

    Returns one :class:`NameMatch` per row, in order. Call it with the *distinct* names of a file: it loops
    over names (a district's few hundred), never over a file's rows.
    """
    gazetteer = villages if isinstance(villages, Gazetteer) else Gazetteer(villages)
    chosen: dict[str, str] = {}
    for raw, code in (confirmed or {}).items():
        if code and str(code) in gazetteer.code_set:
            chosen[str(raw)] = str(code)
            chosen.setdefault(name_key(raw), str(code))
    remembered: dict[tuple[str, str], str] = {}
    for (district, name), code in (aliases or {}).items():
        if str(code) in gazetteer.code_set:
            remembered[(str(district), match_key(name))] = str(code)
    empty = pd.Series(pd.NA, index=names.index, dtype=object)
    rows = zip(
        names["village"].tolist(),
        names.get("kecamatan", empty).tolist(),
        names.get("puskesmas", empty).tolist(),
        strict=True,
    )
    return [_match_one(gazetteer, v, k, p, chosen, remembered, accept_near) for v, k, p in rows]


def _match_one(
    gazetteer: Gazetteer,
    village: object,
    kecamatan: object,
    puskesmas: object,
    chosen: Mapping[str, str],
    remembered: Mapping[tuple[str, str], str],
    accept_near: bool,
) -> NameMatch:
    raw = str(village).strip() if village is not None and village is not pd.NA else ""
    context = _text(kecamatan) or _text(puskesmas)
    code = chosen.get(raw) or chosen.get(name_key(raw))
    if code is not None:
        return NameMatch(raw, context, code, MatchMethod.CONFIRMED, (code,), (1.0,))
    kecamatan_codes, context_found = gazetteer.kecamatan_of(kecamatan, puskesmas)
    inside = (
        np.isin(gazetteer.kecamatan, list(kecamatan_codes)) if kecamatan_codes else np.ones(len(gazetteer), dtype=bool)
    )
    key = match_key(raw)
    exact = [i for i in gazetteer.exact(key) if inside[i]] if key else []
    if len(exact) > 1:
        # "Kampung Baru" and "Baru" side by side: the official name with the same type words wins.
        same_type = [i for i in exact if gazetteer.type_words[i] == type_words(raw)]
        exact = same_type or exact
    if len(exact) == 1:
        return NameMatch(raw, context, str(gazetteer.codes[exact[0]]), MatchMethod.EXACT, context_found=context_found)
    if len(exact) > 1:
        codes = tuple(sorted(str(gazetteer.codes[i]) for i in exact))
        return NameMatch(raw, context, None, MatchMethod.AMBIGUOUS, codes, (1.0,) * len(codes), context_found)
    districts = {str(d) for d in gazetteer.districts[inside]} if kecamatan_codes else None
    for district in sorted(districts if districts is not None else set(gazetteer.districts.tolist())):
        code = remembered.get((district, key))
        if code is not None:
            return NameMatch(raw, context, code, MatchMethod.ALIAS, (code,), (1.0,), context_found)
    scored = gazetteer.scores(key, inside, districts) if key else []
    candidates = tuple(str(gazetteer.codes[i]) for _, i in scored[:MAX_CANDIDATES])
    scores = tuple(score for score, _ in scored[:MAX_CANDIDATES])
    if not scored:
        return NameMatch(raw, context, None, MatchMethod.UNMATCHED, context_found=context_found)
    if accept_near and is_clear(scores):
        return NameMatch(raw, context, candidates[0], MatchMethod.NEAR, candidates, scores, context_found)
    return NameMatch(raw, context, None, MatchMethod.SUGGESTED, candidates, scores, context_found)


def is_clear(scores: Sequence[float]) -> bool:
    """Whether the best of these scores (best first) is a near match that may be taken without asking."""
    return bool(scores) and scores[0] >= NEAR_THRESHOLD and (len(scores) == 1 or scores[0] - scores[1] >= NEAR_MARGIN)


def village_matcher(
    villages: pd.DataFrame,
    aliases: Mapping[tuple[str, str], str] | None = None,
    confirmed: Mapping[str, str] | None = None,
    *,
    accept_near: bool = False,
) -> Callable[[pd.DataFrame], pd.Series]:
    """:func:`match_names` as a function of distinct ``village``/``kecamatan`` names returning their codes (NA where
    none was taken): the shape :data:`dashboard.data.importers.eppgbm.VillageMatcher` expects.
    """
    gazetteer = Gazetteer(villages)

    def match(names: pd.DataFrame) -> pd.Series:
        found = match_names(names, gazetteer, aliases, accept_near=accept_near, confirmed=confirmed)
        return pd.Series([m.code for m in found], index=names.index, dtype="string")

    return match


LISTED_ROWS = 10  # file rows named in a problem about a name found in many rows

# Where a name problem goes: (file row, field "village" or "kecamatan", value, key, severity, **params); each importer
# turns the field into its file's column label and keeps the problem its own way.
ProblemSink = Callable[..., None]


def listed_rows(rows: Sequence[int]) -> str:
    """The first :data:`LISTED_ROWS` rows, comma-separated, with an ellipsis when there are more."""
    shown = ", ".join(str(row) for row in rows[:LISTED_ROWS])
    return shown + ("…" if len(rows) > LISTED_ROWS else "")


def resolve_names(
    names: pd.DataFrame,
    rows: npt.ArrayLike,
    villages: pd.DataFrame,
    aliases: Mapping[tuple[str, str], str],
    confirmed: Mapping[str, str],
    batch: IndicatorBatch,
    add: ProblemSink,
    *,
    accept_near: bool,
    skip_unmatched: bool,
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.bool_]]:
    """Village codes of named file rows (None where none was taken) and which rows are skipped as unmatched.

    ``names`` has columns village, kecamatan, puskesmas (None where the file has none), one row per file row in
    ``rows``. Matching runs once per distinct name and context. Into ``batch``: counts by method, suggestions
    and new aliases (near or confirmed matches), the names confirmed; through ``add``: a warning per unknown
    kecamatan, per near match taken and per name skipped, an error per name ambiguous, unconfirmed or unmatched.
    """
    keys = names[["village", "kecamatan", "puskesmas"]].astype(object).fillna("")
    group = keys.groupby(["village", "kecamatan", "puskesmas"], sort=False).ngroup().to_numpy()
    distinct = keys.drop_duplicates().reset_index(drop=True).replace("", None)
    matches = match_names(distinct, Gazetteer(villages), aliases, accept_near=accept_near, confirmed=confirmed)
    rows_of = pd.Series(np.asarray(rows, dtype=np.int64)).groupby(group).agg(lambda r: sorted(set(r)))
    village_names = dict(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))
    codes = np.full(len(distinct), None, dtype=object)
    skip = np.zeros(len(distinct), dtype=bool)
    methods: dict[str, int] = {}
    unknown_contexts: set[str] = set()
    for g, match in enumerate(matches):
        found_rows: list[int] = rows_of.iloc[g]
        n = len(found_rows)
        methods[str(match.method)] = methods.get(str(match.method), 0) + n
        if not match.context_found and match.context and match.context not in unknown_contexts:
            unknown_contexts.add(match.context)
            add(found_rows[0], "kecamatan", match.context, "names.context_unknown", Severity.WARNING)
        if match.code is not None:
            codes[g] = match.code
            if match.method is MatchMethod.ALIAS:
                batch.matched_by_alias += n
            elif match.method in (MatchMethod.NEAR, MatchMethod.CONFIRMED):
                batch.matched_by_near_name += n
                batch.new_aliases[(match.code[:5], name_key(match.raw_name))] = match.code
                if match.method is MatchMethod.CONFIRMED:
                    batch.confirmed.append(NameSuggestion(match.raw_name, match.context, (match.code,), (1.0,),
                                                          tuple(found_rows)))  # fmt: skip
                if match.method is MatchMethod.NEAR:
                    add(found_rows[0], "village", match.raw_name, "names.near_accepted", Severity.WARNING,
                        village=village_names.get(match.code, match.code), code=match.code,
                        score=f"{match.scores[0]:.0%}")  # fmt: skip
            continue
        if match.candidates:
            batch.suggestions.append(
                NameSuggestion(match.raw_name, match.context, match.candidates, match.scores, tuple(found_rows))
            )
        if skip_unmatched:
            skip[g] = True
            add(found_rows[0], "village", match.raw_name, "names.skipped", Severity.WARNING, rows=n,
                listed=listed_rows(found_rows))  # fmt: skip
            continue
        key = {MatchMethod.AMBIGUOUS: "names.ambiguous", MatchMethod.SUGGESTED: "names.unconfirmed"}.get(
            match.method, "names.unmatched"
        )
        described = ", ".join(
            f"{village_names.get(code, code)} ({code}, {score:.0%})"
            for code, score in zip(match.candidates, match.scores, strict=True)
        )
        add(found_rows[0], "village", match.raw_name, key, Severity.ERROR, rows=n, listed=listed_rows(found_rows),
            candidates=described or "-", context=match.context or "-")  # fmt: skip
    batch.extra["names"] = methods
    return codes[group], skip[group]
