"""``python -m nzdprk`` is the ``nzdprk`` command."""

from .cli import main

raise SystemExit(main())
