"""Stage 1b, load: a brand folder → :class:`Brand` (see :mod:`.model`, :mod:`.load`)."""

from .load import load_brand
from .model import Asset, Brand, Colour, FontRole, Function, Output, Placement, SignType

__all__ = ["load_brand", "Asset", "Brand", "Colour", "FontRole", "Function", "Output", "Placement", "SignType"]
