"""``python -m newsfigs``: the command line."""

from newsfigs.cli import main

raise SystemExit(main())
