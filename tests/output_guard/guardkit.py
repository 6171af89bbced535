"""Helpers of the output guard tests: builds started in the background, output
folders listed, builds inside a private mount namespace."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sitekit import BUILD_NOW, ROOT, BuildRun, build_cache

SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
# Every wait below is for an event (a line of output, a process ending), with
# a ceiling far above what it takes on a slow, shared machine.
CEILING = 300


def build_env() -> dict:
    # COLUMNS: the log handler wraps at the terminal width; keep each message on one line.
    return dict(os.environ, COLUMNS="1000")


def build_command(output: Path, content: Path, settings: Path = SETTINGS, strict: bool = False) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "plugins._shared.build",
        str(settings),
        "--output",
        str(output),
        "--now",
        BUILD_NOW,
        "--content",
        str(content),
        "--cache",
        str(build_cache()),
    ]
    return command + (["--strict"] if strict else [])


def pelican_command(output: Path, content: Path, settings: Path = PUBLISH_SETTINGS) -> list[str]:
    """The plain `pelican` command, without invoke or the project's build runner."""
    return [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(settings),
        "-o",
        str(output),
        "--cache-path",
        str(build_cache()),
        "-e",
        f"BUILD_NOW={json.dumps(BUILD_NOW)}",
    ]


@dataclass
class Background:
    """A build running in a subprocess; its output (stdout and stderr, merged: Pelican
    logs to stdout) is read line by line as it comes."""

    command: list[str]
    output: Path
    env: dict = field(default_factory=dict)
    proc: subprocess.Popen = field(init=False)
    _lines: list[str | None] = field(default_factory=list, init=False)
    _changed: threading.Condition = field(default_factory=threading.Condition, init=False)

    def __post_init__(self):
        self.proc = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env={**build_env(), **self.env},
            text=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.proc.stdout:
            with self._changed:
                self._lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self._lines.append(None)  # end of output
            self._changed.notify_all()

    def wait_for_line(self, text: str, timeout: float = CEILING) -> bool:
        """Wait until a line contains text; False when the output ends without it."""

        def seen():
            return any(line is None or text in line for line in self._lines)

        with self._changed:
            self._changed.wait_for(seen, timeout=timeout)
            return any(line is not None and text in line for line in self._lines)

    def finish(self, timeout: float = CEILING) -> BuildRun:
        """Wait for the build to end (killed after timeout); its run."""
        try:
            self.proc.wait(timeout=timeout)
        finally:
            self.kill()
        self._reader.join(timeout=timeout)
        output = "".join(line for line in self._lines if line is not None)
        return BuildRun(self.command, self.proc.returncode, output, "", self.output)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def output_files(output: Path) -> set[str]:
    """Every file of an output folder, relative, symlinks included."""
    return {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file() or p.is_symlink()}


def scratch_files(folder: Path) -> list[str]:
    """Temporary files left in a folder (any name ending in .tmp)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.tmp"))


# --- a build on a small or read-only file system, in a private mount namespace ---

UNSHARE = ["unshare", "--user", "--map-root-user", "--mount"]
NOT_MOUNTED = 97  # exit code of the script below when the mount did not happen

_MOUNT_SCRIPT = """
set -u
out="$1"; copy="$2"; size="$3"; readonly="$4"; shift 4
mount -t tmpfs -o "size=$size" tmpfs "$out" || exit {not_mounted}
if [ "$readonly" = 1 ]; then mount -o remount,ro "$out" || exit {not_mounted}; fi
grep -q " $out tmpfs " /proc/self/mounts || exit {not_mounted}
"$@"
status=$?
# The mount vanishes with the namespace: keep what the build left for the test.
cp -a "$out/." "$copy/"
exit $status
"""


def build_on_tmpfs(output: Path, copy: Path, size: str, readonly: bool, command: list[str]) -> BuildRun:
    """Run command with output a fresh tmpfs of size (read-only when asked); the
    tmpfs's contents after the build are copied to copy."""
    output.mkdir(parents=True, exist_ok=True)
    copy.mkdir(parents=True, exist_ok=True)
    script = _MOUNT_SCRIPT.format(not_mounted=NOT_MOUNTED)
    full = [
        *UNSHARE,
        "sh",
        "-c",
        script,
        "sh",
        str(output),
        str(copy),
        size,
        "1" if readonly else "0",
        *command,
    ]
    proc = subprocess.run(
        full,
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=CEILING,
        stdin=subprocess.DEVNULL,
    )
    return BuildRun([shlex.join(full)], proc.returncode, proc.stdout, proc.stderr, output)
