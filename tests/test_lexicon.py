"""Dutch index terms: werkplaats/site/lexicon.py, the hidden terms and
word list of werkplaats/site/search.py, the search approach switch, and what
installs hunspell (Makefile; the CI files in tests/test_workflows.py).

Plain data first, against the real hunspell and Debian's hunspell-nl, then
a fixture project built with the real `mkdocs build --strict` and its
index read back from Pagefind's own files. How the box uses the terms is
tested in Chromium in tests/test_search_dutch.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, TODAY, BuildFailed, Project, run_mkdocs

from werkplaats.site import lexicon, search
from werkplaats.site.lexicon import Lexicon, LexiconError


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    """One lexicon without a disk cache, shared: hunspell runs once per batch."""
    return Lexicon(None)


def hunspell_runs(monkeypatch) -> list[list[str]]:
    """Every command lexicon.py starts from now on."""
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(command, *args, **kwargs):
        calls.append(list(command))
        return real(command, *args, **kwargs)

    monkeypatch.setattr(lexicon.subprocess, "run", counting)
    return calls


# --- Words -----------------------------------------------------------------------------


def test_an_inflected_word_gives_its_lemma(lex):
    assert lex.lemmas("verslagen") == ("verslag",)
    assert lex.lemmas("gemeenten") == ("gemeente",)
    assert "verslag" in lex.word_terms("verslagen") and "gemeente" in lex.word_terms("gemeenten")
    # The word itself is not a term of its own.
    assert "verslagen" not in lex.word_terms("verslagen")


@pytest.mark.parametrize(
    "word, parts",
    [
        # split by hunspell itself (pa:), the head by its lemma
        ("zorgverzekeraars", {"zorg", "verzekeraar"}),
        ("buurtwerkplaats", {"buurt", "werkplaats"}),
        # listed whole by the dictionary: the splitter, on the lemma
        ("woningcorporaties", {"woning", "corporatie"}),
        ("jeugdhulp", {"jeugd", "hulp"}),
        # unknown to hunspell: the splitter, with a linking s
        ("armoedebeleid", {"armoede", "beleid"}),
        ("bewonersavonden", {"bewoner", "avond"}),
    ],
)
def test_a_compound_gives_its_parts_and_their_lemmas(lex, word, parts):
    assert parts <= set(lex.word_terms(word)), lex.word_terms(word)


def test_the_modifier_with_the_heads_lemma_is_a_term(lex):
    assert "zorgverzekeraar" in lex.word_terms("zorgverzekeraars")
    assert "bewonersavond" in lex.word_terms("bewonersavonden")


@pytest.mark.parametrize("word", ["verslag", "luisteren", "gesprekken", "verschillende", "toegankelijkheid"])
def test_a_word_that_is_no_compound_is_not_split(lex, word):
    """verslag is not ver + slag (too short to split), luisteren not
    luis + teren (hunspell does not end a compound with teren), gesprekken
    not gesp + rekken (split by its lemma gesprek), toegankelijk + heid is a suffix."""
    made_up = {"slag", "luis", "teren", "luist", "eren", "gesp", "rekken", "vers", "chillen", "heid"}
    assert not made_up & set(lex.word_terms(word)), lex.word_terms(word)


def test_an_ing_noun_and_its_en_verb_find_each_other(lex):
    assert "samenwerken" in lex.word_terms("samenwerking")
    assert "samenwerking" in lex.word_terms("samenwerken")
    # Not from short words, where the other form is mostly another word.
    assert "zoeking" not in lex.word_terms("zoeken")


def test_a_participle_listed_whole_leads_to_its_infinitive(lex):
    assert "organiseren" in lex.word_terms("georganiseerd")
    assert "werken" in lex.word_terms("gewerkt") and "plannen" in lex.word_terms("gepland")
    # Only infinitives hunspell knows: gezondheid gives no "zondhei..." verb.
    assert not [t for t in lex.word_terms("gezondheid") if t.endswith("en")]


def test_an_eren_plural_and_its_singular_find_each_other_in_compounds_too(lex):
    assert "kind" in lex.word_terms("kinderen") and "kinderen" in lex.word_terms("kind")
    assert {"kind", "pleegkind"} <= set(lex.word_terms("pleegkinderen"))
    # Not a rule for every -eren word: parkeren is a verb of its own.
    assert "park" not in lex.word_terms("parkeren")


def test_an_events_place_gives_terms_though_the_template_shows_it():
    from werkplaats.content.entries import Location

    class Event:
        location = Location(name="Stadskantoor", city="Schiedam")

    assert search.shown_text(Event()) == ["Stadskantoor, Schiedam"]
    assert search.shown_text(None) == []
    terms = search.Terms("lexicon", Lexicon(None)).for_page("<p>Een middag.</p>", "Werkconferentie", (), search.shown_text(Event()))
    assert "kantoor" in terms.split() and "stadskantoor" not in terms.split()


def test_words_under_four_letters_are_skipped(lex, monkeypatch):
    runs = hunspell_runs(monkeypatch)
    assert lex.terms("in op de zee, wat nu?") == []
    assert lex.entry("in") == ((), ()) and runs == []


def test_a_texts_terms_leave_out_its_own_words():
    lex = Lexicon(None)
    terms = lex.terms("Verslagen van gemeenten. Een verslag voor zorgverzekeraars.")
    assert {"gemeente", "zorg", "verzekeraar"} <= set(terms)
    assert "verslag" not in terms and "verslagen" not in terms
    assert terms == sorted(set(terms))
    # compared as Pagefind compares words: without diacritics
    assert "café" not in lex.terms("kenniscafés en een cafe")
    assert "café" in lex.terms("kenniscafés")


def test_words_are_lower_case_and_hyphenated_words_give_their_parts():
    assert lexicon.words("Het WMO-loket, foto’s in 2017") == ["het", "wmo-loket", "wmo", "loket", "foto's", "in"]


# --- Batches and the cache ------------------------------------------------------------------


def test_many_words_cost_a_few_hunspell_runs_not_one_per_word(tmp_path, monkeypatch):
    runs = hunspell_runs(monkeypatch)
    lex = Lexicon(tmp_path)
    text = (ROOT / "tests" / "test_lexicon.py").read_text(encoding="utf-8") + " ".join(
        ["zorgverzekeraars woningcorporaties buurtwerkplaats jeugdhulp armoedebeleid bewonersavonden samenwerking"] * 3
    )
    distinct = {w for w in lexicon.words(text) if len(w) >= lexicon.MIN_WORD}
    lex.terms(text)
    assert len(distinct) > 150 and 0 < len(runs) <= 8, (len(distinct), len(runs))
    assert all(command[1:4] == ["-i", "utf-8", "-m"] for command in runs)


def test_the_disk_cache_answers_a_second_build_without_hunspell(tmp_path, monkeypatch):
    text = "Zorgverzekeraars en woningcorporaties over jeugdhulp in de buurtwerkplaats."
    first = Lexicon(tmp_path)
    expected = first.terms(text)
    runs = hunspell_runs(monkeypatch)
    # the same process: from memory
    assert first.terms(text) == expected and runs == []
    # a new process (a new build): from .cache/lexicon/ on disk
    second = Lexicon(tmp_path)
    assert second.terms(text) == expected and second.lemmas("woningcorporaties") == ("woningcorporatie",)
    assert runs == [] and second.calls == 0
    assert [p.suffix for p in tmp_path.iterdir()] == [".jsonl"]


def test_a_new_dictionary_starts_a_new_cache(tmp_path):
    dictionary = tmp_path / "woordenboek" / "nl"
    dictionary.parent.mkdir()
    for suffix in (".aff", ".dic"):
        shutil.copy(lexicon.DICTIONARY.with_suffix(suffix), dictionary.with_suffix(suffix))
    cache = tmp_path / "cache"
    Lexicon(cache, dictionary=dictionary).terms("verslagen")
    old = sorted(cache.iterdir())
    with open(dictionary.with_suffix(".dic"), "a", encoding="utf-8") as dic:
        dic.write("werkplaatsverslag\n")
    upgraded = Lexicon(cache, dictionary=dictionary)
    assert upgraded.lemmas("verslagen") == ("verslag",) and upgraded.calls > 0
    new = sorted(cache.iterdir())
    assert len(old) == len(new) == 1 and old != new


def test_a_line_cut_short_in_the_cache_is_looked_up_again(tmp_path):
    Lexicon(tmp_path).terms("gemeenten")
    [cache] = tmp_path.iterdir()
    cache.write_text(cache.read_text(encoding="utf-8") + '["verslagen", ["vers', encoding="utf-8")
    again = Lexicon(tmp_path)
    assert again.lemmas("gemeenten") == ("gemeente",) and again.calls == 0
    assert again.lemmas("verslagen") == ("verslag",) and again.calls > 0


# --- Without hunspell: a clear stop, never a site without terms ----------------------------


def test_without_hunspell_the_lexicon_says_what_to_install(tmp_path):
    with pytest.raises(LexiconError, match=r"geen-hunspell ontbreekt(.|\n)*sudo apt-get install hunspell hunspell-nl(.|\n)*is missing"):
        Lexicon(None, hunspell="geen-hunspell")
    (tmp_path / "nl.aff").write_text("SET UTF-8\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"nl\.dic ontbreekt(.|\n)*sudo apt-get install hunspell hunspell-nl"):
        Lexicon(None, dictionary=tmp_path / "nl")


def test_a_lexicon_build_without_hunspell_stops_and_a_pagefind_build_does_not(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon.shutil, "which", lambda name: None)
    monkeypatch.setattr(lexicon, "_open", {})
    with pytest.raises(LexiconError, match="sudo apt-get install hunspell hunspell-nl"):
        search.Terms.for_build(tmp_path, {})
    terms = search.Terms.for_build(tmp_path, {"WERKPLAATS_ZOEKEN": "pagefind"})
    assert terms.lexicon is None and terms.for_page("<p>Verslagen</p>", "Titel", ["Nieuws"]) == "nieuws"


# --- The approach switch -----------------------------------------------------------------------


def test_the_approach_is_lexicon_unless_the_environment_says_pagefind():
    assert search.approach({}) == search.approach({"WERKPLAATS_ZOEKEN": ""}) == "lexicon"
    assert search.approach({"WERKPLAATS_ZOEKEN": "pagefind"}) == "pagefind"
    with pytest.raises(ValueError, match=r"WERKPLAATS_ZOEKEN='stemmer'.*lexicon, pagefind"):
        search.approach({"WERKPLAATS_ZOEKEN": "stemmer"})


def test_lexicon_indexes_without_stemming_and_pagefind_with_its_dutch_stemmer(tmp_path):
    page = '<html lang="nl"><body><main data-pagefind-body><h1>Verslagen</h1><p>Gemeenten.</p></main></body></html>'
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    languages = {}
    for approach in ("lexicon", "pagefind"):
        assert search.index_site(tmp_path, approach) == 1
        entry = json.loads((tmp_path / search.BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages[approach] = set(entry["languages"])
    assert languages == {"lexicon": {search.NO_STEMMING}, "pagefind": {"nl"}}
    assert search.pagefind_arguments(tmp_path, "lexicon")[-2:] == ["--force-language", "zxx"]
    assert "--force-language" not in search.pagefind_arguments(tmp_path, "pagefind")


def test_a_pages_text_is_its_title_and_the_words_of_its_html():
    text = search.page_text("<p>Eén<em>zin</em></p><p>Twee</p><script>var geheim;</script>", "Titel")
    assert text.split() == ["Titel", "Eén", "zin", "Twee"]


# --- A built site ---------------------------------------------------------------------------

POSTS = {
    "nieuws/verzekeraars.md": """---
