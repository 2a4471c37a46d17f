"""Lighthouse on the built site: `make audit`.

Builds the site (strict) for a local address, serves it the way GitHub Pages
does (tools/static_server.py: gzip, 404.html) and runs Lighthouse (npm
package `lighthouse`, in node_modules/) with Debian's Chromium on six pages:
home, news index, a news item, agenda, an event page and contact. Mobile
(Lighthouse's default configuration: a phone screen, slow 4G and a 4x slower
CPU, simulated).

Budget: 100 in every category, and a Total Blocking Time of 0 ms, in
every one of five runs of each page (`--runs`): performance varies a little
from run to run (the CPU simulation measures this machine), so one good run
proves little. Accessibility, best practices and SEO do not vary. The
table shows each page's lowest score over its runs.

The phone is the same on every machine. Lighthouse slows this machine's CPU
down 4x, a factor meant for a high-end desktop; a slower machine (a CI
runner) would emulate a slower phone, and a faster one a faster phone.
Lighthouse's throttling documentation says to adjust the factor to the
machine, and every report carries the machine's benchmarkIndex. So the
audit first measures that index (three runs of the home page, the median)
and slows the CPU down by index / PHONE_INDEX: the emulated phone always
has an index of 750, below the mid-tier phone of Chrome DevTools' CPU
calibration (a Pixel 5, index 1000). The factor is printed with the table.

Prints a table of the scores, and for every score under 100 the audits that
cost points. The full reports (HTML, open in a browser; and JSON) are in
reports/lighthouse/. Exit status 1 when a page is under budget.

    python tools/audit.py [--runs N] [--out DIR] [--only NAME ...]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup  # noqa: E402

from tools.static_server import StaticServer  # noqa: E402
from werkplaats.core.commands import parser as command_parser  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# As the browser tests: no sandbox (root), and none of Chromium's own calls
# to Google hosts (this machine has no internet; they would only add noise).
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGET = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
TBT_BUDGET = 0  # ms of Total Blocking Time, in every run
RUNS = 5
# The emulated phone's benchmarkIndex (see the module's docstring).
PHONE_INDEX = 750
CALIBRATION_RUNS = 3


def build(dest: Path, site_url: str) -> None:
    # Today in Amsterdam unless SITE_TODAY is given, as the deploy builds it
    # and as the tests build the real site (tests/conftest.PROJECT_TODAY): the
    # content is valid on today and later days, not on a fixed day in the past.
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"mkdocs build mislukt:\n{result.stdout}{result.stderr}")


def pages(site: Path) -> dict[str, str]:
    """The six audited pages; the news item and the event are found in the build."""
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    base = feed["home_page_url"]
    news = next((i for i in feed["items"] if "Verslagen" not in i.get("tags", [])), feed["items"][0])
    agenda = BeautifulSoup((site / "agenda" / "index.html").read_text(encoding="utf-8"), "lxml")
    event = agenda.select_one(".wp-event__title a")["href"]
    return {
        "home": "",
        "nieuws": "nieuws/",
        "nieuwsbericht": news["url"].removeprefix(base),
        "agenda": "agenda/",
        "activiteit": urljoin("agenda/", event),
        "contact": "contact/",
    }


def lighthouse(url: str, out: Path, slowdown: float | None = None) -> dict:
    """One Lighthouse run; writes out.report.html and out.report.json.
    `slowdown`: the CPU factor (None: Lighthouse's default, 4)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown}")
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True)
    report = out.with_name(out.name + ".report.json")
    if result.returncode != 0 or not report.exists():
        sys.exit(f"Lighthouse mislukt voor {url}:\n{result.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}


def lost_points(report: dict) -> list[str]:
    """The audits that cost points, per category under 100."""
    lines = []
    for category in CATEGORIES:
        if report["categories"][category]["score"] == 1:
            continue
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lines.append(f"    {category}: {audit['title']}{value}, score {audit['score']:.2f}")
    return lines


def blocking_ms(report: dict) -> float:
    return report["audits"]["total-blocking-time"]["numericValue"]


def slowdown_for(index: float) -> float:
    """The CPU factor that makes a machine of this benchmarkIndex a phone of PHONE_INDEX."""
    return max(1.0, round(index / PHONE_INDEX, 1))


def calibrate(url: str, out: Path) -> tuple[float, float]:
    """This machine's benchmarkIndex (the median of a few runs) and its CPU factor."""
    indexes = []
    for n in range(CALIBRATION_RUNS):
        report = lighthouse(url, out / f"ijking-{n}")
        indexes.append(report["environment"]["benchmarkIndex"])
        for suffix in (".report.html", ".report.json"):
            (out / f"ijking-{n}{suffix}").unlink()
    index = sorted(indexes)[len(indexes) // 2]
    return index, slowdown_for(index)


def audit(name: str, url: str, out: Path, runs: int, slowdown: float) -> tuple[dict[str, int], float, list[str]]:
    """`runs` runs of one page: its lowest score per category, its highest
    Total Blocking Time, and the audits that cost points in its worst run."""
    reports = [lighthouse(url, out / f"{name}-{n}", slowdown) for n in range(1, runs + 1)]
    by_run = [scores(r) for r in reports]
    lowest = {c: min(s[c] for s in by_run) for c in CATEGORIES}
    blocking = max(blocking_ms(r) for r in reports)
    # Keep the report of the worst run as <name>.report.*.
    worst = min(range(len(reports)), key=lambda i: (sum(by_run[i].values()), -blocking_ms(reports[i])))
    for suffix in (".report.html", ".report.json"):
        shutil.copy(out / f"{name}-{worst + 1}{suffix}", out / f"{name}{suffix}")
        for n in range(1, len(reports) + 1):
            (out / f"{name}-{n}{suffix}").unlink()
    return lowest, blocking, lost_points(reports[worst]) if any(lowest[c] < 100 for c in CATEGORIES) else []


def main() -> int:
    parser = command_parser("audit", about=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each page, all within budget (default {RUNS})")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "lighthouse")
    parser.add_argument("--only", nargs="*", help="only these pages (home, nieuws, ...)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("node_modules/.bin/lighthouse ontbreekt: draai `make audit` (dat doet npm ci)")
    if not Path(CHROME).exists():
        sys.exit(f"Chromium ontbreekt ({CHROME}): apt-get install chromium")
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        server = StaticServer(Path(tmp) / "site")
        build(server.root, server.url)
        with server:
            targets = pages(server.root)
            if args.only:
                targets = {k: v for k, v in targets.items() if k in args.only}
            index, slowdown = calibrate(server.url, args.out)
            print(f"benchmarkIndex {index:.0f}: CPU {slowdown}x trager", file=sys.stderr, flush=True)
            results = {}
            for name, path in targets.items():
                print(f"lighthouse {name}: {server.url}{path}", file=sys.stderr, flush=True)
                results[name] = audit(name, server.url + path, args.out, args.runs, slowdown)

    header = ["pagina", "performance", "toegankelijkheid", "best practices", "SEO", "TBT (ms)"]
    rows = [[name] + [str(score[c]) for c in CATEGORIES] + [f"{blocking:.0f}"] for name, (score, blocking, _) in results.items()]
    rows.append(["budget"] + [f">= {BUDGET[c]}" for c in CATEGORIES] + [f"<= {TBT_BUDGET}"])
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    line = lambda row: "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True)))  # noqa: E731
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    failed = []
    for name, (score, blocking, lost) in results.items():
        under = [f"{c} {score[c]} < {BUDGET[c]}" for c in CATEGORIES if score[c] < BUDGET[c]]
        if blocking > TBT_BUDGET:
            under.append(f"Total Blocking Time {blocking:.0f} ms > {TBT_BUDGET}")
        if under:
            failed.append(f"{name}: {', '.join(under)}")
        if lost:
            print(f"\n{name} ({args.out / (name + '.report.html')}):")
            print("\n".join(lost))
    print(f"\n{args.runs} runs per pagina; de tabel toont de laagste score en de hoogste TBT.")
    print(
        f"Deze machine: benchmarkIndex {index:.0f}; de CPU is {slowdown}x vertraagd, "
        f"zodat de nagebootste telefoon op elke machine index {PHONE_INDEX} heeft."
    )
    print(f"Rapporten (de slechtste run): {args.out}/<pagina>.report.html (open in een browser) en .report.json")
    if failed:
        print("\nONDER BUDGET:\n  " + "\n  ".join(failed))
        return 1
    print("Alle pagina's binnen budget.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
