"""The presentation for the briefing room (``/paparan/<kode>``): see :mod:`dashboard.presentation.page`."""

from dashboard.presentation.page import paparan_path, register

__all__ = ["paparan_path", "register"]
