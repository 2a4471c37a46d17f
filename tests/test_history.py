"""Stamps from the content's own history (werkplaats.content.history, .lastmod, .ical):
the calendar's DTSTAMP, LAST-MODIFIED and SEQUENCE and the sitemap's
<lastmod> come from the commits of each file, never from the build's day."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
import yaml
from conftest import GENERATOR, GIT_ENV, ROOT, BuildFailed, git, run_mkdocs
from sitecheck import Khal

from werkplaats.content.history import HistoryError, count_changes, read_history
from werkplaats.content.model import is_post_file
from werkplaats.core.settings import load_settings
from werkplaats.site import ical, lastmod
from werkplaats.site.build import start_build

pytestmark = pytest.mark.fixture_project

EVENT = "---\ntitle: Kenniscafé\nstart: {start}\nlocation:\n  name: {place}\n  city: Rotterdam\n{extra}---\n\n{text}\n"
REL = "posts/agenda/2017-10-18-kenniscafe.md"
DAY = 24 * 3600
T0 = 1500000000  # 2017-07-14


def event(start="2017-10-18 19:00", place="Hogeschool", extra="", text="Over samenwerken."):
    return EVENT.format(start=start, place=place, extra=extra, text=text)


def commit(root: Path, when: int, message: str = "wijziging") -> None:
    """Commit everything with a fixed author and committer time."""
    stamp = f"@{when} +0000"
    env = {**os.environ, **GIT_ENV, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_DATE": stamp}
    for args in (["add", "-A"], ["commit", "-qm", message]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def history_of(repo):
    return read_history(repo.root, repo.settings, [REL])


@pytest.fixture
def in_git(repo):
    git(repo.root, "init", "-q", "-b", "main")
    return repo


# --- the history itself ---------------------------------------------------------------


def test_the_stamp_is_the_last_commit_that_changed_the_file(in_git):
    in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    in_git.write("nieuws/ander.md", "---\ntitle: Ander\ndate: 2017-01-01\n---\n\nTekst.\n")
    commit(in_git.root, T0)
    in_git.write("nieuws/ander.md", "---\ntitle: Ander\ndate: 2017-01-01\n---\n\nAndere tekst.\n")
    commit(in_git.root, T0 + DAY)
    history = history_of(in_git)
    assert history.source == "git"
    assert history.stamp(REL) == T0  # not touched by the second commit
    assert history.stamp("posts/nieuws/ander.md") == T0 + DAY
    assert history.sequence(REL) == 0 and history.removed is None


@pytest.mark.parametrize(
    "change",
    [
        {"start": "2017-10-25 19:00"},
        {"start": "2017-10-18 20:00"},
        {"extra": "end: 2017-10-18 22:00\n"},
        {"place": "Stadhuis"},
        {"extra": "status: geannuleerd\n"},
    ],
    ids=["day", "time", "end", "place", "status"],
)
def test_sequence_rises_when_time_place_or_status_change(in_git, change):
    in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    commit(in_git.root, T0)
    in_git.write("agenda/2017-10-18-kenniscafe.md", event(**change))
    commit(in_git.root, T0 + DAY)
    assert history_of(in_git).sequence(REL) == 1


def test_sequence_stays_on_a_text_edit_or_the_same_time_written_otherwise(in_git):
    in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    commit(in_git.root, T0)
    in_git.write("agenda/2017-10-18-kenniscafe.md", event(text="Een andere tekst.", extra="description: Nieuw\n"))
    commit(in_git.root, T0 + DAY)
    in_git.write("agenda/2017-10-18-kenniscafe.md", event(start='"2017-10-18T19:00"', extra="status: gepland\n"))
    commit(in_git.root, T0 + 2 * DAY)
    history = history_of(in_git)
    assert history.sequence(REL) == 0  # the model reads the same start and status
    assert history.stamp(REL) == T0 + 2 * DAY  # but the file did change


def test_sequence_counts_each_change_and_passes_over_unreadable_versions(in_git):
    for n, start in enumerate(["2017-10-18 19:00", "2017-10-25 19:00", "niet: [", "2017-10-25 19:00", "2017-11-01 19:00"]):
        in_git.write("agenda/2017-10-18-kenniscafe.md", event(start=start))
        commit(in_git.root, T0 + n * DAY)
    assert history_of(in_git).sequence(REL) == 2
    assert count_changes([1, None, 1, 2, 2, 1]) == 2


def test_uncommitted_changes_use_the_file_time_and_count_once(in_git):
    path = in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    commit(in_git.root, T0)
    path.write_text(event(start="2017-10-25 19:00"), encoding="utf-8")
    os.utime(path, (T0 + 5 * DAY, T0 + 5 * DAY))
    history = history_of(in_git)
    assert history.stamp(REL) == T0 + 5 * DAY and history.sequence(REL) == 1


def test_a_deleted_post_moves_the_listings_and_a_new_file_of_the_same_name_starts_again(in_git):
    in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    commit(in_git.root, T0)
    in_git.write("agenda/2017-10-18-kenniscafe.md", event(start="2017-10-25 19:00"))
    commit(in_git.root, T0 + DAY)
    (in_git.root / REL).unlink()
    commit(in_git.root, T0 + 2 * DAY)
    in_git.write("agenda/2017-10-18-kenniscafe.md", event(start="2017-11-01 19:00"))
    commit(in_git.root, T0 + 3 * DAY)
    history = history_of(in_git)
    assert history.removed == T0 + 2 * DAY
    assert history.sequence(REL) == 0 and history.stamp(REL) == T0 + 3 * DAY


def test_only_a_post_leaving_posts_moves_the_listings(in_git):
    """A listing changes when a post leaves posts/ (deleted or renamed), not
    when a photo, an attachment or a media folder's old README.md goes: the
    model's rule for which files are posts (model.is_post_file)."""
    in_git.write("nieuws/ander.md", "---\ntitle: Ander\ndate: 2017-01-01\n---\n\nTekst.\n")
    in_git.write("nieuws/afbeeldingen/foto.jpg", b"\xff\xd8\xff")
    in_git.write("verslagen/bijlagen/verslag.pdf", b"%PDF-1.4\n")
    in_git.write("agenda/afbeeldingen/README.md", "Zet hier de foto's van activiteiten.\n")
    commit(in_git.root, T0)
    (in_git.root / "posts/nieuws/afbeeldingen/foto.jpg").unlink()
    (in_git.root / "posts/verslagen/bijlagen/verslag.pdf").rename(in_git.root / "posts/verslagen/bijlagen/verslag-2017.pdf")
    (in_git.root / "posts/agenda/afbeeldingen/README.md").unlink()
    commit(in_git.root, T0 + DAY)
    assert read_history(in_git.root, in_git.settings).removed is None
    (in_git.root / "posts/nieuws/ander.md").rename(in_git.root / "posts/nieuws/andere-naam.md")
    commit(in_git.root, T0 + 2 * DAY)
    assert read_history(in_git.root, in_git.settings).removed == T0 + 2 * DAY
    posts = in_git.root / "posts"
    assert is_post_file(posts / "nieuws/x.md", posts) and is_post_file(posts / "nieuws/bijlagen/x.md", posts)
    assert not any(is_post_file(posts / rel, posts) for rel in ("nieuws/bijlagen/README.md", "nieuws/x.MD", "nieuws/x.pdf"))
    assert not is_post_file(in_git.root / "docs/x.md", posts)


