"""Dash components of Lokus's own (built from mapcomponent/, shipped with the package)."""

from dashboard.components.lokus_map import LokusMap, bivariate_classes, decode_classes, encode_classes

__all__ = ["LokusMap", "bivariate_classes", "decode_classes", "encode_classes"]
