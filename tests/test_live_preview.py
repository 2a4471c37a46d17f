"""`make serve`: a preview that refreshes by itself under the site's
Content-Security-Policy, and that explains a broken file in the browser
(werkplaats.editing.preview, hooks/preview.py)."""

from __future__ import annotations

import base64
import hashlib
import threading
import time

import pytest
from bs4 import BeautifulSoup
from conftest import fetch, wait_for
from mkdocs.exceptions import Abort, PluginError
from sitecheck import wait_for as wait_in_page

from werkplaats.editing import preview
from werkplaats.editing.preview import Failure, Finding, Preview, error_page, explain, findings, is_page, with_reload

TODAY = "2026-11-22"
NEWS = "---\ntitle: {title}\ndate: 2026-11-01\n---\n\n{body}\n"
URL = "nieuws/2026/11/01/bericht-tijdens-de-voorvertoning/"


# --- the explanation -------------------------------------------------------------------


def aborted(text: str) -> Abort:
    """What MkDocs raises for a plugin's error: Abort, raised while handling it."""
    try:
        try:
            raise PluginError(text)
        except PluginError:
            raise Abort("Aborted with a BuildError!")  # noqa: B904 (as MkDocs does)
    except Abort as error:
        return error


def test_a_content_error_is_explained_with_file_line_and_the_models_message():
    failure = explain(
        aborted(
            "2 fouten in posts/ (niets gepubliceerd):\nposts/nieuws/a.md:2: title ontbreekt: voeg toe\nposts/agenda/b.md:5: end: ligt voor start"
        )
    )
    assert failure.findings == (
        Finding("posts/nieuws/a.md", 2, "title ontbreekt: voeg toe"),
        Finding("posts/agenda/b.md", 5, "end: ligt voor start"),
    )
    assert failure.summary.startswith("2 fouten in 2 bestanden;")
    one = explain(aborted("1 fout in posts/ (niets gepubliceerd):\nposts/nieuws/a.md:2: x"))
    assert one.summary.startswith("1 fout in 1 bestand;")
    assert "Aborted" not in failure.terminal() and "Herstel het bestand" in failure.terminal()


def test_strict_mode_lists_the_warnings_of_that_build():
    warnings = ["\nposts/nieuws/a.md:7: link 'x.md' niet gevonden", "Een andere waarschuwing"]
    failure = explain(Abort("Aborted with 2 warnings in strict mode!"), warnings)
    assert failure.summary.startswith("2 waarschuwingen")
    assert failure.findings == (Finding("posts/nieuws/a.md", 7, "link 'x.md' niet gevonden"), Finding("", None, "Een andere waarschuwing"))
    assert explain(Abort("Aborted with 1 warnings in strict mode!"), ["één"]).summary.startswith("1 waarschuwing ")


def test_an_error_outside_posts_is_sent_to_the_maintainer():
    failure = explain(RuntimeError("template kapot"))
    assert "onderhoudt" in failure.summary
    assert failure.findings == (Finding("", None, "template kapot"),)
    assert explain(RuntimeError("")).findings == (Finding("", None, "RuntimeError: "),)


def test_findings_keep_lines_and_skip_the_count():
    assert findings("3 fouten in posts/ (niets gepubliceerd):\n\ndocs/over.md:1: x: y\nvrije tekst") == [
        Finding("docs/over.md", 1, "x: y"),
        Finding("", None, "vrije tekst"),
    ]


# --- the page and the script ---------------------------------------------------------------


def test_the_reload_script_goes_before_the_last_body_end():
    html = with_reload(b"<html><body><p>x</p></body></html>", 1234)
    soup = BeautifulSoup(html, "lxml")
    (script,) = soup.select("script")
    assert script["src"] == preview.RELOAD_PATH and script["data-versie"] == "1234"
    assert html.endswith(b"</script></body></html>")
    assert with_reload(b"<p>geen body</p>", 5).startswith(b"<p>geen body</p><script src=")


def test_the_error_page_is_dutch_escaped_and_allowed_by_its_own_policy():
    failure = Failure("1 fout in 1 bestand.", (Finding("posts/nieuws/a.md", 2, 'title: <script>alert("x")</script>'),), version=99)
    soup = BeautifulSoup(error_page(failure), "lxml")
    assert soup.html["lang"] == "nl"
    assert "posts/nieuws/a.md" in soup.get_text() and "regel 2" in soup.get_text()
    assert [s.get("src") for s in soup.select("script")] == [preview.RELOAD_PATH]  # the message's <script> is text
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    style = soup.select_one("style").string
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy and "unsafe" not in policy
    assert soup.select_one("script")["data-versie"] == "99"


@pytest.mark.parametrize(
    ("path", "page"),
    [("/", True), ("/nieuws/", True), ("/a/index.html", True), ("/a/b", True), ("/assets/x.css", False), ("/a/foto.webp", False)],
)
def test_pages_and_assets(path, page):
    assert is_page(path) is page


def call(app, path: str) -> tuple[str, bytes]:
    status = []
    body = b"".join(app({"PATH_INFO": path}, lambda s, headers: status.append(s)))
    return status[0], body