def test_without_git_the_file_time_is_the_stamp(repo):
    """A source archive: no .git; GitHub's archives give each file its commit's time."""
    path = repo.write("agenda/2017-10-18-kenniscafe.md", event())
    os.utime(path, (T0, T0))
    history = history_of(repo)
    assert history.source == "bestanden"
    assert history.stamp(REL) == T0 and history.sequence(REL) == 0


def shallow_clone(root: Path, depth: int, where: Path) -> Path:
    """A real shallow clone, as CI's checkout makes one (file://: a plain path ignores --depth)."""
    git(where.parent, "clone", "-q", "--depth", str(depth), f"file://{root}", str(where))
    assert git(where, "rev-parse", "--is-shallow-repository").strip() == "true"
    return where


def three_commits(repo) -> None:
    """The event moves in every commit; 'oud' changes only in the first, 'midden' only in the second."""
    for n, start in enumerate(["2017-10-18 19:00", "2017-10-18 20:00", "2017-10-18 21:00"]):
        repo.write("agenda/2017-10-18-kenniscafe.md", event(start=start))
        repo.write(
            ("nieuws/oud.md", "nieuws/midden.md", "nieuws/nieuw.md")[n], f"---\ntitle: Bericht {n}\ndate: 2017-01-01\n---\n\nTekst.\n"
        )
        commit(repo.root, T0 + n * DAY)


