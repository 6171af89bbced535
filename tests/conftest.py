"""Suite-wide hooks. The site tests' fixtures live in tests/site/conftest.py."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sitekit import CHROMIUM, CHROMIUM_ARGS, SiteServer, require_tool, session_cache

ROOT = Path(__file__).resolve().parents[1]
SITE_TESTS = ROOT / "tests" / "site"


def _declare_every_plugins_settings() -> None:
    """Import every plugin pelicanconf.py lists: each declares its own settings on import,
    as in a real build, so a test that parses settings directly knows them all."""
    import importlib

    from pelican.settings import read_settings

    for name in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]:
        if name.startswith("plugins."):
            importlib.import_module(name)


_declare_every_plugins_settings()


def pytest_configure(config):
    """One folder of cards, image variants and posters for the whole run, xdist workers included.

    Each worker would otherwise draw the sample site's cards again (about 15 s each on two
    cores). This process makes it (sitekit.session_cache, removed when it exits, after the
    workers) and the workers inherit it as SERAMBI_TEST_CACHE.
    """
    if not hasattr(config, "workerinput"):
        os.environ["SERAMBI_TEST_CACHE"] = str(session_cache())
        # Some four hundred Python processes start in a run (builds, their card workers,
        # invoke tasks, xdist workers). With PYTHONDONTWRITEBYTECODE set, as on this
        # machine, each compiled the 150 plugin modules from source again (about 0.15 s a
        # process); the bytecode goes to __pycache__/, which git ignores.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _version(command: list[str]) -> str:
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error.__class__.__name__})"
    lines = (run.stdout or run.stderr).strip().splitlines()
    return lines[0] if lines else f"exit {run.returncode}"


def pytest_report_header(config):
    """Name the tools the site tests use, so a CI log shows what ran them."""
    chromium = (
        _version(["/usr/bin/chromium", "--version"])
        if Path("/usr/bin/chromium").exists()
        else "MISSING (/usr/bin/chromium)"
    )
    java = _version(["java", "-version"]) if shutil.which("java") else "MISSING"
    modules = ROOT / "node_modules"
    npm = ", ".join(
        f"{name} {'present' if (modules / name).is_dir() else 'MISSING'}" for name in ("axe-core", "vnu-jar")
    )
    return [f"site test tools: {chromium}; java: {java}; node_modules: {npm}"]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On CI a skipped site test is a failure: a whole category must not vanish quietly."""
    report = yield
    if (
        report.skipped
        and not hasattr(report, "wasxfail")
        and _on_ci()
        and SITE_TESTS in Path(str(item.path)).parents
    ):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped on CI (CI={os.environ.get('CI')}), which counts as a failure: {reason}"
    return report


# --- shared by every folder: static servers and the browser ------------------------


@pytest.fixture(scope="session")
def serve_folder():
    """Start a static server for a folder; every server is stopped at session end."""
    servers: list[SiteServer] = []

    def serve(folder: Path) -> str:
        server = SiteServer(folder).__enter__()
        servers.append(server)
        return server.base_url

    yield serve
    for server in servers:
        server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require_tool(CHROMIUM.is_file(), f"Chromium ({CHROMIUM})")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A reader in Kotamobagu: Indonesian browser, WITA clock.
    return {**browser_context_args, "locale": "id-ID", "timezone_id": "Asia/Makassar"}
