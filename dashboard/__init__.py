"""Lokus: a village stunting dashboard for Indonesian districts."""

__version__ = "0.1.0"