def test_a_shallow_clone_gives_approximate_stamps_from_its_oldest_commit(in_git, tmp_path):
    """CI's clean clone may be shallow: a file not changed within the fetched
    history gets the time of the oldest fetched commit (it changed then at
    the latest), SEQUENCE counts the fetched changes, and the History says
    why the stamps are approximate."""
    three_commits(in_git)
    whole = history_of(in_git)
    assert not whole.approximate and whole.sequence(REL) == 2 and whole.stamp("posts/nieuws/oud.md") == T0
    clone = shallow_clone(in_git.root, 2, tmp_path / "ondiep")
    history = read_history(clone, load_settings(clone), [REL])
    assert history.source == "git"
    assert history.stamp("posts/nieuws/oud.md") == T0 + DAY  # the boundary: at the latest then
    assert history.stamp("posts/nieuws/midden.md") == T0 + DAY  # true: changed in the boundary commit
    assert history.stamp(REL) == history.stamp("posts/nieuws/nieuw.md") == T0 + 2 * DAY  # true
    assert history.sequence(REL) == 1  # the one move within the fetched history
    assert "ondiepe kopie" in history.approximate and "2017-07-15" in history.approximate
    assert "fetch-depth: 0" in history.approximate and "\n" not in history.approximate
    one = read_history(shallow_clone(in_git.root, 1, tmp_path / "een"), load_settings(clone), [REL])
    assert set(one.stamps.values()) == {T0 + 2 * DAY} and one.sequence(REL) == 0 and one.approximate
    assert read_history(clone, load_settings(clone), [REL]) == history  # the same clone: the same stamps


def test_a_shallow_clone_stops_the_build_that_asks_for_the_whole_history(in_git, tmp_path):
    """Where stamps are published (the deploy's build job sets
    WERKPLAATS_HISTORY=full, tests/test_workflows.py), a shallow clone
    stops the build with what to do, instead of publishing wrong stamps."""
    three_commits(in_git)
    clone = shallow_clone(in_git.root, 1, tmp_path / "ondiep")
    with pytest.raises(HistoryError, match="fetch-depth: 0"):
        read_history(clone, full=True)
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    state = start_build(clone, environ={**deploy["jobs"]["build"]["env"], "SITE_TODAY": "2017-10-01"})
    with pytest.raises(HistoryError, match="fetch-depth: 0"):
        state.history()
    # The whole history with the same setting: true stamps, no stop.
    assert start_build(in_git.root, environ={"WERKPLAATS_HISTORY": "full", "SITE_TODAY": "2017-10-01"}).history().sequence(REL) == 2
    with pytest.raises(ValueError, match="WERKPLAATS_HISTORY"):
        start_build(clone, environ={"WERKPLAATS_HISTORY": "ja", "SITE_TODAY": "2017-10-01"})


