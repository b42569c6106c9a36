"""The database schema: current tables for queries, and the ordered migrations that build and upgrade it.

Every database, new or old, is built by the same path: the migrations in :data:`MIGRATIONS`, applied in
order from the version the ``schema_version`` table records. A migration is frozen once released: it
declares its own tables on a private ``MetaData`` and never refers to the current definitions below,
so a later change to a table is a new migration, not an edit. A test checks that the migrated schema
equals :data:`metadata`.

Tables
------
``datasets``      one row per import: kind, file name, sha256 (unique: the same file twice is detected),
                  time (UTC), user, rows read/imported, status, the report (JSON), districts touched
``regions``       desa/kelurahan, kecamatan, kabupaten (and province) outlines: code (text), name, level,
                  parent, district, geometry (WKB, EPSG:4326), boundary version, the dataset that brought it
``districts``     the kabupaten/kota the app lists, with the current boundary version
``observations``  long counts: dataset, region code, period, indicator, numerator, denominator. Codes are
                  text, not a foreign key to regions, so a new boundary version never removes data
``indicators``    the indicator catalogue (seeded from :mod:`dashboard.core.indicators`)
``name_aliases``  a district's village names as files write them, with the village code they mean
``scenarios``     saved lokus desa selections: district, year, name, method, settings (criteria, weights,
                  thresholds, size of the list), villages (code, rank, score, reason), author, times, and
                  whether it is the year's final list (read-only, one per district and year)
``users``         accounts: name, argon2 password hash, role, areas (district or province codes), active,
                  and a session generation that a password change or logout-everywhere increments
``uploads``       files received but not yet imported: a random id (never the content hash), owner,
                  original name, size, sha256, times; the bytes live in ``<data dir>/uploads/<id>``
``audit_log``     who did what, when, from which address: logins (failed too), imports, removals,
                  scenario changes, user changes; never a password, never personal data of children
``estimates``     rate-only figures (survey estimates such as SSGI/SKI, published per kabupaten as a
                  percentage with a 95% interval and no counts): dataset, region code, period, indicator,
                  value, lower and upper bound (percent), source. Apart from ``observations``, whose
                  counts are NOT NULL, so that no sum can ever meet a rate without counts (version 5)
``publications``  snapshots an administrator published for the public: district, title, note, periods,
                  indicators, boundary version, publisher, time, the suppression rule used, and the frozen
                  protected content (gzip JSON) with its sha256; withdrawn ones keep who, when and why
``district_targets`` a district's own stunting target per year (percent) with its source (e.g. RPJMD)
``commitments``   rembuk stunting commitments (Aksi 3): per lokus village of a scenario, the agreed activity,
                  the OPD or partner responsible, funding source, budget (rupiah), target date, status, note,
                  author and times; removed with their scenario (version 6)
``puskesmas``     puskesmas (community health centres) as a reporting unit, per district: code (the Kemenkes
                  code or a district-local one), name, an optional boundary polygon (WKB, EPSG:4326), the
                  dataset that brought it (version 7)
``puskesmas_villages`` the villages each puskesmas serves (district, puskesmas code, village code, dataset).
                  A puskesmas's own figures are observations under a key ``PP.KK#<code>``
                  (:func:`dashboard.core.levels.puskesmas_key`), never spread onto these villages (version 7)
``planner_state`` a signed-in user's work in progress on a page, per district: the page's controls as a JSON
                  document (at most 64 KB), its revision and time; removed with the user (version 8)
``partner_programmes`` the pentahelix register: a partner's programme in a district (partner, sector, activity,
                  first and last period, budget in rupiah, author, times, the dataset of an imported sheet)
``partner_programme_villages`` the villages each programme reaches (removed with it) (version 9)
``case_audits``   findings of a stunting case audit (audit kasus stunting) per village and period: cause
                  categories, recommended action, follow-up status, a note; never a child's identity (version 9)
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Connection

__all__ = [
    "CURRENT_VERSION",
    "MIGRATIONS",
    "audit_log",
    "case_audits",
    "commitments",
    "datasets",
    "district_targets",
    "districts",
    "estimates",
    "indicators",
    "metadata",
    "name_aliases",
    "observations",
    "partner_programme_villages",
    "partner_programmes",
    "planner_state",
    "publications",
    "puskesmas",
    "puskesmas_villages",
    "regions",
    "scenarios",
    "schema_version",
    "uploads",
    "users",
]

# Codes, periods and indicator keys are ASCII identifiers compared byte by byte: on PostgreSQL they use
# the "C" collation, so a district's codes are one index range ('52.03.' <= code < '52.03/') whatever the
# server's locale (a linguistic collation ignores the dots), and indexes build faster. SQLite compares
# bytes already. Frozen: the migrations use these too.
CODE = Text().with_variant(Text(collation="C"), "postgresql")
PERIOD = String(7).with_variant(String(7, collation="C"), "postgresql")
KEY = String(64).with_variant(String(64, collation="C"), "postgresql")

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

datasets = Table(
    "datasets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("user_name", Text),
    Column("rows_read", Integer, nullable=False),
    Column("rows_imported", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    Column("report", JSON, nullable=False),
    Column("districts", Text),  # comma-separated district codes the dataset touches (version 2)
    sqlite_autoincrement=True,  # never reuse the id of a removed dataset: ids name datasets in reports
)

regions = Table(
    "regions",
    metadata,
    Column("code", CODE, primary_key=True),
    Column("name", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("parent", CODE),
    Column("district_code", CODE),
    Column("geometry", LargeBinary, nullable=False),
    Column("boundary_version", Text, nullable=False),
    Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
    Index("ix_regions_district_level", "district_code", "level"),
    Index("ix_regions_dataset", "dataset_id"),
)

districts = Table(
    "districts",
    metadata,
    Column("code", CODE, primary_key=True),
    Column("name", Text, nullable=False),
    Column("boundary_version", Text, nullable=False),
    Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
    Column("is_demo", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

observations = Table(
    "observations",
    metadata,
    Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), primary_key=True),
    Column("code", CODE, primary_key=True),
    Column("period", PERIOD, primary_key=True),
    Column("indicator", KEY, primary_key=True),
    Column("numerator", Float, nullable=False),
    Column("denominator", Float, nullable=False),
    Index("ix_observations_key", "code", "period", "indicator"),
    sqlite_with_rowid=False,
)

indicators = Table(
    "indicators",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("label_id", Text, nullable=False),
    Column("label_en", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("direction", String(16), nullable=False),
    Column("target", Float),
    Column("unit", String(16), nullable=False),
    Column("numerator_id", Text, nullable=False),
    Column("numerator_en", Text, nullable=False),
    Column("denominator_id", Text, nullable=False),
    Column("denominator_en", Text, nullable=False),
)

name_aliases = Table(
    "name_aliases",
    metadata,
    Column("district_code", CODE, primary_key=True),
    Column("name", Text, primary_key=True),
    Column("village_code", CODE, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("user_name", Text),
)

scenarios = Table(
    "scenarios",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("district_code", CODE, nullable=False),
    Column("year", Integer, nullable=False),
    Column("period", PERIOD, nullable=False),
    Column("name", Text, nullable=False),
    Column("method", String(32), nullable=False),
    Column("settings", JSON, nullable=False),
    Column("villages", JSON, nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("is_final", Boolean, nullable=False),
    Index("ix_scenarios_district_year", "district_code", "year"),
    sqlite_autoincrement=True,
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("areas", Text, nullable=False),  # comma-separated district/province codes; empty for admins
    Column("active", Boolean, nullable=False),
    Column("session_generation", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

uploads = Table(
    "uploads",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("owner_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("personal", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_id", Integer),
    Column("username", Text),
    Column("action", String(48), nullable=False),
    Column("target", Text),
    Column("detail", JSON, nullable=False),
    Column("address", Text),
    Column("outcome", String(16), nullable=False),
    Index("ix_audit_log_at", "at"),
    sqlite_autoincrement=True,
)

estimates = Table(
    "estimates",
    metadata,
    Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), primary_key=True),
    Column("code", CODE, primary_key=True),
    Column("period", PERIOD, primary_key=True),
    Column("indicator", KEY, primary_key=True),
    Column("value", Float, nullable=False),
    Column("lower", Float),
    Column("upper", Float),
    Column("source", Text, nullable=False),
    Index("ix_estimates_code", "code"),
)

publications = Table(
    "publications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("district_code", CODE, nullable=False),
    Column("title", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("periods", JSON, nullable=False),
    Column("indicators", JSON, nullable=False),
    Column("boundary_version", Text, nullable=False),
    Column("publisher", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("min_denominator", Integer, nullable=False),
    Column("licence", Text, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("withdrawn_at", DateTime(timezone=True)),
    Column("withdrawn_by", Text),
    Column("withdraw_reason", Text),
    Index("ix_publications_district", "district_code"),
    sqlite_autoincrement=True,
)

district_targets = Table(
    "district_targets",
    metadata,
    Column("district_code", CODE, primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("target", Float, nullable=False),
    Column("source", Text, nullable=False),
    Column("set_by", Text, nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)


commitments = Table(
    "commitments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scenario_id", Integer, ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
    Column("village_code", CODE, nullable=False),
    Column("activity", Text, nullable=False),
    Column("responsible", Text, nullable=False),  # the OPD or partner that carries the activity out
    Column("funding", String(16), nullable=False),
    Column("budget_rupiah", sa.BigInteger, nullable=False),
    Column("target_date", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("note", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("funding IN ('apbd', 'dana_desa', 'csr_mitra', 'lainnya')", name="ck_commitments_funding"),
    CheckConstraint("status IN ('direncanakan', 'berjalan', 'selesai', 'batal')", name="ck_commitments_status"),
    CheckConstraint("budget_rupiah >= 0", name="ck_commitments_budget"),
    Index("ix_commitments_scenario", "scenario_id"),
    sqlite_autoincrement=True,
)


puskesmas = Table(
    "puskesmas",
    metadata,
    Column("district_code", CODE, primary_key=True),
    Column("code", CODE, primary_key=True),
    Column("name", Text, nullable=False),
    Column("geometry", LargeBinary),
    Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
    Index("ix_puskesmas_dataset", "dataset_id"),
)

puskesmas_villages = Table(
    "puskesmas_villages",
    metadata,
    Column("district_code", CODE, primary_key=True),
    Column("puskesmas_code", CODE, primary_key=True),
    Column("village_code", CODE, primary_key=True),
    Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
    Index("ix_puskesmas_villages_dataset", "dataset_id"),
)

planner_state = Table(
    "planner_state",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("district_code", CODE, primary_key=True),
    Column("page", KEY, primary_key=True),
    Column("data", JSON, nullable=False),
    Column("version", Integer, nullable=False),  # the document's revision: 1 when first saved, +1 per save
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


# Sectors of the pentahelix, and an audit's follow-up: frozen in the check constraints of version 9.
# The current tables below are built by the same functions as migration 9 (_v9_convergence): a later change to
# them is a new migration that alters them, and these functions stay as version 9 made them.
PARTNER_SECTORS = ("pemerintah", "swasta", "perguruan_tinggi", "media", "masyarakat")
FOLLOW_UP_STATUSES = ("belum", "berjalan", "selesai")


def _programme_tables(md: MetaData) -> tuple[Table, Table]:
    programmes = Table(
        "partner_programmes", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("district_code", CODE, nullable=False),
        Column("partner", Text, nullable=False),
        Column("sector", String(20), nullable=False),
        Column("activity", Text, nullable=False),
        Column("period_start", PERIOD, nullable=False),
        Column("period_end", PERIOD, nullable=False),
        Column("budget_rupiah", sa.BigInteger, nullable=False),
        Column("author", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE")),
        CheckConstraint("sector IN ('pemerintah', 'swasta', 'perguruan_tinggi', 'media', 'masyarakat')",
                        name="ck_partner_programmes_sector"),
        CheckConstraint("budget_rupiah >= 0", name="ck_partner_programmes_budget"),
        Index("ix_partner_programmes_district", "district_code"),
        sqlite_autoincrement=True,
    )  # fmt: skip
    villages = Table(
        "partner_programme_villages", md,
        Column("programme_id", Integer, ForeignKey("partner_programmes.id", ondelete="CASCADE"), primary_key=True),
        Column("village_code", CODE, primary_key=True),
        Index("ix_partner_programme_villages_village", "village_code"),
    )  # fmt: skip
    return programmes, villages


def _case_audit_table(md: MetaData) -> Table:
    return Table(
        "case_audits", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("district_code", CODE, nullable=False),
        Column("village_code", CODE, nullable=False),
        Column("period", PERIOD, nullable=False),
        Column("causes", JSON, nullable=False),  # a list of cause category keys
        Column("recommendation", Text, nullable=False),
        Column("follow_up", String(16), nullable=False),
        Column("note", Text, nullable=False),
        Column("author", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        CheckConstraint("follow_up IN ('belum', 'berjalan', 'selesai')", name="ck_case_audits_follow_up"),
        Index("ix_case_audits_district", "district_code"),
        sqlite_autoincrement=True,
    )  # fmt: skip


partner_programmes, partner_programme_villages = _programme_tables(metadata)
case_audits = _case_audit_table(metadata)


# ------------------------------------------------------------------------------------------ migrations


def _v1_core(conn: Connection) -> None:
    """Version 1: datasets, regions, districts, observations (frozen)."""
    md = MetaData()
    Table("schema_version", md, Column("version", Integer, nullable=False))
    Table(
        "datasets", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("kind", String(32), nullable=False),
        Column("file_name", Text, nullable=False),
        Column("sha256", String(64), nullable=False, unique=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("user_name", Text),
        Column("rows_read", Integer, nullable=False),
        Column("rows_imported", Integer, nullable=False),
        Column("status", String(32), nullable=False),
        Column("report", JSON, nullable=False),
        sqlite_autoincrement=True,
    )  # fmt: skip
    Table(
        "regions", md,
        Column("code", CODE, primary_key=True),
        Column("name", Text, nullable=False),
        Column("level", String(16), nullable=False),
        Column("parent", CODE),
        Column("district_code", CODE),
        Column("geometry", LargeBinary, nullable=False),
        Column("boundary_version", Text, nullable=False),
        Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
        Index("ix_regions_district_level", "district_code", "level"),
        Index("ix_regions_dataset", "dataset_id"),
    )  # fmt: skip
    Table(
        "districts", md,
        Column("code", CODE, primary_key=True),
        Column("name", Text, nullable=False),
        Column("boundary_version", Text, nullable=False),
        Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
        Column("is_demo", Boolean, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )  # fmt: skip
    Table(
        "observations", md,
        Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), primary_key=True),
        Column("code", CODE, primary_key=True),
        Column("period", PERIOD, primary_key=True),
        Column("indicator", KEY, primary_key=True),
        Column("numerator", Float, nullable=False),
        Column("denominator", Float, nullable=False),
        Index("ix_observations_key", "code", "period", "indicator"),
        sqlite_with_rowid=False,
    )  # fmt: skip
    md.create_all(conn)


def _v2_catalogue_aliases(conn: Connection) -> None:
    """Version 2: the indicator catalogue, name aliases, and the districts each dataset touches (frozen)."""
    md = MetaData()
    Table(
        "indicators", md,
        Column("key", String(64), primary_key=True),
        Column("label_id", Text, nullable=False),
        Column("label_en", Text, nullable=False),
        Column("kind", String(16), nullable=False),
        Column("direction", String(16), nullable=False),
        Column("target", Float),
        Column("unit", String(16), nullable=False),
        Column("numerator_id", Text, nullable=False),
        Column("numerator_en", Text, nullable=False),
        Column("denominator_id", Text, nullable=False),
        Column("denominator_en", Text, nullable=False),
    )  # fmt: skip
    Table(
        "name_aliases", md,
        Column("district_code", CODE, primary_key=True),
        Column("name", Text, primary_key=True),
        Column("village_code", CODE, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("user_name", Text),
    )  # fmt: skip
    md.create_all(conn)
    conn.execute(sa.text("ALTER TABLE datasets ADD COLUMN districts TEXT"))
    # Backfill: the districts of each existing dataset's regions and observations.
    rows = conn.execute(
        sa.text(
            "SELECT dataset_id, district_code FROM regions WHERE district_code IS NOT NULL "
            "UNION SELECT dataset_id, substr(code, 1, 5) FROM observations"
        )
    ).all()
    touched: dict[int, set[str]] = {}
    for dataset_id, district in rows:
        touched.setdefault(int(dataset_id), set()).add(str(district))
    for dataset_id, codes in touched.items():
        conn.execute(
            sa.text("UPDATE datasets SET districts = :districts WHERE id = :id"),
            {"districts": ",".join(sorted(codes)), "id": dataset_id},
        )


def _v3_scenarios(conn: Connection) -> None:
    """Version 3: saved lokus desa scenarios (frozen)."""
    md = MetaData()
    Table(
        "scenarios", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("district_code", CODE, nullable=False),
        Column("year", Integer, nullable=False),
        Column("period", PERIOD, nullable=False),
        Column("name", Text, nullable=False),
        Column("method", String(32), nullable=False),
        Column("settings", JSON, nullable=False),
        Column("villages", JSON, nullable=False),
        Column("author", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        Column("is_final", Boolean, nullable=False),
        Index("ix_scenarios_district_year", "district_code", "year"),
        sqlite_autoincrement=True,
    )  # fmt: skip
    md.create_all(conn)


def _v4_access(conn: Connection) -> None:
    """Version 4: users, uploads by random id, and the audit log (frozen)."""
    md = MetaData()
    Table(
        "users", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("username", String(64), nullable=False, unique=True),
        Column("password_hash", Text, nullable=False),
        Column("role", String(16), nullable=False),
        Column("areas", Text, nullable=False),
        Column("active", Boolean, nullable=False),
        Column("session_generation", Integer, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )  # fmt: skip
    Table(
        "uploads", md,
        Column("id", String(64), primary_key=True),
        Column("owner_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        Column("file_name", Text, nullable=False),
        Column("size", Integer, nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("personal", Boolean, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("expires_at", DateTime(timezone=True), nullable=False),
    )  # fmt: skip
    Table(
        "audit_log", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("at", DateTime(timezone=True), nullable=False),
        Column("user_id", Integer),
        Column("username", Text),
        Column("action", String(48), nullable=False),
        Column("target", Text),
        Column("detail", JSON, nullable=False),
        Column("address", Text),
        Column("outcome", String(16), nullable=False),
        Index("ix_audit_log_at", "at"),
        sqlite_autoincrement=True,
    )  # fmt: skip
    md.create_all(conn)


def _v5_publication(conn: Connection) -> None:
    """Version 5: rate-only estimates, publication snapshots, and districts' own targets (frozen)."""
    md = MetaData()
    Table("datasets", md, Column("id", Integer, primary_key=True))  # the foreign key's target, not created here
    Table(
        "estimates", md,
        Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), primary_key=True),
        Column("code", CODE, primary_key=True),
        Column("period", PERIOD, primary_key=True),
        Column("indicator", KEY, primary_key=True),
        Column("value", Float, nullable=False),
        Column("lower", Float),
        Column("upper", Float),
        Column("source", Text, nullable=False),
        Index("ix_estimates_code", "code"),
    )  # fmt: skip
    Table(
        "publications", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("district_code", CODE, nullable=False),
        Column("title", Text, nullable=False),
        Column("note", Text, nullable=False),
        Column("periods", JSON, nullable=False),
        Column("indicators", JSON, nullable=False),
        Column("boundary_version", Text, nullable=False),
        Column("publisher", Text, nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=False),
        Column("min_denominator", Integer, nullable=False),
        Column("licence", Text, nullable=False),
        Column("content", LargeBinary, nullable=False),
        Column("content_sha256", String(64), nullable=False),
        Column("withdrawn_at", DateTime(timezone=True)),
        Column("withdrawn_by", Text),
        Column("withdraw_reason", Text),
        Index("ix_publications_district", "district_code"),
        sqlite_autoincrement=True,
    )  # fmt: skip
    Table(
        "district_targets", md,
        Column("district_code", CODE, primary_key=True),
        Column("year", Integer, primary_key=True),
        Column("target", Float, nullable=False),
        Column("source", Text, nullable=False),
        Column("set_by", Text, nullable=False),
        Column("set_at", DateTime(timezone=True), nullable=False),
    )  # fmt: skip
    md.create_all(conn, tables=[md.tables["estimates"], md.tables["publications"], md.tables["district_targets"]])


