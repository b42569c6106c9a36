"""Text that users supplied (village and kecamatan names, reasons), made safe for plotly's labels.

Plotly draws hover text, tick labels and legend names as a small HTML subset, so a village named
``<a href="http://…">Klik</a>`` would become a clickable link in a hover box (OWASP, "Cross Site
Scripting": escape untrusted data for the context it is put in). Plotly shows entities such as ``&lt;``
as the characters they stand for, so an escaped name reads exactly as it was written.

>>> label_text('<a href="http://x">Sukamaju</a>')
'&lt;a href="http://x"&gt;Sukamaju&lt;/a&gt;'
>>> label_text("Tanjung Laut Indah")
'Tanjung Laut Indah'
"""

from __future__ import annotations

import html

__all__ = ["label_text"]


def label_text(value: object) -> str:
    """``value`` as text with ``&``, ``<`` and ``>`` escaped for a plotly label."""
    return html.escape(str(value), quote=False)