def test_a_shallow_clone_of_the_project_builds_and_says_its_stamps_are_approximate(project, tmp_path):
    """The real build of a shallow clone (as CI's `.ci/run` may get): it
    succeeds, prints the one line, and stamps the calendar from the oldest
    fetched commit; with WERKPLAATS_HISTORY=full it stops."""
    git(project.root, "init", "-q", "-b", "main")
    project.write("agenda/2017-10-18-kenniscafe.md", event())
    commit(project.root, T0)
    project.write("agenda/2017-10-18-kenniscafe.md", event(text="Een andere tekst."))
    commit(project.root, T0 + DAY)
    clone = shallow_clone(project.root, 1, tmp_path / "ondiep")
    if (project.root / "node_modules").exists() and not (clone / "node_modules").exists():
        (clone / "node_modules").symlink_to((project.root / "node_modules").resolve())
    environment = {**os.environ, "SITE_TODAY": "2017-10-01", "NO_MKDOCS_2_WARNING": "1"}
    for name in ("SITE_URL", "SOURCE_DATE_EPOCH", "WERKPLAATS_HISTORY"):
        environment.pop(name, None)
    out = tmp_path / "site"
    built = subprocess.run([sys.executable, "-m", GENERATOR, "build", "--strict", "-d", str(out)], cwd=clone, env=environment,
                           capture_output=True, text=True)  # fmt: skip
    assert built.returncode == 0, built.stderr
    notices = [line for line in built.stderr.splitlines() if "bij benadering" in line]
    assert len(notices) == 1 and "ondiepe kopie" in notices[0] and "fetch-depth: 0" in notices[0], built.stderr
    (vevent,) = vevents(out, "agenda/werkplaats-agenda.ics").values()
    assert vevent.decoded("DTSTAMP") == dt.datetime.fromtimestamp(T0 + DAY, dt.UTC) and int(vevent["SEQUENCE"]) == 0
    with pytest.raises(BuildFailed, match="fetch-depth: 0"):
        run_mkdocs(clone, tmp_path / "site-vol", "2017-10-01", WERKPLAATS_HISTORY="full")


# --- what the site makes of it --------------------------------------------------------------


def test_listings_take_the_latest_of_what_they_can_show_and_the_days_it_changed_by_time(in_git):
    in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    commit(in_git.root, T0)  # 2017-07-14
    state = start_build(in_git.root, environ={"SITE_TODAY": "2017-10-01"})
    history = state.history()
    (entry,) = state.events
    assert lastmod.entry_day(entry, history, state.today) == dt.date(2017, 7, 14)
    assert lastmod.page_day(state, history, view="agenda") == dt.date(2017, 7, 14)
    later = start_build(in_git.root, environ={"SITE_TODAY": "2017-12-01"})
    # The day after the event it moved to the past, on its page and the agenda.
    assert lastmod.page_day(later, later.history(), entry=later.events[0]) == dt.date(2017, 10, 19)
    assert lastmod.page_day(later, later.history(), view="agenda") == dt.date(2017, 10, 19)
    # A month grid marks today while today is on it.
    assert lastmod.month_grid_day(dt.date(2017, 10, 1), dt.date(2017, 10, 20)) == dt.date(2017, 10, 20)
    assert lastmod.month_grid_day(dt.date(2017, 10, 1), dt.date(2017, 12, 1)) == dt.date(2017, 11, 6)
    assert lastmod.month_grid_day(dt.date(2017, 10, 1), dt.date(2017, 9, 1)) is None


def test_an_event_moves_to_the_past_the_day_after_its_last_day(in_git):
    """The agenda's own rule (agenda.has_ended): on its last day it is still today's."""
    in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    commit(in_git.root, T0)  # 2017-07-14
    state = start_build(in_git.root, environ={"SITE_TODAY": "2017-10-01"})
    (entry,) = state.events
    days = {today: lastmod.entry_day(entry, state.history(), dt.date(2017, 10, today)) for today in (18, 19, 20)}
    assert days == {18: dt.date(2017, 7, 14), 19: dt.date(2017, 10, 19), 20: dt.date(2017, 10, 19)}