title: Zorgverzekeraars en woningcorporaties praten mee
date: 2025-04-01
---

De jeugdhulp in de buurtwerkplaats krijgt steun van gemeenten.
""",
    "verslagen/terugblik.md": """---
title: Terugblik op een avond in Zwijndrecht
date: 2025-05-02
---

Bewoners spraken over armoedebeleid.
""",
    "nieuws/concept.md": """---
title: Een concept
date: 2025-05-05
draft: true
---

Over de vlinderstruik in de gemeenschappelijke tuin.
""",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """approach -> the fixture project built with it."""
    project = Project(tmp_path_factory.mktemp("lexicon") / "project")
    for rel, text in POSTS.items():
        project.write(rel, text)
    sites = {}
    for approach in ("lexicon", "pagefind"):
        sites[approach] = run_mkdocs(project.root, tmp_path_factory.mktemp(f"site-{approach}"), TODAY, WERKPLAATS_ZOEKEN=approach)
    return project, sites


def indexed(site: Path, end: str) -> dict:
    [page] = [p for p in search.read_index(site) if p["url"].endswith(end)]
    return page


NEWS = "/2025/04/01/zorgverzekeraars-en-woningcorporaties-praten-mee/"
REPORT = "/2025/05/02/terugblik-op-een-avond-in-zwijndrecht/"


@pytest.mark.site
def test_a_page_is_found_by_hidden_terms_that_no_excerpt_shows(built):
    _, sites = built
    site = sites["lexicon"]
    news = indexed(site, NEWS)
    terms = news["meta"]["termen"].split()
    assert {"zorg", "verzekeraar", "woning", "corporatie", "jeugd", "hulp", "buurt", "werkplaats", "gemeente"} <= set(terms)
    # Never a word the page has itself, and never in the text excerpts come from.
    own = {lexicon.fold(w) for w in lexicon.words(news["content"])}
    assert not [t for t in terms if lexicon.fold(t) in own]
    assert "termen" not in news["content"] and not [t for t in terms if re.search(rf"\b{t}\b", news["content"], re.I)]
    # The category of a report, left out of the indexed text, is a term.
    report = indexed(site, REPORT)
    assert {"verslagen", "verslag", "armoede", "beleid", "bewoner"} <= set(report["meta"]["termen"].split())
    # In the page: inside the hidden record Pagefind ignores as text.
    soup = BeautifulSoup((site / news["url"].strip("/") / "index.html").read_text(encoding="utf-8"), "lxml")
    span = soup.select_one("[data-pagefind-meta=termen]")
    assert span.find_parent(attrs={"data-pagefind-ignore": True}).has_attr("hidden")
    assert span.get_text().split() == terms


@pytest.mark.site
def test_an_excerpt_comes_from_the_text_not_the_title_or_the_date_line(built):
    _, sites = built
    news = indexed(sites["lexicon"], NEWS)
    # The title is Pagefind's title meta (ranked by the box), not repeated as text.
    assert news["meta"]["title"] == "Zorgverzekeraars en woningcorporaties praten mee"
    assert news["content"].startswith("De jeugdhulp")
    assert "leestijd" not in news["content"] and "april 2025" not in news["content"]


@pytest.mark.site
def test_the_word_list_holds_the_indexed_words_and_their_lemmas(built):
    _, sites = built
    data = json.loads((sites["lexicon"] / search.VOCABULARY).read_text(encoding="utf-8"))
    assert list(data) == ["woorden"]
    words = data["woorden"]
    assert words == sorted(set(words)) and all(w == w.lower() and sum(c.isalpha() for c in w) >= 4 for w in words)
    # from titles and text, and their lemmas
    assert {"zorgverzekeraars", "zorgverzekeraar", "terugblik", "armoedebeleid", "bewoners", "bewoner"} <= set(words)
    # not the hidden terms, not a draft, no short words
    assert "corporatie" not in words and "vlinderstruik" not in words and "over" in words and "een" not in words
    # the index's pages only: the page's date line is not indexed text
    assert "leestijd" not in words


@pytest.mark.site
def test_the_pagefind_approach_stems_adds_no_lemmas_and_lists_words_only(built):
    _, sites = built
    site = sites["pagefind"]
    entry = json.loads((site / search.BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"nl"}
    # only the category, whose line is not indexed text
    assert indexed(site, NEWS)["meta"]["termen"] == "nieuws"
    words = json.loads((site / search.VOCABULARY).read_text(encoding="utf-8"))["woorden"]
    assert "zorgverzekeraars" in words and "zorgverzekeraar" not in words


@pytest.mark.site
def test_an_unknown_approach_stops_the_build(built):
    project, _ = built
    with pytest.raises(BuildFailed, match=r"WERKPLAATS_ZOEKEN='stemmer' is onbekend"):
        run_mkdocs(project.root, project.root.parent / "site-onbekend", TODAY, WERKPLAATS_ZOEKEN="stemmer")


# --- make installs hunspell ----------------------------------------------------------------------

# Every target that builds the site, and `unit` (this file's plain-data tests run hunspell).
NEEDS_HUNSPELL = ("serve", "cms", "build", "content-check", "test", "unit", "test-site", "bench", "bench-search", "bench-preview", "audit")


def test_every_make_target_that_builds_needs_hunspell_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in NEEDS_HUNSPELL:
        [line] = [line for line in makefile.splitlines() if line.startswith(f"{target}:")]
        assert " hunspell " in line.split("##")[0] + " ", line


def fake_tools(bin_dir: Path, uid: int, sudo_works: bool) -> Path:
    """id, sudo and apt-get stand-ins that log what make asks of them."""
    log = bin_dir / "log"
    bin_dir.mkdir()
    scripts = {
        "id": f"echo {uid}",
        "sudo": f'echo "sudo $*" >> {log}; [ "$1" = -n ] && exit {0 if sudo_works else 1}; "$@"',
        "apt-get": f'echo "apt-get $*" >> {log}',
    }
    for name, body in scripts.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    log.touch()
    return log


@pytest.mark.parametrize(
    "uid, sudo_works, installs",
    [(0, False, ["apt-get update -qq", "apt-get install -y -qq hunspell hunspell-nl"]), (1000, True, "sudo"), (1000, False, None)],
    ids=["root", "sudo", "neither"],
)
def test_make_installs_hunspell_with_apt_or_says_how(tmp_path, uid, sudo_works, installs):
    log = fake_tools(tmp_path / "bin", uid, sudo_works)
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    # A dictionary that is not there: make must install or stop.
    done = subprocess.run(
        ["make", "-s", "hunspell", f"HUNSPELL_NL={tmp_path / 'nl.dic'}"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    calls = log.read_text(encoding="utf-8").splitlines()
    if installs is None:
        assert done.returncode != 0 and calls == ["sudo -n true"]
        assert "sudo apt-get install hunspell hunspell-nl" in done.stderr and "Zoeken in het Nederlands" in done.stderr
    elif installs == "sudo":
        assert done.returncode == 0, done.stderr
        assert calls == [
            "sudo -n true",
            "sudo apt-get update -qq",
            "apt-get update -qq",
            "sudo apt-get install -y -qq hunspell hunspell-nl",
            "apt-get install -y -qq hunspell hunspell-nl",
        ]
    else:
        assert done.returncode == 0 and calls == installs, done.stderr
    # Installed already: nothing to do.
    log.write_text("", encoding="utf-8")
    done = subprocess.run(["make", "-s", "hunspell"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0 and log.read_text(encoding="utf-8") == "" and done.stdout == ""
