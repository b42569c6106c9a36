"""Figures: the village choropleth and its charts, built from plain data (no callbacks here)."""
