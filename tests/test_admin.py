"""/admin/, the editors' CMS, in the built site (werkplaats/editing/admin.py,
hooks/admin.py) and under `make cms` (tools/cms.py).

The real site is checked by invariants (whether sign-in is set up is the
organisation's setting); what each setting does is checked on fixture
projects. The editing itself is tests/test_cms_e2e.py.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROJECT_TODAY, ROOT, TODAY, BuildFailed, Project, run_mkdocs

from werkplaats.content import model
from werkplaats.core.settings import load_settings
from werkplaats.editing import admin, cms
from werkplaats.site.search import read_index

sys.path.insert(0, str(ROOT / "tools"))
import cms as cms_tool  # noqa: E402  (tools/cms.py)
import content_check  # noqa: E402  (tools/content_check.py)

PROXY = "https://oauth.werkplaats.example"


def page_of(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "admin" / "index.html").read_text(encoding="utf-8"), "html.parser")


def policy_of(page: BeautifulSoup) -> dict[str, list[str]]:
    content = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    return {part.split()[0]: part.split()[1:] for part in content.split(";") if part.strip()}


def with_proxy(project: Project, proxy: str = PROXY) -> Project:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert 'oauth_proxy: ""' in text
    config.write_text(text.replace('oauth_proxy: ""', f"oauth_proxy: {proxy}"), encoding="utf-8")
    return project


# --- the real site, by invariants ----------------------------------------------


@pytest.fixture(scope="module")
def built(site_build):
    return site_build(PROJECT_TODAY)


def test_admin_holds_decaps_bundle_its_page_and_configuration_and_nothing_else(built):
    bundle = {path.name for path in admin.dist_files(ROOT / admin.DIST)}
    assert "decap-cms.js" in bundle and any(name.endswith(".wasm") for name in bundle)
    # Our own scripts: the photo cleaning, the form's rules with their data and box, the preview (save-check.js only under make cms).
    own = {"clean-photos.js", "refusal-box.js", "form-rules.js", "form-rules.json", "preview.js"}
    # And the preview's own whole copy of Material's CSS (the site's is cut, werkplaats/theme/theme_assets.py).
    assert {path.name for path in (built / "admin").iterdir()} == bundle | {"index.html", "config.yml", "stylesheets"} | own
    (copy,) = (built / "admin" / "stylesheets").iterdir()
    assert copy.name.startswith("main.") and copy.name.endswith(".min.css") and copy.stat().st_size > 100_000


def test_the_configuration_served_is_the_content_models_of_this_build(built):
    """Generated with every build, so it cannot go stale: every key of the
    model a field, every field a key."""
    served = yaml.safe_load((built / "admin" / "config.yml").read_text(encoding="utf-8"))
    settings = load_settings()
    assert served == admin.config(settings, admin.from_settings(settings))
    for collection in served["collections"][:-1]:
        assert [f["name"] for f in collection["fields"]] == [*model.fields_for(collection["name"]), "body"]
    # Last, the one file of facts about places (werkplaats.content.place_facts).
    assert served["collections"][-1] == cms.facts_collection()
    assert "local_backend" not in served


def test_admin_is_never_indexed_nor_listed(built):
    page = page_of(built)
    assert "noindex" in page.find("meta", attrs={"name": "robots"})["content"]
    assert "/admin/" not in (built / "sitemap.xml").read_text(encoding="utf-8")
    assert not [p for p in read_index(built) if "admin" in p["url"]]


def test_admin_loads_everything_from_the_site_itself(built):
    page = page_of(built)
    for tag, attribute in (("script", "src"), ("link", "href")):
        for element in page.find_all(tag):
            if element.get(attribute):
                assert "//" not in element[attribute], element
    policy = policy_of(page)
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_admin_offers_sign_in_only_when_it_is_set_up(built):
    page, ready = page_of(built), bool(load_settings().cms.get("oauth_proxy"))
    assert bool(page.find("script", src="decap-cms.js")) == ready
    assert ("nog niet ingericht" in page.get_text()) == (not ready)


# --- what each setting does, on fixture projects -------------------------------------


def test_with_an_oauth_proxy_the_admin_signs_in_through_github(project):
    site = with_proxy(project).build(TODAY)
    page = page_of(site)
    assert page.find("script", src="decap-cms.js") and page.find("link", rel="cms-config-url")
    # The preview's stylesheets are the site's own files.
    styles = page.find("script", src="preview.js")["data-styles"].split()
    assert any(s.endswith("werkplaats.css") for s in styles) and any("stylesheets/main." in s for s in styles)
    for style in styles:
        assert (site / "admin" / style).resolve().is_file(), style
    config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {"name": "github", "repo": "werkplaats-zhz/site", "branch": "main", "base_url": PROXY}
    assert config["publish_mode"] == "editorial_workflow"
    policy = policy_of(page)
    assert policy["connect-src"] == ["'self'", "blob:", admin.GITHUB_API]
    assert admin.GITHUB_AVATARS in policy["img-src"]
    assert "127.0.0.1" not in str(policy)


def test_without_an_oauth_proxy_the_admin_says_sign_in_is_not_set_up(project):
    page = page_of(project.build(TODAY))
    assert not page.find("script") and policy_of(page)["script-src"] == ["'none'"]
    assert "nog niet ingericht" in page.get_text() and page.find("a", href=lambda h: h and h.endswith("REDACTIE.md"))


def test_a_build_without_the_admin_leaves_no_admin_file(project):
    site = project.build(TODAY, WERKPLAATS_ADMIN="0")
    assert not (site / "admin").exists()


def test_a_build_without_decap_installed_says_how_to_install_it(project):
    (project.root / "node_modules").unlink()
    with pytest.raises(BuildFailed) as failure:
        run_mkdocs(project.root, project.root.parent / "site", TODAY)
    assert "npm ci" in str(failure.value) and "WERKPLAATS_ADMIN=0" in str(failure.value)


def test_the_content_check_builds_without_node(project):
    """The pull-request check of posts runs without Node (check.yml)."""
    (project.root / "node_modules").unlink()
    ok, problems, output = content_check.run_build(project.root, project.root.parent / "check-site", "https://example.org/")
    assert ok, output
    assert not (project.root.parent / "check-site" / "admin").exists()


# --- the policy and the bundle as plain data --------------------------------------


def test_the_local_admin_may_reach_its_backend_and_nothing_of_github():
    local = admin.Admin(local_backend="http://127.0.0.1:8081/api/v1", oauth_proxy=PROXY, repo="o/r", branch="main")
    policy = admin.policy(local)
    assert "connect-src 'self' blob: http://127.0.0.1:8081;" in policy
    assert "github" not in policy


def test_the_bundle_leaves_out_source_maps_and_the_second_build(tmp_path):
    for name in ("decap-cms.js", "1.decap-cms.js", "1.decap-cms.js.map", "cms.js", "1.cms.js", "a1.wasm", "cms.css"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in admin.dist_files(tmp_path)] == ["1.decap-cms.js", "a1.wasm", "decap-cms.js"]
    (tmp_path / "decap-cms.js").unlink()
    with pytest.raises(admin.AdminError, match="npm ci"):
        admin.dist_files(tmp_path)


def test_make_cms_writes_an_admin_for_the_local_backend_with_the_sites_css(tmp_path):
    cms_tool.write_admin(ROOT, tmp_path, 8181)
    page = page_of(tmp_path)
    assert page.find("script", src="decap-cms.js")  # ready without any sign-in set-up
    # The photo cleaning and the save check see the page's events and requests before Decap does;
    # the form's rules register with Decap, after it.
    scripts = ["clean-photos.js", "refusal-box.js", "save-check.js", "decap-cms.js", "form-rules.js", "preview.js"]
    assert [script["src"] for script in page.find_all("script")] == scripts
    assert all((tmp_path / "admin" / name).is_file() for name in (*scripts, "form-rules.json"))
    for style in page.find("script", src="preview.js")["data-styles"].split():
        assert (tmp_path / "admin" / style).resolve().is_file(), style
    config = yaml.safe_load((tmp_path / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["local_backend"] == {"url": "http://127.0.0.1:8181/api/v1"}
    assert "http://127.0.0.1:8181" in policy_of(page)["connect-src"]


def test_make_cms_stops_at_once_when_a_port_is_taken():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit, match=f"Poort {port} is al in gebruik"):
            cms_tool.check_free(port)


def time_wait_on(port: int) -> bool:
    """Whether a connection on this local port is in TIME_WAIT (/proc/net/tcp state 06)."""
    lines = Path("/proc/net/tcp").read_text(encoding="ascii").splitlines()[1:]
    return any(int(f.split()[1].split(":")[1], 16) == port and f.split()[3] == "06" for f in lines)


def test_make_cms_starts_right_after_a_server_stopped():
    """A server that stopped (make serve) leaves its connections in TIME_WAIT
    on its port for a minute; that port is free for a new server all the same."""
    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = server.accept()
        accepted.close()  # the server closes first, as a stopped server does
        assert client.recv(1) == b""
        client.close()
    deadline = time.monotonic() + 10
    while not time_wait_on(port):
        assert time.monotonic() < deadline, "no TIME_WAIT to test with"
        time.sleep(0.05)
    with socket.socket() as plain, pytest.raises(OSError):
        plain.bind(("127.0.0.1", port))  # what the old check did, and failed on
    cms_tool.check_free(port)


def test_make_help_lists_make_cms():
    output = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "make cms" in output and "8080/admin/" in output


def test_the_bundle_comes_from_the_lock_file():
    """Versions pinned in package-lock.json: the installed Decap is the locked one."""
    import json

    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    installed = json.loads((ROOT / "node_modules" / "decap-cms" / "package.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/decap-cms"]["version"] == installed["version"]
    assert shutil.which("node"), "make cms runs decap-server on Node"


@pytest.mark.site
def test_both_forms_of_the_admin_page_are_valid_html(tmp_path):
    from sitecheck import need_vnu, run_vnu

    need_vnu()
    settings = load_settings()
    pages = []
    for name, proxy in (("klaar", PROXY), ("niet-ingericht", "")):
        state = admin.Admin(local_backend="", oauth_proxy=proxy, repo="o/r", branch="main")
        page = tmp_path / name / "index.html"
        page.parent.mkdir()
        page.write_text(
            admin.files(settings, state, {"assets/werkplaats.css": ROOT / "docs" / "assets" / "werkplaats.css"})["admin/index.html"],
            encoding="utf-8",
        )
        pages.append(page)
    assert run_vnu(pages) == []
