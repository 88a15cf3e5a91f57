"""signkit: the sign and identity set of a rural party-mass service centre, from one profile.

The pipeline (see :mod:`signkit.build`): load → plan → compose → check → render → export.
"""

__version__ = "0.1.0"
