"""tools/npm_install.py: Decap's peer-dependency warnings folded into one
line, nothing else hidden (a first `npm ci` printed 338 `npm warn` lines)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import npm_install  # noqa: E402  (tools/npm_install.py)

# What `npm ci` printed on a fresh clone on 2026-12-07 (npm 11, Node 20).
DECAP = npm_install.decap_tree(json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8")))
FIRST_INSTALL = (ROOT / "tests" / "npm_ci_first_install.txt").read_text(encoding="utf-8")

OTHER_BLOCK = """npm warn ERESOLVE overriding peer dependency
npm warn While resolving: some-chart@2.0.0
npm warn Found: d3@7.0.0
npm warn   peer d3@"^5" from some-chart@2.0.0"""


def test_a_first_install_prints_one_line_for_decaps_peer_warnings():
    assert FIRST_INSTALL.count("npm warn") == 338
    shown, folded = npm_install.fold(FIRST_INSTALL, DECAP)
    assert not [line for line in shown if line.startswith("npm warn")]
    assert "added 916 packages in 27s" in shown
    assert "react-aria-menubutton@7.0.3" in folded and len(folded) == len(set(folded)) == 11


def test_decaps_tree_is_read_from_the_lock():
    assert {"decap-cms", "react", "slate", "redux-notifications"} <= DECAP
    assert "lighthouse" not in DECAP and "vnu-jar" not in DECAP


def test_every_other_warning_passes_through_whole():
    deprecated = "npm warn deprecated inflight@1.0.6: This module is not supported"
    shown, folded = npm_install.fold(FIRST_INSTALL.replace("added 916", f"{deprecated}\n{OTHER_BLOCK}\nadded 916"), DECAP)
    assert deprecated in shown
    assert OTHER_BLOCK.splitlines() == [line for line in shown if "some-chart" in line or "d3@" in line or "ERESOLVE" in line]
    # A deprecation right after a Decap block is its own warning, not part of the block.
    text = FIRST_INSTALL.replace("added 916", f"{deprecated}\nadded 916", 1)
    assert deprecated in npm_install.fold(text, DECAP)[0]


def test_the_makefile_installs_through_it_and_it_answers_help():
    assert "$(PYTHON) tools/npm_install.py" in (ROOT / "Makefile").read_text(encoding="utf-8")
    out = subprocess.run([sys.executable, "tools/npm_install.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "npm ci" in out


def test_the_line_it_prints_is_dutch_and_a_missing_npm_is_told(monkeypatch, capsys):
    line = npm_install.summary(["react-redux@7.2.9", "slate-plain-serializer@0.7.13"])
    assert line.startswith("npm: 2 pakketten van Decap CMS vragen om andere versies") and "kan geen kwaad" in line
    monkeypatch.setattr(npm_install, "COMMAND", ["npm-bestaat-niet-op-deze-machine", "ci"])
    assert npm_install.main([]) == 127
    assert capsys.readouterr().err.startswith("npm ontbreekt: installeer Node.js")


def test_the_makefile_leaves_out_only_pips_location_noise():
    """A machine whose pip configuration names local index folders prints
    76 such lines on a first install; every other line must pass."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    pattern = next(line.split(":=", 1)[1].strip() for line in makefile.splitlines() if line.startswith("PIP_LOCATION_NOISE"))
    pattern = pattern.replace("$$", "$").replace("\\\\", "\\")  # as make hands it to the shell
    noise = "WARNING: Location 'file:///opt/pypi/simple/attrs/' is ignored: it is neither a file nor a directory."
    kept = ["WARNING: pip is configured with locations that require TLS", "ERROR: Could not find a version", noise + " meer"]
    shown = subprocess.run(["grep", "-v", pattern], input="\n".join([noise, *kept]) + "\n", capture_output=True, text=True).stdout
    assert shown.splitlines() == kept
    assert makefile.count('2> >(grep -v "$(PIP_LOCATION_NOISE)" >&2)') == 2
