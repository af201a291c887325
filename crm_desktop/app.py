"""GUI composition root. The desktop window is issue #3; until it lands this explains where to go."""

from __future__ import annotations

import sys


def main() -> int:
    print("The crm_desktop window is not built yet. Everything the core can do is available "
          "through the `crm` command: run `crm --help`.", file=sys.stderr)
    return 1
