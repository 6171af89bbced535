"""The Nu HTML checker (vnu.jar) over the whole built sample site, in one JVM."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitekit import ROOT, VNU_JAR, require_tool


@pytest.fixture(scope="session")
def vnu_messages(built_site):
    java = shutil.which("java")
    require_tool(java is not None, "Java (the `java` command, needed by the Nu HTML checker)")
    require_tool(VNU_JAR.is_file(), f"the Nu HTML checker ({VNU_JAR.relative_to(ROOT)})")
    command = [
        java,
        "-jar",
        str(VNU_JAR),
        "--skip-non-html",
        "--no-langdetect",
        "--format",
        "json",
        "--stdout",
        str(built_site.output),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"vnu.jar did not print JSON (exit {run.returncode}):\n"
            f"{run.stdout[-3000:]}\n{run.stderr[-3000:]}",
            pytrace=False,
        )
    return built_site, report.get("messages", [])


def _line(site, message) -> str:
    where = unquote(urlsplit(message.get("url", "")).path)
    with contextlib.suppress(ValueError):
        where = site.url_for(Path(where))
    line = message.get("lastLine")
    extract = " ".join((message.get("extract") or "").split())
    return f"{where}:{line}: {message.get('message')}" + (f"  [{extract[:120]}]" if extract else "")


def test_sample_site_is_valid_html(vnu_messages):
    site, messages = vnu_messages
    # "info" with subType "warning" is a warning; plain "info" is a note.
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    cautions = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
    pages = len(site.html_files())
    assert pages, "the built sample site has no HTML page"
    if cautions:
        text = "\n".join(_line(site, m) for m in cautions)
        print(f"Nu checker warnings ({len(cautions)}):\n{text}")
        warnings.warn(f"Nu HTML checker: {len(cautions)} warning(s):\n{text}", stacklevel=1)
    assert not errors, f"Nu HTML checker: {len(errors)} error(s) in {pages} pages:\n" + "\n".join(
        _line(site, m) for m in errors
    )
