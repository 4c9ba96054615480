"""``python -m nzdprk`` is the ``nzdprk`` command."""

from .cli import run

raise SystemExit(run())
