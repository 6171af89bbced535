"""The GitHub Actions workflow parses and runs only invoke tasks that exist.

It publishes on every push to main and every hour (so posts dated in the future
go out on their day), builds strictly, runs the tests first, and pushes gh-pages
in a last step of its own: the only one that holds the token.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from functools import cache

import pytest
import yaml

from sitekit import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
PUSH = re.compile(r"\bgit\s+push\b")
TOKEN = re.compile(r"GITHUB_TOKEN|secrets\.|github\.token", re.IGNORECASE)
INVOKE = re.compile(r"(?:^|[\s;&|(])(?:\S*/)?invoke((?:[ \t]+[^\s;&|)]+)+)", re.MULTILINE)


@cache
def _invoke(*args: str) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def _task_names() -> set[str]:
    listing = _invoke("--list")
    return set(re.findall(r"^  (\S+)", listing, re.MULTILINE))


@pytest.fixture(scope="module")
def workflow() -> dict:
    assert WORKFLOW.is_file(), f"{WORKFLOW.relative_to(ROOT)} is missing"
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(workflow):
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _invocations(workflow) -> list[list[str]]:
    """Every `invoke TASK --option ...` the workflow runs, in order, as argument lists."""
    found = []
    for step in _steps(workflow):
        for match in INVOKE.finditer(step.get("run", "")):
            found.append(shlex.split(match.group(1)))
    return found


def _option_pattern(option: str) -> str:
    """How `invoke --help` lists OPTION: the inverse of a flag that is on by default
    appears as --[no-]name."""
    if option.startswith("--no-"):
        return r"--(?:no-|\[no-\])" + re.escape(option[len("--no-") :])
    return re.escape(option)


def test_workflow_runs_on_push_to_main_and_every_hour(workflow):
    """Every push, and hourly, so a post dated any hour goes out on its day."""
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert "main" in triggers["push"]["branches"]
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert len(crons) == 1
    minute, hour, day, month, weekday = crons[0].split()
    assert minute.isdigit() and (hour, day, month, weekday) == ("*", "*", "*", "*"), (
        f"{crons[0]!r} is not every hour"
    )


def test_workflow_may_push_gh_pages(workflow):
    assert workflow["permissions"]["contents"] == "write"
    scripts = "\n".join(step.get("run", "") for step in _steps(workflow))
    assert "user.name" in scripts and "user.email" in scripts, "ghp-import needs a git identity"


def test_every_invoke_call_names_a_task_and_options_that_exist(workflow):
    calls = _invocations(workflow)
    assert calls, "the workflow runs no invoke task"
    tasks = _task_names()
    for call in calls:
        task, options = call[0], [a.split("=")[0] for a in call[1:] if a.startswith("-")]
        assert task in tasks, f"`invoke {' '.join(call)}`: no task {task!r} in `invoke --list`"
        help_text = _invoke("--help", task)
        for option in options:
            assert re.search(rf"(^|[\s,]){_option_pattern(option)}\b", help_text, re.MULTILINE), (
                f"`invoke {' '.join(call)}`: {task} has no option {option}"
            )


def test_workflow_checks_strictly_and_tests_before_publishing(workflow):
    order = [call[0] for call in _invocations(workflow)]
    assert order[-1] == "publish", order
    assert "test" in order and order.index("test") < order.index("publish"), order
    assert {"check", "preview"} & set(order[: order.index("publish")]), (
        "no strict build (invoke check or preview) before publishing"
    )
    test_call = next(call for call in _invocations(workflow) if call[0] == "test")
    assert "--setup" in test_call, "a fresh runner needs `invoke test --setup`"


def _pushing_job(workflow) -> dict:
    jobs = [
        job
        for job in workflow["jobs"].values()
        if any(PUSH.search(step.get("run", "")) for step in job.get("steps", []))
    ]
    assert len(jobs) == 1, "exactly one job pushes gh-pages"
    return jobs[0]


def _holds_token(**scopes) -> bool:
    return bool(TOKEN.search(yaml.safe_dump(scopes)))


def test_checkout_leaves_no_credentials_in_the_working_copy(workflow):
    """Posts are built with no token in .git/config: a file a post publishes cannot leak it."""
    checkouts = [step for step in _steps(workflow) if step.get("uses", "").startswith("actions/checkout")]
    assert checkouts and all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)
    assert "--no-push" in _invocations(workflow)[-1], "invoke publish must leave the push to the last step"


def test_only_the_last_step_holds_the_token_and_it_pushes_gh_pages(workflow):
    """The token is given to the push step alone, and nothing runs after it."""
    job = _pushing_job(workflow)
    steps = job["steps"]
    pushes = [i for i, step in enumerate(steps) if PUSH.search(step.get("run", ""))]
    assert pushes == [len(steps) - 1], "the push of gh-pages is not the last step, or not the only one"
    assert not _holds_token(
        workflow=workflow.get("env", {}),
        job=job.get("env", {}),
        container=job.get("container", {}).get("env", {}),
    ), "every step is given the token"
    for step in steps[:-1]:
        assert not _holds_token(env=step.get("env", {}), run=step.get("run", "")), (
            f"step {step.get('name')!r} runs before the push and holds the token"
        )
    push = steps[-1]
    assert _holds_token(env=push.get("env", {})), "the push step is given no token"
    assert re.search(r"(^|\s)(--force|-f)(\s|$)", push["run"]) and "gh-pages" in push["run"]
