"""Stage 1a, load: ``profile.toml`` → :class:`Profile` (see :mod:`.model`, :mod:`.load`)."""

from .load import load_profile
from .model import Board, Center, Door, Entrance, Organisation, Profile, Room, Showcase

__all__ = ["load_profile", "Board", "Center", "Door", "Entrance", "Organisation", "Profile", "Room", "Showcase"]
