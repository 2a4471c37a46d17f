"""The privacy statement (docs/privacy.md, `view: privacy`): every sentence
follows from what the site does.

- plain data: the newsletter and social paragraphs appear exactly when
  extra.organisatie sets them; an invalid setting stops the build;
- fixture projects built with the real MkDocs, newsletter set or not, social
  accounts set or not: the built page and its search record (Pagefind);
- the hosting paragraph names where .github/workflows/deploy.yml publishes.

- every form of a built site outside /admin/ is the search form the page
  describes (privacy.SEARCH_FORM).

What the page says about storage in the browser comes from
werkplaats.site.browser_storage, checked in Chromium: the visitors' pages by
tests/test_browser.py (test_the_site_stores_only_what_the_privacy_page_says),
the editors' /admin/ by tests/test_cms_e2e.py
(test_the_admin_stores_only_what_the_privacy_page_says).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, TODAY, html_files, page, site_url, url_of

from werkplaats.core.settings import SettingsError, check_organisation, load_settings, setting_line
from werkplaats.site import privacy, search
from werkplaats.site.browser_storage import EDITORS, STORED, Stored

ORG = load_settings(ROOT).organisation
NEWSLETTER = "https://nieuwsbrief.example.org/aanmelden"
ACCOUNTS = [
    {"naam": "Mastodon", "url": "https://mastodon.example/@werkplaats"},
    {"naam": "LinkedIn", "url": "https://www.linkedin.com/company/x"},
]
SECTIONS = {"nieuwsbrief", "sociale-media"}


def headings(markdown_text: str) -> set[str]:
    html = markdown.markdown(markdown_text, extensions=["toc"])
    return {h.get("id") for h in BeautifulSoup(html, "lxml").select("h2")}


@pytest.mark.parametrize("letter", ["", NEWSLETTER, "mailto:nieuwsbrief@example.org"])
@pytest.mark.parametrize("accounts", [[], ACCOUNTS[:1], ACCOUNTS])
def test_newsletter_and_social_paragraphs_follow_the_settings(letter, accounts):
    text = privacy.statement(ORG | {"nieuwsbrief": letter, "sociaal": accounts})
    found = headings(text) & SECTIONS
    assert found == {s for s, on in (("nieuwsbrief", letter), ("sociale-media", accounts)) if on}
    assert ("aanmeld" in text.lower()) is bool(letter)
    assert ("nieuwsbrief" in text.lower()) is bool(letter)
    if letter:
        assert f"]({letter})" in text
    for account in accounts:
        assert f"[{account['naam']}]({account['url']})" in text
    # The fixed parts: who is responsible, the hosting, the rights, the supervisor.
    assert {"wie-is-verantwoordelijk", "jouw-rechten", "een-klacht-indienen"} <= headings(text)
    assert ORG["naam"] in text and f"mailto:{ORG['email']}" in text
    assert privacy.HOSTING["name"] in text and "IP-adres" in text and "Verenigde Staten" in text


def test_the_storage_sentence_follows_the_storage_list():
    none = privacy.statement(ORG, stored=())
    assert "pagina's voor bezoekers plaatsen geen cookies" in none and "bewaren ze niets in je browser" in none
    some = privacy.statement(ORG, stored=(Stored("localStorage", "__proef", "onthoudt iets"),))
    assert "plaatsen geen cookies" not in some and "`__proef`: onthoudt iets" in some
    # The site's own list is what the real page renders.
    assert ("plaatsen geen cookies" in privacy.statement(ORG)) is (STORED == ())


def test_the_editors_paragraph_follows_the_editors_list():
    """/admin/ (Decap CMS) keeps the sign-in in the browser: the editors'
    paragraph lists exactly werkplaats.site.browser_storage.EDITORS."""
    assert "voor-redacteuren-het-beheer" not in headings(privacy.statement(ORG, editors=()))
    proef = privacy.statement(ORG, editors=(Stored("sessionStorage", "proef-sleutel", "iets om te proberen"),))
    assert "voor-redacteuren-het-beheer" in headings(proef) and "sessionStorage `proef-sleutel`: iets om te proberen." in proef
    text = privacy.statement(ORG)
    listed = re.findall(r"^- (\S+) `([^`]+)`: ", text.split("## Voor redacteuren")[1].split("\n## ")[0], flags=re.M)
    assert listed == [(item.kind, item.name) for item in EDITORS]
    assert ("localStorage", "decap-cms-user") in listed


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"nieuwsbrief": "www.example.org/nieuwsbrief"}, "nieuwsbrief"),
        ({"nieuwsbrief": "http://example.org/nieuwsbrief"}, "nieuwsbrief"),
        ({"nieuwsbrief": "mailto:"}, "nieuwsbrief"),
        ({"nieuwsbrief": None}, "nieuwsbrief"),
        ({"sociaal": "https://example.org"}, "sociaal"),
        ({"sociaal": [{"naam": "LinkedIn"}]}, "account 1"),
        ({"sociaal": [{"naam": "", "url": "https://example.org"}]}, "naam is leeg"),
        ({"sociaal": [{"naam": "X", "url": "twitter.com/werkplaats"}]}, "account 1 (X)"),
    ],
)
def test_an_invalid_newsletter_or_social_setting_is_refused(change, problem):
    problems = check_organisation(ORG | change)
    assert problems and problem in " ".join(problems[0])


def test_the_real_settings_are_valid():
    assert check_organisation(ORG) == []


def test_an_invalid_setting_stops_reading_the_settings_and_names_its_line(repo):
    """Like extra.toegankelijkheid's errors: `mkdocs.yml:<line>: <setting>: ...`."""
    config = repo.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^    nieuwsbrief: .*$", "    nieuwsbrief: nieuwsbrief.example.org", text, count=1, flags=re.M)
    text = re.sub(r"^    sociaal: .*$", "    sociaal:\n      - naam: X\n        url: twitter.com/werkplaats", text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    letter = lines.index("    nieuwsbrief: nieuwsbrief.example.org") + 1
    url = lines.index("        url: twitter.com/werkplaats") + 1
    with pytest.raises(SettingsError) as error:
        load_settings(repo.root)
    assert str(error.value).splitlines() == [
        f"mkdocs.yml:{letter}: extra.organisatie.nieuwsbrief: 'nieuwsbrief.example.org' is geen webadres (https://...) "
        'en geen mailto:-adres; leeg ("") als er geen nieuwsbrief is',
        f"mkdocs.yml:{url}: extra.organisatie.sociaal[0].url: account 1 (X): 'twitter.com/werkplaats' is geen webadres (https://...)",
    ]
    assert setting_line(repo.root, "extra.organisatie.sociaal[0].url") == url


# --- built sites --------------------------------------------------------------------


def configure(project, letter: str, accounts: list[dict]) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^    nieuwsbrief: .*$", f"    nieuwsbrief: {letter!r}".replace("'", '"'), text, count=1, flags=re.M)
    text = re.sub(
        r"^    sociaal: .*$", "    sociaal: " + yaml.safe_dump(accounts, default_flow_style=True).strip(), text, count=1, flags=re.M
    )
    config.write_text(text, encoding="utf-8")
    organisation = load_settings(project.root).organisation
    assert (organisation["nieuwsbrief"], organisation["sociaal"]) == (letter, accounts)


@pytest.mark.parametrize("letter, accounts", [(NEWSLETTER, []), ("", ACCOUNTS)], ids=["nieuwsbrief", "sociaal"])
def test_the_built_privacy_page_and_its_search_record_follow_the_settings(project, letter, accounts):
    configure(project, letter, accounts)
    site = project.build(TODAY)
    article = page(site, "privacy/").select_one("article")
    ids = {h.get("id") for h in article.select("h2")}
    assert ids & SECTIONS == {s for s, on in (("nieuwsbrief", letter), ("sociale-media", accounts)) if on}
    hrefs = [a["href"] for a in article.select("a[href]")]
    assert (NEWSLETTER in hrefs) is bool(letter)
    assert all((a["url"] in hrefs) is bool(accounts) for a in ACCOUNTS)
    assert f"mailto:{ORG['email']}" in hrefs
    # The table of contents lists the sections (Material's page, not a template of ours).
    assert "Waar de website staat" in page(site, "privacy/").select_one(".md-sidebar--secondary").get_text()
    # What the search finds: the sign-up is there exactly when the newsletter is.
    [record] = [r for r in search.read_index(site) if r["url"].endswith("/privacy/")]
    assert ("aanmeld" in record["content"].lower()) is bool(letter)
    if not letter:
        assert not [r["url"] for r in search.read_index(site) if "nieuwsbrief" in r["content"].lower()]


# --- hosting --------------------------------------------------------------------------


def test_the_site_is_deployed_where_the_privacy_page_says():
    """The hosting paragraph names GitHub Pages; the deploy workflow must
    publish there (build uploads a Pages artifact, deploy runs deploy-pages)."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    uses = {job: [step.get("uses", "").split("@")[0] for step in spec.get("steps", [])] for job, spec in workflow["jobs"].items()}
    assert privacy.HOSTING["deploy_action"] in uses["deploy"]
    assert "actions/upload-pages-artifact" in uses["build"]
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    # No other host: no other job publishes the site.
    others = [u for steps in uses.values() for u in steps if re.search(r"netlify|vercel|cloudflare|s3|ftp|rsync|surge", u, re.I)]
    assert others == []


# --- forms ------------------------------------------------------------------------------


def forms_outside_admin(site) -> list[tuple[str, dict]]:
    """(page URL, what its form sends) for every <form> of a built site
    outside /admin/ (the editors' Decap CMS, which builds its forms in the
    browser)."""
    found = []
    for file in html_files(site):
        url = urljoin(site_url(), url_of(site, file))
        if url_of(site, file).startswith("admin/"):
            continue
        for form in BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").select("form"):
            controls = form.select("input[name], select[name], textarea[name], button[name]")
            found.append(
                (
                    url,
                    {
                        "method": (form.get("method") or "get").lower(),
                        "action": urljoin(url, form.get("action", "")),
                        "fields": sorted(c["name"] for c in controls),
                        "q": [c.get("type") for c in controls if c["name"] == "q"],
                    },
                )
            )
    return found


@pytest.mark.parametrize("which", ["echt", "varied"])
def test_every_form_is_the_search_form_the_privacy_page_describes(which, site, varied_build):
    """The privacy page says "Alleen een zoekformulier": every form on the
    visitors' pages asks zoeken/ for results with GET, with the fields the
    page names."""
    built = site if which == "echt" else varied_build()
    found = forms_outside_admin(built)
    assert len({url for url, _ in found}) > 10  # every page has the search dialog
    search_page = urljoin(site_url(), privacy.SEARCH_FORM["action"])
    expected = {
        "method": privacy.SEARCH_FORM["method"],
        "action": search_page,
        "fields": sorted(privacy.SEARCH_FORM["fields"]),
        "q": ["search"],
    }
    assert [(url, form) for url, form in found if form != expected] == []
    assert privacy.enumeration(list(privacy.SEARCH_FORM["fields"].values())) in privacy.statement(ORG)