def test_which_page_lists_what_is_decided_from_plain_values(in_git):
    """hooks/lastmod.py hands over a page's source file, its meta and a blog
    view's posts; werkplaats.site.lastmod decides what the page is: an entry, a
    fixed page, a blog view (by all its posts), the tags page (by every
    entry, found by the tags plugin's comment) or a view of werkplaats.site.pages."""
    news = "---\ntitle: {title}\ndate: 2017-01-01\n---\n\nTekst.\n"
    docs = in_git.root / "docs"
    (docs / "over.md").write_text("# Over ons\n", encoding="utf-8")
    (docs / "nieuws" / "trefwoorden.md").write_text("# Trefwoorden\n\n<!-- material/tags -->\n", encoding="utf-8")
    in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    old = in_git.write("nieuws/oud.md", news.format(title="Oud"))
    commit(in_git.root, T0)  # 2017-07-14
    new = in_git.write("nieuws/nieuw.md", news.format(title="Nieuw"))
    commit(in_git.root, T0 + 10 * DAY)  # 2017-07-24
    (docs / "over.md").write_text("# Over ons\n\nMeer.\n", encoding="utf-8")
    commit(in_git.root, T0 + 20 * DAY)  # 2017-08-03
    state = start_build(in_git.root, environ={"SITE_TODAY": "2017-09-01"})
    history = state.history()

    def day(path=None, **page):
        return lastmod.lastmod_of(state, history, path=None if path is None else str(path), **page)

    assert lastmod.source_of(str(docs / "over.md"), in_git.root) == "docs/over.md"
    assert lastmod.source_of(str(old), in_git.root) is None and lastmod.source_of(None, in_git.root) is None
    assert lastmod.listing_of(state, posts=None, source="docs/over.md") is None
    assert lastmod.listing_of(state, posts=[str(old), "/elders/x.md"], source=None) == [state.by_source[str(old)]]
    assert day(docs / "over.md") == dt.date(2017, 8, 3)  # its own file
    assert day(docs / "nieuws" / "trefwoorden.md") == dt.date(2017, 7, 24)  # every entry, not its own older file
    assert day(new) == dt.date(2017, 7, 24) and day(old) == dt.date(2017, 7, 14)  # an entry's page
    assert day(posts=[str(old)]) == dt.date(2017, 7, 14)  # a blog view: the posts it lists
    assert day(posts=[str(old), str(new)]) == dt.date(2017, 7, 24)
    assert day(view="agenda-jaar", key=2017) == dt.date(2017, 7, 14)  # YAML's number: the year's events
    assert day(view="agenda-jaar", key=2016) == dt.date(2017, 7, 24)  # none: the latest of the site


