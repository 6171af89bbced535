"""The plain `pelican` command, run as any Pelican user would, from the project root.

Every run gets a CACHE_PATH of its own (`--cache-path`) that shares the test
session's cards and image sizes (sitekit.build_cache); output goes to a
temporary folder, so output/ and .cache/ of the working copy are never touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitekit import BUILD_NOW, ROOT, build_cache

PELICAN = Path(sys.executable).with_name("pelican")  # the console script pip installed
PUBLIC_URL = "https://contoh.go.id"
# A ceiling far above what a build takes on a slow, shared machine; never a target.
CEILING = 600


@dataclass
class Run:
    command: list[str]
    returncode: int
    output: str  # stdout and stderr: Pelican logs to stdout

    @property
    def log(self) -> str:
        return f"$ {' '.join(self.command)}\n{self.output}"


def env() -> dict[str, str]:
    # COLUMNS: Pelican's log handler wraps at the terminal width; keep lines whole.
    # PYTHONPATH: the console script would import `plugins` from wherever the project
    # was pip-installed (-e .), not from the checkout under test.
    return dict(os.environ, COLUMNS="1000", PYTHONPATH=str(ROOT))


def cache_args() -> list[str]:
    """Pelican's own --cache-path: a CACHE_PATH sharing the session's cards and image sizes."""
    return ["--cache-path", str(build_cache())]


def pelican(*args: str) -> Run:
    """Run `pelican ARGS` from the project root and wait for it."""
    command = [str(PELICAN), *args]
    proc = subprocess.run(
        command,
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=CEILING,
        stdin=subprocess.DEVNULL,
    )
    return Run(command, proc.returncode, proc.stdout + proc.stderr)


def extra(**settings) -> list[str]:
    """One `-e KEY=JSON ...` (a second -e would replace the first), with BUILD_NOW:
    the same "now" as the runner's builds the output is compared with."""
    pairs = {"BUILD_NOW": BUILD_NOW, **settings}
    return ["-e", *(f"{key}={json.dumps(value)}" for key, value in pairs.items())]


@pytest.fixture(scope="package")
def dev_build(tmp_path_factory) -> Path:
    """`pelican content -s pelicanconf.py -o DIR`: the development site."""
    root = tmp_path_factory.mktemp("cli-dev")
    run = pelican("content", "-s", "pelicanconf.py", "-o", str(root / "output"), *cache_args(), *extra())
    assert run.returncode == 0, run.log
    return root / "output"


@pytest.fixture(scope="package")
def public_build(tmp_path_factory) -> Path:
    """`pelican content -s publishconf.py -o DIR -e SITEURL=... PUBLIC_URL=...`."""
    root = tmp_path_factory.mktemp("cli-public")
    run = pelican(
        "content",
        "-s",
        "publishconf.py",
        "-o",
        str(root / "output"),
        *cache_args(),
        *extra(SITEURL=PUBLIC_URL, PUBLIC_URL=PUBLIC_URL),
    )
    assert run.returncode == 0, run.log
    return root / "output"
