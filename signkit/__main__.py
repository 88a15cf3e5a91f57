"""``python -m signkit`` runs the command line."""

from .cli import main

main()
