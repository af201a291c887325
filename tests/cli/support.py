"""Running the real `crm` program in a subprocess, with a clean, hermetic environment."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PASSPHRASE = "correct horse battery"
CRM = (sys.executable, "-m", "crm_desktop.cli")
SECRET_VARS = ("CRM_PASSPHRASE", "CRM_NEW_PASSPHRASE", "CRM_RECOVERY_KEY", "CRM_DATA_DIR",
               "CRM_DEBUG", "CRM_LANG")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return self.err.strip().splitlines()


def base_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SECRET_VARS}
    env.update(CRM_LANG="en", CRM_PASSPHRASE=PASSPHRASE, TZ="Asia/Shanghai", PYTHONUTF8="1",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.update(overrides)
    return {k: v for k, v in env.items() if v != ""}


class Cli:
    """Runs `crm --data-dir <folder> ...`; env overrides given as "" are removed."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def argv(self, args: Sequence[str]) -> list[str]:
        return [*CRM, "--data-dir", str(self.data_dir), *args]

    def __call__(self, *args: str, **env: str) -> Result:
        done = subprocess.run(self.argv(args), capture_output=True, text=True, encoding="utf-8",
                              env=base_env(**env), stdin=subprocess.DEVNULL, timeout=60)
        return Result(done.returncode, done.stdout, done.stderr)

    def json(self, *args: str, **env: str) -> Any:
        return self(*args, "--json", **env).json()

    def parallel(self, *commands: Sequence[str]) -> list[Result]:
        """Several read-only commands at once (readers take no lock)."""
        return parallel(*((self, command) for command in commands))


def parallel(*jobs: tuple[Cli, Sequence[str]]) -> list[Result]:
    """Run `crm` commands concurrently (on different workspaces, or reads on one)."""
    running = [subprocess.Popen(cli.argv(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, text=True, encoding="utf-8",
                                env=base_env()) for cli, args in jobs]
    results = []
    for process in running:
        out, err = process.communicate(timeout=60)
        results.append(Result(process.returncode, out, err))
    return results


@dataclass(frozen=True)
class Template:
    folder: Path
    init: Result
    recovery_key: str
    contact_id: str  # 李娜, seeded


def run_python(code: str, **env: str) -> Result:
    """A snippet in a fresh interpreter (for checks on the process itself)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          encoding="utf-8", env=base_env(**env), stdin=subprocess.DEVNULL,
                          timeout=60)
    return Result(done.returncode, done.stdout, done.stderr)


def run_in_terminal(cli: Cli, args: Sequence[str], answers: Sequence[tuple[str, str]],
                    **env: str) -> tuple[int, str]:
    """`crm` with a pseudo-terminal as its controlling tty: each (prompt, answer) is typed once
    the prompt appears. Returns the exit code and everything the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes crm, its prompts go to the pty
        os.execve(sys.executable, [*CRM, "--data-dir", str(cli.data_dir), *args],
                  base_env(**env))
    shown, pending = "", list(answers)
    while True:
        if pending and pending[0][0] in shown:
            shown = shown.replace(pending[0][0], f"<{pending[0][0].strip()}>", 1)
            os.write(fd, pending.pop(0)[1].encode() + b"\n")
        ready, _, _ = select.select([fd], [], [], 30)
        chunk = _read(fd) if ready else b""
        if not chunk:
            break
        shown += chunk.decode("utf-8", "replace")
    os.close(fd)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), shown


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:  # the child closed the terminal
        return b""
