"""``python -m pulumi_tclive.testing {preview,up,refresh,destroy} DIR``."""

from __future__ import annotations

import sys

from pulumi_tclive.testing._cli import main

sys.exit(main())
