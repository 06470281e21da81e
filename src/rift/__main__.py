"""``python -m rift`` runs the CLI."""

from rift.cli.main import main

main()
