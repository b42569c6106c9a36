"""Importers: turn the files districts really have into checked batches ready for the store."""
