"""Stage 1, load: every file a run reads, read here and nowhere else.

In:  the path of a ``profile.toml`` and optionally a brand folder.
Out: :class:`Inputs`: the profile, the brand (with its templates and artwork in memory), the
     rule pack, and the board texts and photos the profile names — values and bytes, so that
     plan, compose, check and render never touch the filesystem (fonts are the one
     exception: bundled resources opened lazily by :mod:`signkit.text.fonts`).
     Bad input raises a :class:`~signkit.errors.SignkitError` naming file, key path and hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..checks import CHECKS  # noqa: F401  (importing checks registers every check)
from ..checks.rules import RulePack
from ..families import FAMILIES
from ..model.brand import Brand
from ..model.profile import Profile
from .brand import BrandFiles, load_brand
from .content import Content, load_content
from .profile import load_profile
from .rules import load_rule_pack


@dataclass(frozen=True, slots=True)
class Inputs:
    profile: Profile
    brand: Brand
    files: BrandFiles  # the brand's templates, artwork and output profile
    rules: RulePack
    content: Content  # board texts and photos


def load_inputs(profile_path: Path, brand_dir: Path | None = None, *,
                brand: tuple[Brand, BrandFiles] | None = None) -> Inputs:
    """Everything one centre's run reads.  ``brand`` reuses a brand already loaded (a batch
    loads it once for all its centres)."""
    brand, files = brand or load_brand(brand_dir, families=FAMILIES)
    profile = load_profile(Path(profile_path), functions=brand.functions)
    rules = load_rule_pack(files.rules, brand=brand, families=FAMILIES, overrides=dict(profile.rules),
                           profile_file=str(profile.source))
    return Inputs(profile, brand, files, rules, load_content(profile, board_style=_house_style(brand, "board"),
                                                            showcase_style=_house_style(brand, "showcase")))


def _house_style(brand: Brand, kind: str):
    """The house style a family's tokens name (boards and the showcase), None: the default."""
    tokens = brand.signs[kind].tokens if kind in brand.signs else None
    house = getattr(tokens, "house_style", None)
    return house.house() if house is not None else None


__all__ = ["Inputs", "load_inputs", "load_brand", "load_profile"]
