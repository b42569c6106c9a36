"""The indicator catalogue: every figure Lokus knows, with its labels, kind, direction and target.

An *indicator* is always a ratio of counts, stored as a numerator and a denominator per village per
period, so that any aggregate (kecamatan, district) is the sum of numerators over the sum of
denominators, never an average of percentages. *Prevalensi* indicators (outcomes) are better when
lower; *cakupan* indicators (coverage of an intervention) are better when higher.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "CATALOGUE",
    "MAX_CHILDREN",
    "MAX_RUPIAH",
    "MAX_SERVICES",
    "STUNTING",
    "Counted",
    "Direction",
    "Indicator",
    "Kind",
    "coverage_indicators",
    "get_indicator",
]


# More children (or households) than any village, or any Indonesian district, has: the bound of a count.
MAX_CHILDREN = 10_000_000
# Services due in one quarter: 10 services for every target of the largest district, with room to spare.
MAX_SERVICES = 100_000_000
# Rupiah of one village's Dana Desa in a year (a few billion): ten trillion is a typo, not a budget.
MAX_RUPIAH = 10_000_000_000_000


class Kind(StrEnum):
    OUTCOME = "outcome"
    COVERAGE = "coverage"


class Counted(StrEnum):
    """What an indicator's denominator counts. Only rates of children fall under ``DASHBOARD_MIN_MEASURED``
    (a coverage of 0 of 2 children says nothing); households, families and yes/no village facts do not."""

    CHILDREN = "children"
    HOUSEHOLDS = "households"
    FAMILIES = "families"
    VILLAGE = "village"  # a yes/no fact about the village, stored as 1/1 or 0/1
    SERVICES = "services"  # services due to the 1,000-day targets (Scorecard Konvergensi Desa)
    CADRES = "cadres"  # posyandu cadres
    RUPIAH = "rupiah"  # money (Dana Desa): sums of rupiah, never people


class Direction(StrEnum):
    LOWER_IS_BETTER = "lower"
    HIGHER_IS_BETTER = "higher"


@dataclass(frozen=True)
class Indicator:
    """One catalogue entry; ``target`` is in percent, in the indicator's own direction.

    ``max_count`` is the largest numerator or denominator a village can hold for it: anything above is a
    typo or a broken file and is refused on import. Every entry today counts children, newborns,
    households or families, all bounded by :data:`MAX_CHILDREN`; money and other units get bounds of
    their own when they enter the catalogue.
    """

    key: str
    label_id: str
    label_en: str
    kind: Kind
    direction: Direction
    target: float | None
    numerator_id: str
    numerator_en: str
    denominator_id: str
    denominator_en: str
    unit: str = "%"
    max_count: float = MAX_CHILDREN
    counted: Counted = Counted.CHILDREN
    desa_only: bool = False  # only a desa has it (Dana Desa): a kelurahan is never "missing" from its figures

    @property
    def about_children(self) -> bool:
        """True when the denominator counts children (or newborns): a rate the minimum measured applies to."""
        return self.counted is Counted.CHILDREN

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id

    def numerator_label(self, lang: str) -> str:
        return self.numerator_en if lang == "en" else self.numerator_id

    def denominator_label(self, lang: str) -> str:
        return self.denominator_en if lang == "en" else self.denominator_id


def _outcome(key: str, lid: str, len_: str, nid: str, nen: str, target: float | None) -> Indicator:
    return Indicator(
        key, lid, len_, Kind.OUTCOME, Direction.LOWER_IS_BETTER, target,
        nid, nen, "balita diukur PB/TB", "children measured (length/height)",
    )  # fmt: skip


def _coverage(key: str, lid: str, len_: str, target: float | None, nid: str, nen: str, did: str, den: str,
              counted: Counted = Counted.CHILDREN, max_count: float = MAX_CHILDREN,
              desa_only: bool = False) -> Indicator:  # fmt: skip
    return Indicator(key, lid, len_, Kind.COVERAGE, Direction.HIGHER_IS_BETTER, target, nid, nen, did, den,
                     counted=counted, max_count=max_count, desa_only=desa_only)  # fmt: skip


def _convergence(key: str, lid: str, len_: str, group_id: str, group_en: str) -> Indicator:
    """A convergence level of the Scorecard Konvergensi Desa: services received over services due
    (Kemendesa PDTT, *Panduan Fasilitasi Konvergensi Pencegahan Stunting di Desa*, 2018), per quarter."""
    return _coverage(key, lid, len_, 100.0, f"layanan diterima {group_id}".strip(),
                     f"services received {group_en}".strip(), f"layanan seharusnya {group_id}".strip(),
                     f"services due {group_en}".strip(), Counted.SERVICES, MAX_SERVICES)  # fmt: skip


STUNTING = "stunting"

_ENTRIES = (
    # Outcomes: the denominator is children measured for length/height (Permenkes 2/2020).
    _outcome(STUNTING, "Prevalensi stunting", "Stunting prevalence",
             "balita stunting", "stunted children", 14.0),
    _outcome("stunting_berat", "Prevalensi stunting berat", "Severe stunting prevalence",
             "balita sangat pendek", "severely stunted children", None),
    Indicator("wasting", "Prevalensi wasting", "Wasting prevalence", Kind.OUTCOME, Direction.LOWER_IS_BETTER,
              7.0, "balita wasting", "wasted children", "balita ditimbang dan diukur",
              "children weighed and measured"),
    Indicator("underweight", "Prevalensi underweight", "Underweight prevalence", Kind.OUTCOME,
              Direction.LOWER_IS_BETTER, 10.0, "balita underweight", "underweight children",
              "balita ditimbang", "children weighed"),
    # Coverage of interventions: numerator over the target population of that intervention.
    _coverage("pengukuran", "Cakupan pengukuran PB/TB", "Length/height measurement coverage", 90.0,
              "balita diukur PB/TB", "children measured", "sasaran balita", "target children"),
    _coverage("penimbangan", "Cakupan penimbangan (D/S)", "Weighing coverage (D/S)", 90.0,
              "balita ditimbang", "children weighed", "sasaran balita", "target children"),
    _coverage("buku_kia", "Balita memiliki buku KIA", "Children with a KIA book", 90.0,
              "balita punya buku KIA", "children with a KIA book", "balita bulan ini", "children this month"),
    _coverage("imd", "Inisiasi menyusu dini (IMD)", "Early initiation of breastfeeding", 80.0,
              "bayi mendapat IMD", "newborns with early breastfeeding", "bayi baru lahir", "newborns"),
    _coverage("asi_eksklusif", "ASI eksklusif", "Exclusive breastfeeding", 80.0,
              "bayi ASI eksklusif", "infants exclusively breastfed", "bayi 0-5 bulan", "infants 0-5 months"),
    _coverage("mp_asi", "MP-ASI baik (6-23 bulan)", "Adequate complementary feeding (6-23 months)", 80.0,
              "anak MP-ASI baik", "children with adequate feeding", "anak 6-23 bulan diwawancara",
              "children 6-23 months interviewed"),
    _coverage("vitamin_a", "Vitamin A (6-59 bulan)", "Vitamin A (6-59 months)", 90.0,
              "balita mendapat vitamin A", "children given vitamin A", "balita 6-59 bulan",
              "children 6-59 months"),
    _coverage("imunisasi_dasar_lengkap", "Imunisasi dasar lengkap", "Complete basic immunisation", 90.0,
              "bayi imunisasi dasar lengkap", "infants fully immunised", "bayi 12-23 bulan",
              "infants 12-23 months"),
    _coverage("air_minum_layak", "Akses air minum layak", "Access to safe drinking water", 100.0,
              "rumah tangga air minum layak", "households with safe water", "rumah tangga", "households",
              Counted.HOUSEHOLDS),
    _coverage("sanitasi_layak", "Akses sanitasi layak", "Access to adequate sanitation", 90.0,
              "rumah tangga sanitasi layak", "households with adequate sanitation", "rumah tangga",
              "households", Counted.HOUSEHOLDS),
    _coverage("pendampingan_krs", "KRS didampingi TPK",
              "Families at risk of stunting accompanied by the TPK", 90.0,
              "keluarga berisiko didampingi", "families at risk accompanied", "keluarga berisiko stunting",
              "families at risk of stunting", Counted.FAMILIES),
    # BKKBN's Pendataan Keluarga: families at risk of stunting (KRS) among the families recorded.
    Indicator("keluarga_berisiko_stunting", "Keluarga berisiko stunting (KRS)", "Families at risk of stunting",
              Kind.OUTCOME, Direction.LOWER_IS_BETTER, None, "keluarga berisiko stunting",
              "families at risk of stunting", "keluarga terdata", "families recorded", counted=Counted.FAMILIES),
    # Scorecard Konvergensi Desa (filled by the KPM each quarter): services received / services due.
    _convergence("konvergensi_desa", "Tingkat konvergensi desa", "Village convergence level", "", ""),
    _convergence("konvergensi_ibu_hamil", "Konvergensi layanan ibu hamil", "Convergence: pregnant women",
                 "ibu hamil", "(pregnant women)"),
    _convergence("konvergensi_baduta", "Konvergensi layanan anak 0-23 bulan", "Convergence: children 0-23 months",
                 "anak 0-23 bulan", "(children 0-23 months)"),
    _convergence("konvergensi_paud", "Konvergensi layanan PAUD anak 2-6 tahun",
                 "Convergence: early education, children 2-6 years", "anak 2-6 tahun", "(children 2-6 years)"),
    # Aksi 5: the village's human-development cadre (KPM), a yes/no fact (1/1 active, 0/1 not), and trained cadres.
    _coverage("kpm_aktif", "KPM aktif", "Active village cadre (KPM)", 100.0, "KPM ditetapkan dan aktif",
              "KPM appointed and active", "desa", "village", Counted.VILLAGE, 1),
    _coverage("kader_terlatih", "Kader posyandu terlatih", "Trained posyandu cadres", 100.0,
              "kader posyandu terlatih", "trained posyandu cadres", "kader posyandu", "posyandu cadres",
              Counted.CADRES),
    # Dana Desa for stunting (per village and year): the share of the village fund earmarked, and how much of it
    # was spent. Numerators and denominators are rupiah, so sums over villages are sums of money.
    _coverage("dana_desa_stunting", "Dana Desa untuk stunting", "Village funds for stunting", 20.0,
              "Dana Desa dialokasikan untuk stunting (Rp)", "village funds allocated to stunting (Rp)",
              "Dana Desa (Rp)", "village funds (Rp)", Counted.RUPIAH, MAX_RUPIAH, desa_only=True),
    _coverage("realisasi_dana_desa_stunting", "Realisasi Dana Desa stunting", "Village funds for stunting spent",
              100.0, "Dana Desa stunting terealisasi (Rp)", "spent on stunting (Rp)",
              "Dana Desa dialokasikan untuk stunting (Rp)", "allocated to stunting (Rp)", Counted.RUPIAH,
              MAX_RUPIAH, desa_only=True),
)  # fmt: skip

CATALOGUE: dict[str, Indicator] = {entry.key: entry for entry in _ENTRIES}


def get_indicator(key: str) -> Indicator:
    """The catalogue entry for ``key``; a clear error for an unknown key."""
    try:
        return CATALOGUE[key]
    except KeyError:
        known = ", ".join(sorted(CATALOGUE))
        raise KeyError(f"indikator tidak dikenal: {key!r}; yang dikenal: {known}") from None


def coverage_indicators() -> list[Indicator]:
    return [entry for entry in CATALOGUE.values() if entry.kind is Kind.COVERAGE]
