"""What the accessibility statement still lacks, for the deploy's summary.

The statement (docs/toegankelijkheid.md) is only established when the
organisation has set its status, dates, sign-off and register address in
`extra.toegankelijkheid` (mkdocs.yml; werkplaats/site/accessibility.py). The
deploy workflow runs this after the build and appends the output to
$GITHUB_STEP_SUMMARY, so whoever looks at a run sees what is missing.

    python tools/accessibility_summary.py [--root DIR] [--today YYYY-MM-DD]

Prints Markdown in Dutch. Exit 0 whether or not something is missing (the
site is published either way; the page itself says the same); exit 1 when a
setting is wrong, with its line in mkdocs.yml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from werkplaats.core.dates import site_today  # noqa: E402
from werkplaats.core.settings import load_settings  # noqa: E402
from werkplaats.site import accessibility  # noqa: E402


def summary(root: Path, today: dt.date) -> str:
    settings = load_settings(root)
    statement = accessibility.from_settings(settings)
    missing = accessibility.missing(statement, today)
    if not missing:
        status = accessibility.STATUSES[statement.status][0]
        return f"## Toegankelijkheidsverklaring\n\nVastgesteld: status {statement.status} ({status}), herzien op {statement.herzien.isoformat()}.\n"
    lines = "\n".join(f"- {item}" for item in missing)
    return (
        "## Toegankelijkheidsverklaring: nog niet vastgesteld\n\n"
        "De pagina /toegankelijkheid/ zegt dat de verklaring nog niet is vastgesteld. "
        'De organisatie vult dit in onder `extra.toegankelijkheid` in `mkdocs.yml` (REDACTIE.md, "Toegankelijkheidsverklaring"):\n\n'
        f"{lines}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (its mkdocs.yml); default: this checkout")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="the day to judge dates on; default: SITE_TODAY or today in Amsterdam")
    args = parser.parse_args(argv)
    try:
        print(summary(args.root, args.today or site_today()), end="")
    except accessibility.AccessibilityError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