def vevents(site: Path, path: str) -> dict:
    cal = icalendar.Calendar.from_ical((site / path).read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def lastmods(site: Path) -> dict:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    return {u.loc.text: u.lastmod.text if u.lastmod else None for u in soup.find_all("url")}


def test_two_builds_on_other_days_give_the_same_calendars_and_lastmods(project):
    """Built on two days with nothing between them: the same bytes; then a
    new start time raises SEQUENCE and moves only what shows that event."""
    git(project.root, "init", "-q", "-b", "main")
    project.write("agenda/2017-10-18-kenniscafe.md", event())
    project.write("agenda/2017-03-07-netwerk.md", event(start="2017-03-07 15:00").replace("Kenniscafé", "Netwerk"))
    project.write("nieuws/2017-01-01-start.md", "---\ntitle: Van start\ndate: 2017-01-01\n---\n\nTekst.\n")
    commit(project.root, T0)
    first, second = project.build("2026-11-22"), project.build("2026-12-01")
    ics = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.ics"))
    assert len(ics) == 3
    assert all((first / p).read_bytes() == (second / p).read_bytes() for p in ics)
    assert lastmods(first) == lastmods(second)
    # The commit's day, or a day the content changed by time (an event passed): never a build day.
    assert set(lastmods(first).values()) <= {"2017-07-14", "2017-03-08", "2017-10-19", "2017-04-10", "2017-11-06"}
    assert (first / "sitemap.xml.gz").read_bytes() == (second / "sitemap.xml.gz").read_bytes()
    feed = vevents(first, "agenda/werkplaats-agenda.ics")
    assert {int(e["SEQUENCE"]) for e in feed.values()} == {0}
    assert {e.decoded("DTSTAMP") for e in feed.values()} == {dt.datetime.fromtimestamp(T0, dt.UTC)}

    project.write("agenda/2017-10-18-kenniscafe.md", event(start="2017-10-18 20:00"))
    commit(project.root, T0 + 200 * DAY)  # 2018-01-30, after the event
    third = project.build("2026-12-01")
    after = vevents(third, "agenda/werkplaats-agenda.ics")
    moved = next(uid for uid in after if "kenniscafe" in uid)
    assert int(after[moved]["SEQUENCE"]) == 1 and after[moved].decoded("LAST-MODIFIED") == dt.datetime.fromtimestamp(T0 + 200 * DAY, dt.UTC)
    assert all(after[uid] == feed[uid] for uid in after if uid != moved)
    changed = {url for url, day in lastmods(third).items() if day != lastmods(second)[url]}
    assert changed and all(lastmods(third)[url] == "2018-01-30" for url in changed)
    assert not any("/nieuws/2017/01/01/" in url for url in changed)  # the news item did not change
    assert any("kenniscafe" in url for url in changed)


def test_the_calendar_writes_the_history(in_git):
    in_git.write("agenda/2017-10-18-kenniscafe.md", event())
    commit(in_git.root, T0)
    in_git.write("agenda/2017-10-18-kenniscafe.md", event(place="Stadhuis"))
    commit(in_git.root, T0 + DAY)
    state = start_build(in_git.root, environ={"SITE_TODAY": "2026-11-22"})
    (entry,) = state.events
    data = ical.calendar([entry], {entry.rel: "agenda/x/"}, site_url="https://example.org/", name="x", history=state.history())
    (vevent,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert int(vevent["SEQUENCE"]) == 1
    assert vevent.decoded("DTSTAMP") == vevent.decoded("LAST-MODIFIED") == dt.datetime.fromtimestamp(T0 + DAY, dt.UTC)


# --- a calendar client -------------------------------------------------------------------


def test_a_calendar_client_sees_a_new_start_time_and_nothing_else(project, tmp_path):
    """khal imports the subscribable feed, then the feed of each new commit
    (`import --batch` updates an event of the same UID): a text edit leaves
    the event as it was, a new start time moves it, with a higher SEQUENCE,
    and it stays one event. The same commit built on other days leaves the
    DTSTAMP, LAST-MODIFIED and SEQUENCE that khal stored as they were."""
    khal = Khal(tmp_path / "khal")
    git(project.root, "init", "-q", "-b", "main")
    project.write("agenda/2027-03-10-kenniscafe.md", event(start="2027-03-10 19:00"))

    def publish(when: int | None, today: str = "2026-11-22") -> dict:
        """Commit at `when` (None: nothing new), build on `today` (the event is upcoming) and import."""
        if when is not None:
            commit(project.root, when)
        site = project.build(today)
        khal.run("import", "--batch", str(site / "agenda" / "werkplaats-agenda.ics"))
        (vevent,) = vevents(site, "agenda/werkplaats-agenda.ics").values()
        return vevent

    def stamps() -> list:
        """What khal keeps of each event's stamps (import --batch takes them from the file)."""
        return [(e.decoded("DTSTAMP"), e.decoded("LAST-MODIFIED"), int(e["SEQUENCE"])) for e in khal.stored()]

    first = publish(T0)
    assert khal.listed("2027-03-01", "2027-03-31") == ["2027-03-10 19:00|2027-03-10 20:00|Kenniscafé"]

    project.write("agenda/2027-03-10-kenniscafe.md", event(start="2027-03-10 19:00", text="Een andere tekst."))
    edited = publish(T0 + DAY)
    assert khal.listed("2027-03-01", "2027-03-31") == ["2027-03-10 19:00|2027-03-10 20:00|Kenniscafé"]
    assert int(edited["SEQUENCE"]) == int(first["SEQUENCE"]) == 0 and edited.decoded("DTSTART") == first.decoded("DTSTART")
    kept = stamps()
    assert kept == [(dt.datetime.fromtimestamp(T0 + DAY, dt.UTC),) * 2 + (0,)]
    # The same commit built on later days, imported again: khal keeps what it had.
    for today in ("2026-12-01", "2027-03-09"):
        publish(None, today)
        assert stamps() == kept, today
        assert khal.listed("2027-03-01", "2027-03-31") == ["2027-03-10 19:00|2027-03-10 20:00|Kenniscafé"]

    project.write("agenda/2027-03-10-kenniscafe.md", event(start="2027-03-10 20:00", text="Een andere tekst."))
    moved = publish(T0 + 2 * DAY)
    assert khal.listed("2027-03-01", "2027-03-31") == ["2027-03-10 20:00|2027-03-10 21:00|Kenniscafé"]
    assert int(moved["SEQUENCE"]) == 1
    (kept,) = khal.stored()  # one event, not a copy next to the old one
    assert str(kept["UID"]) == str(moved["UID"]) and int(kept["SEQUENCE"]) == 1
    assert kept.decoded("DTSTART") == dt.datetime(2027, 3, 10, 20, 0, tzinfo=kept.decoded("DTSTART").tzinfo)
