"""PLOVER ontology: event types, quad classes, modes, CAMEO roots and intensity scores."""

from eventwire.ontology.plover import (
    PLOVER_TYPES,
    TYPE_INFO,
    TypeInfo,
    cameo_code,
    intensity,
    quad_class,
)

__all__ = ["PLOVER_TYPES", "TYPE_INFO", "TypeInfo", "cameo_code", "intensity", "quad_class"]