def test_the_app_explains_pages_while_broken_and_serves_the_site_otherwise():
    state = Preview()
    app = state.app(lambda environ, start: [start("200 OK", []), b"site:" + environ["PATH_INFO"].encode()][1:])
    state.build_finished(None)
    assert call(app, "/nieuws/") == ("200 OK", b"site:/nieuws/")
    state.build_finished(Failure("1 fout in 1 bestand.", (Finding("posts/nieuws/a.md", 2, "kapot"),)))
    status, body = call(app, "/nieuws/")
    assert status == "200 OK" and b"posts/nieuws/a.md" in body and b"kapot" in body
    assert call(app, "/bestaat/niet/")[1] == body  # every page, also one that does not exist
    assert call(app, "/assets/werkplaats.css")[1] == b"site:/assets/werkplaats.css"
    assert call(app, "/livereload/1/2")[1] == b"site:/livereload/1/2"
    assert call(app, preview.RELOAD_PATH)[1] == (preview.TEMPLATES / "herladen.js").read_bytes()


def test_a_page_asked_for_during_a_build_waits_for_its_outcome():
    state = Preview()
    app = state.app(lambda environ, start: [start("200 OK", []), b"site"][1:])
    state.build_started()
    answers = []
    asking = threading.Thread(target=lambda: answers.append(call(app, "/")))
    asking.start()
    asking.join(0.3)
    assert asking.is_alive() and not answers
    state.build_finished(Failure("kapot.", ()))
    asking.join(10)
    assert b"er is iets te herstellen" in answers[0][1]


# --- in Chromium, on `mkdocs serve` ----------------------------------------------------------------


def wait_until(page, expression: str) -> None:
    wait_in_page(page, expression, timeout=60)


def text_of(page) -> str:
    return page.evaluate("document.body?.innerText ?? ''")


@pytest.mark.browser
def test_an_open_page_follows_saves_explains_a_broken_file_and_returns(project, browser, tmp_path):
    log = tmp_path / "serve.log"
    post = project.write("nieuws/bericht.md", NEWS.format(title="Bericht tijdens de voorvertoning", body="Eerste versie."))
    with project.serve(TODAY, log=log) as base:
        wait_for(base + URL)
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        refused = []
        page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
        page.goto(base + URL)
        assert "Eerste versie." in text_of(page)

        # A save shows by itself: the test never navigates.
        saved = time.monotonic()
        post.write_text(NEWS.format(title="Bericht tijdens de voorvertoning", body="Tweede versie."), encoding="utf-8")
        wait_until(page, "(document.body?.innerText ?? '').includes('Tweede versie.')")
        print(f"save to refreshed page: {time.monotonic() - saved:.2f} s")

        # A broken file: the open page explains it by itself, every other address at once.
        post.write_text(NEWS.format(title='"Bericht tijdens de voorvertoning', body="Tekst."), encoding="utf-8")
        wait_until(page, "(document.body?.innerText ?? '').includes('er is iets te herstellen')")
        shown = text_of(page)
        assert "posts/nieuws/bericht.md, regel 2" in shown and "Herstel het bestand" in shown
        for other in ("", "agenda/", "bestaat/niet/"):
            status, body = fetch(base + other)
            assert status == 200 and "posts/nieuws/bericht.md" in body

        # Fixed: the site again, by itself.
        post.write_text(NEWS.format(title="Bericht tijdens de voorvertoning", body="Hersteld."), encoding="utf-8")
        wait_until(page, "(document.body?.innerText ?? '').includes('Hersteld.')")
        assert "er is iets te herstellen" not in text_of(page)
        assert refused == [], refused  # MkDocs' inline script is gone, nothing else was blocked
        context.close()
    output = log.read_text(encoding="utf-8")
    assert "Voorvertoning niet bijgewerkt: 1 fout in 1 bestand" in output
    assert "Aborted with a BuildError" not in output and "appear stuck" not in output


@pytest.mark.browser
def test_a_preview_started_on_a_broken_file_explains_it_and_recovers(project, browser):
    post = project.write("nieuws/bericht.md", NEWS.format(title="Bericht tijdens de voorvertoning", body=""))
    with project.serve(TODAY) as base:
        body = wait_for(base, lambda status, body: "er is iets te herstellen" in body)
        assert "posts/nieuws/bericht.md" in body and "geen tekst" in body
        page = browser.new_page()
        page.goto(base + URL)
        assert "er is iets te herstellen" in text_of(page)
        post.write_text(NEWS.format(title="Bericht tijdens de voorvertoning", body="Nu met tekst."), encoding="utf-8")
        wait_until(page, "(document.body?.innerText ?? '').includes('Nu met tekst.')")
        page.close()


def test_the_built_site_has_no_preview_script(site):
    for path in site.rglob("*.html"):
        assert ".voorvertoning" not in path.read_text(encoding="utf-8"), path


def test_the_explanation_counts_the_builds_warnings_not_the_servers():
    import logging

    from hooks.preview import _Warnings

    collected = _Warnings()
    logger = logging.getLogger("werkplaats-test-preview")
    logger.addHandler(collected)
    try:
        logger.warning("posts/nieuws/a.md:3: van de bouw")
        server = threading.Thread(target=lambda: logger.warning('"GET /x HTTP/1.1" code 404'))
        server.start()
        server.join()
    finally:
        logger.removeHandler(collected)
    assert collected.messages == ["posts/nieuws/a.md:3: van de bouw"]