def _v6_commitments(conn: Connection) -> None:
    """Version 6: rembuk stunting commitments per lokus village of a scenario (frozen)."""
    md = MetaData()
    Table("scenarios", md, Column("id", Integer, primary_key=True))  # the foreign key's target, not created here
    Table(
        "commitments", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("scenario_id", Integer, ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
        Column("village_code", CODE, nullable=False),
        Column("activity", Text, nullable=False),
        Column("responsible", Text, nullable=False),
        Column("funding", String(16), nullable=False),
        Column("budget_rupiah", sa.BigInteger, nullable=False),
        Column("target_date", Date, nullable=False),
        Column("status", String(16), nullable=False),
        Column("note", Text, nullable=False),
        Column("author", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        CheckConstraint("funding IN ('apbd', 'dana_desa', 'csr_mitra', 'lainnya')", name="ck_commitments_funding"),
        CheckConstraint("status IN ('direncanakan', 'berjalan', 'selesai', 'batal')", name="ck_commitments_status"),
        CheckConstraint("budget_rupiah >= 0", name="ck_commitments_budget"),
        Index("ix_commitments_scenario", "scenario_id"),
        sqlite_autoincrement=True,
    )  # fmt: skip
    md.create_all(conn, tables=[md.tables["commitments"]])


def _v7_puskesmas(conn: Connection) -> None:
    """Version 7: puskesmas as a reporting unit, and the villages each serves (frozen)."""
    md = MetaData()
    Table("datasets", md, Column("id", Integer, primary_key=True))  # the foreign key's target, not created here
    Table(
        "puskesmas", md,
        Column("district_code", CODE, primary_key=True),
        Column("code", CODE, primary_key=True),
        Column("name", Text, nullable=False),
        Column("geometry", LargeBinary),
        Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
        Index("ix_puskesmas_dataset", "dataset_id"),
    )  # fmt: skip
    Table(
        "puskesmas_villages", md,
        Column("district_code", CODE, primary_key=True),
        Column("puskesmas_code", CODE, primary_key=True),
        Column("village_code", CODE, primary_key=True),
        Column("dataset_id", Integer, ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
        Index("ix_puskesmas_villages_dataset", "dataset_id"),
    )  # fmt: skip
    md.create_all(conn, tables=[md.tables["puskesmas"], md.tables["puskesmas_villages"]])


def _v8_planner_state(conn: Connection) -> None:
    """Version 8: a signed-in user's work in progress per page and district (frozen)."""
    md = MetaData()
    Table("users", md, Column("id", Integer, primary_key=True))  # the foreign key's target, not created here
    Table(
        "planner_state", md,
        Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        Column("district_code", CODE, primary_key=True),
        Column("page", KEY, primary_key=True),
        Column("data", JSON, nullable=False),
        Column("version", Integer, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )  # fmt: skip
    md.create_all(conn, tables=[md.tables["planner_state"]])


def _v9_convergence(conn: Connection) -> None:
    """Version 9: the partners' register (pentahelix) and stunting case audits (frozen)."""
    md = MetaData()
    Table("datasets", md, Column("id", Integer, primary_key=True))  # the foreign key's target, not created here
    programmes, villages = _programme_tables(md)
    audits = _case_audit_table(md)
    md.create_all(conn, tables=[programmes, villages, audits])


# Version N is reached by running MIGRATIONS[N - 1] on a database at version N - 1 (0: empty).
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _v1_core,
    _v2_catalogue_aliases,
    _v3_scenarios,
    _v4_access,
    _v5_publication,
    _v6_commitments,
    _v7_puskesmas,
    _v8_planner_state,
    _v9_convergence,
)
CURRENT_VERSION = len(MIGRATIONS)
