"""Everything that touches disk or the database."""
