"""Real faults for tests: a really small file system."""

from __future__ import annotations

import subprocess
from pathlib import Path


def mount_tmpfs(folder: Path, size: str, *, read_only: bool = False) -> bool:
    """Mount a tmpfs of `size` on a new `folder`; False where mounting is not permitted."""
    folder.mkdir()
    options = f"size={size}" + (",ro" if read_only else "")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True, check=False)
    return done.returncode == 0


def unmount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], check=False)
