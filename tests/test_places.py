"""Places with their own page, online and hybrid events, and the agenda's
filter: the model's rules on plain data first, then a fixture project
built once (the varied content, a hybrid event, a second Gemeentehuis and a
facts file) and read back with real parsers and Chromium."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from conftest import Project, served_build, soup_of
from varied import PUBLIC_EVENTS, ROTTERDAM, write_varied

from werkplaats.content import model, place_facts
from werkplaats.content.entries import Entry, Location
from werkplaats.site import agenda, places

TODAY = "2026-11-22"
HOGESCHOOL = Location("Hogeschool Rotterdam", "Museumpark 40", "3015 CX", "Rotterdam")


def event(name: str, location: Location | None, online: str = "", day: int = 1) -> Entry:
    import datetime as dt

    return Entry(
        "agenda",
        Path(f"/p/posts/agenda/{name}.md"),
        f"posts/agenda/{name}.md",
        name,
        "x",
        name,
        start=dt.date(2027, 1, day),
        location=location,
        online=online,
        status="gepland",
    )


# --- one place per name, address and city -------------------------------------------


def test_the_same_name_address_and_city_is_one_place_whatever_the_case_or_spacing():
    other = Location("hogeschool  rotterdam", "Museumpark 40", "", "ROTTERDAM")
    found = places.collect(
        [event("a", HOGESCHOOL), event("b", other), event("c", Location("Hogeschool Rotterdam", "Kralingse Zoom 91", "", "Rotterdam"))],
        [],
        None,
    )
    assert len(found) == 2
    joined = next(p for p in found.values() if p.location.address == "Museumpark 40")
    assert [e.slug for e in joined.events] == ["a", "b"] and joined.location.postcode == "3015 CX"


def test_a_city_alone_is_no_place_and_an_online_event_has_none():
    found = places.collect([event("a", Location(city="Schiedam")), event("b", None, online="https://example.org/x")], [], None)
    assert found == {}


def test_places_of_the_same_name_get_the_city_in_title_and_address():
    one, two = Location("Gemeentehuis", city="Gorinchem"), Location("Gemeentehuis", city="Dordrecht")
    three = Location("Bibliotheek", "Spuiboulevard 1", city="Dordrecht")
    four = Location("Bibliotheek", "Achterom 2", city="Dordrecht")
    found = places.collect([event(str(n), loc) for n, loc in enumerate((one, two, three, four))], [], None)
    by_slug = {p.slug: p.title for p in found.values()}
    assert by_slug["gemeentehuis-gorinchem"] == "Gemeentehuis, Gorinchem" and by_slug["gemeentehuis-dordrecht"] == "Gemeentehuis, Dordrecht"
    assert {"bibliotheek-dordrecht-spuiboulevard-1", "bibliotheek-dordrecht-achterom-2"} <= set(by_slug)
    assert len(set(by_slug)) == 4


def test_the_office_is_a_place_without_any_event():
    office = Location("Werkplaats", "Museumpark 40", "3015 CX", "Rotterdam")
    (place,) = places.collect([], [], office).values()
    assert place.office and place.events == [] and place.url == "agenda/locaties/werkplaats-rotterdam/"


def test_route_and_map_links_carry_the_address_and_ask_for_public_transport():
    query = parse_qs(urlsplit(places.route_url(HOGESCHOOL)).query)
    assert query == {"api": ["1"], "destination": ["Museumpark 40, 3015 CX, Rotterdam"], "travelmode": ["transit"]}
    assert places.map_url(HOGESCHOOL) == "https://www.openstreetmap.org/search?query=Museumpark%2040%2C%203015%20CX%2C%20Rotterdam"


def test_online_hybrid_and_on_location():
    assert [
        agenda.mode(e) for e in (event("a", None, "https://x.org"), event("b", HOGESCHOOL, "https://x.org"), event("c", HOGESCHOOL))
    ] == ["online", "beide", "locatie"]
    assert [agenda.MODE_LABELS[m] for m in ("online", "beide", "locatie")] == ["Online", "Online en op locatie", ""]


# --- the facts file ------------------------------------------------------------------

FACTS = """locaties:
  - name: Hogeschool Rotterdam
    address: Museumpark 40
    city: Rotterdam
    step_free: ja
    hearing_loop: nee
    parking:
    directions: Neem de lift naar de derde verdieping.
"""


def event_file(location: str) -> str:
    return f"---\ntitle: Bijeenkomst\nstart: 2027-01-14 19:00\nlocation:\n{location}\n---\n\nTekst.\n"


HOGESCHOOL_YAML = "  name: Hogeschool Rotterdam\n  address: Museumpark 40\n  city: Rotterdam"


def test_facts_are_read_and_an_empty_one_is_not_known(repo):
    repo.write("agenda/bijeenkomst.md", event_file(HOGESCHOOL_YAML))
    repo.write("locaties.yml", FACTS)
    entries = model.load_all(repo.settings)
    (facts,) = place_facts.read(repo.settings)[0]
    assert (facts.step_free, facts.hearing_loop, facts.parking) == (True, False, "")
    found = places.collect(entries, [facts], None)
    lines = places.fact_lines(next(iter(found.values())).facts)
    assert [(line["label"], line["text"]) for line in lines] == [
        ("Drempelvrij", "Ja"),
        ("Ringleiding", "Nee"),
        ("De zaal vinden", "Neem de lift naar de derde verdieping."),
    ]


@pytest.mark.parametrize(
    "text, line, words",
    [
        (FACTS.replace("hearing_loop", "hearingloop"), 6, ['onbekend onderdeel "hearingloop"', 'bedoel je "hearing_loop"']),
        (FACTS.replace("step_free: ja", "step_free: misschien"), 5, ["step_free", "geen ja/nee-waarde"]),
        (FACTS.replace("Museumpark 40", "Museumpark 4"), 2, ["geen activiteit vindt plaats op", "precies zoals in de activiteit"]),
        (FACTS + FACTS.removeprefix("locaties:\n"), 9, ["staat er al op regel 2"]),
        ("locaties:\n  - name: Hogeschool Rotterdam\n    address: Museumpark 40\n    city: Rotterdam\n", 2, ["noemt geen enkel feit"]),
        ("plekken:\n  - name: x\n", 1, ["moet beginnen met `locaties:`"]),
        ("locaties:\n  - name: [x\n", 3, ["geen leesbare YAML"]),
    ],
)
def test_every_mistake_in_the_facts_file_names_its_line_and_the_fix(repo, text, line, words):
    repo.write("agenda/bijeenkomst.md", event_file(HOGESCHOOL_YAML))
    repo.write("locaties.yml", text)
    with pytest.raises(model.ContentError) as caught:
        model.load_all(repo.settings)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("posts/locaties.yml", line), problem
    assert all(word in problem.message for word in words), problem.message


def test_facts_about_the_office_need_no_event(repo):
    office = place_facts.office(repo.settings)
    repo.write(
        "locaties.yml",
        f"locaties:\n  - name: {office.name}\n    address: {office.address}\n    city: {office.city}\n    hearing_loop: ja\n",
    )
    model.load_all(repo.settings)
    assert place_facts.problems(repo.settings, []) == []


# --- the built site ------------------------------------------------------------------

HYBRID = f"""---
title: "Kenniscafé op afstand en dichtbij"
start: 2026-12-10 19:30
end: 2026-12-10 21:00
{ROTTERDAM.strip()}
online: https://example.org/live
categories: [Kenniscafé]
---

Kom naar de zaal of kijk mee vanuit huis.
"""

DORDRECHT_GEMEENTEHUIS = """---
title: "Werkbezoek Dordrecht"
start: 2027-02-02 10:00
location:
  name: "Gemeentehuis"
  city: "Dordrecht"
---

Een ochtend op bezoek.
"""


@pytest.fixture(scope="module")
def places_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("plekken") / "project")
    write_varied(project)
    project.write("agenda/kenniscafe-hybride.md", HYBRID)
    project.write("agenda/werkbezoek-dordrecht.md", DORDRECHT_GEMEENTEHUIS)
    project.write("locaties.yml", FACTS)
    with served_build(project.root, tmp_path_factory.mktemp("plekken-server"), TODAY) as served:
        yield project, *served


def page(site: Path, url: str):
    return soup_of(site / url / "index.html")


def jsonld(soup) -> list[dict]:
    """The page's own JSON-LD (every page also carries the Organization's)."""
    found = [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]
    return [data for data in found if data.get("@type") != "Organization"]


def test_every_place_of_an_event_has_a_page_with_its_events(places_site):
    project, site, _ = places_site
    state_events = [e for e in model.load_all(project.settings) if e.is_event and not e.draft]
    found = places.collect(state_events, [], place_facts.office(project.settings))
    index = page(site, "agenda/locaties")
    listed = {urljoin("agenda/locaties/", a["href"]) for a in index.select(".wp-places a")}
    assert listed == {p.url for p in found.values()}
    for place in found.values():
        shown = page(site, place.url)
        titles = sorted(a.get_text(strip=True) for a in shown.select(".wp-event__title a"))
        assert titles == sorted(e.title for e in place.events), place.url
        assert shown.h1.get_text(strip=True) == place.title
        (data,) = jsonld(shown)
        assert data["@type"] == "Place" and data["name"] == place.title
        assert data["address"].get("addressLocality", "") == place.location.city
        for event in place.events:  # and each event links back to its place
            event_page = page(site, agenda.event_dir(event))
            link = event_page.find("a", string="Route en meer over deze locatie")
            assert urljoin(agenda.event_dir(event), link["href"]) == place.url


def test_two_gemeentehuizen_are_two_places_named_by_their_city(places_site):
    _, site, _ = places_site
    names = [a.get_text(strip=True) for a in page(site, "agenda/locaties").select(".wp-places a")]
    assert "Gemeentehuis, Gorinchem" in names and "Gemeentehuis, Dordrecht" in names


def test_a_place_page_says_the_facts_given_and_no_other(places_site):
    _, site, _ = places_site
    shown = page(site, "agenda/locaties/hogeschool-rotterdam")
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in shown.select(".wp-place dl dt")}
    assert facts == {"Drempelvrij": "Ja", "Ringleiding": "Nee", "De zaal vinden": "Neem de lift naar de derde verdieping."}
    route = shown.find("a", string=lambda s: s and "openbaar vervoer" in s)["href"]
    assert parse_qs(urlsplit(route).query)["destination"] == ["Museumpark 40, 3015 CX, Rotterdam"]
    assert "amenityFeature" in jsonld(shown)[0]
    other = page(site, "agenda/locaties/buurthuis-de-brug-zwijndrecht")
    assert other.select(".wp-place dl") == [] and "amenityFeature" not in jsonld(other)[0]


def test_the_contact_page_links_the_offices_route_and_page(places_site):
    project, site, _ = places_site
    contact = page(site, "contact")
    heading = contact.find(id="routebeschrijving")
    links = heading.find_next("ul").find_all("a")
    assert "travelmode=transit" in links[0]["href"]
    office = page(site, urlsplit(urljoin("contact/", links[1]["href"])).path.strip("/"))
    assert "kantoor van de Werkplaats" in office.get_text()
    assert jsonld(office)[0]["address"]["streetAddress"] == project.settings.organisation["straat"]


def test_online_and_hybrid_events_say_so_with_their_attendance_mode(places_site):
    _, site, _ = places_site
    hybrid = page(site, "agenda/2026/12/10/kenniscafe-op-afstand-en-dichtbij")
    assert hybrid.select_one(".wp-mode").get_text(strip=True) == "Online en op locatie"
    (data,) = jsonld(hybrid)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {p["@type"] for p in data["location"]} == {"Place", "VirtualLocation"}
    assert hybrid.find("a", string="Bekijk op de kaart (OpenStreetMap)") is not None
    online = next(e for e in PUBLIC_EVENTS if e.online and "location" not in e.front)
    shown = page(site, f"agenda/{online.first_day:%Y/%m/%d}/webinar-over-de-wmo")
    assert shown.select_one(".wp-mode").get_text(strip=True) == "Online"
    assert shown.find("a", string="Bekijk op de kaart (OpenStreetMap)") is None
    assert jsonld(shown)[0]["location"]["@type"] == "VirtualLocation"
    cards = {li.select_one(".wp-event__title a").get_text(strip=True): li for li in page(site, "agenda").select("li.wp-event")}
    assert cards["Kenniscafé op afstand en dichtbij"].select_one(".wp-mode").get_text() == "Online en op locatie"
    assert cards["Webinar over de Wmo"].select_one(".wp-mode").get_text() == "Online"
    assert cards["Studiedagen sociaal werk"].select_one(".wp-mode") is None


def filter_links(site: Path) -> dict[str, str]:
    nav = page(site, "agenda").select_one("nav.wp-filter")
    return {a["data-wp-match"]: urljoin("agenda/", a["href"]) for a in nav.select("a[data-wp-match]")}


def test_each_filter_is_a_static_page_listing_exactly_its_events(places_site):
    """Without JavaScript a filter is a link; its page lists what the script would show, and past events too."""
    _, site, _ = places_site
    agenda_page = page(site, "agenda")
    upcoming = agenda_page.select("[data-wp-filtered] li.wp-event")
    links = filter_links(site)
    assert {"vorm:online", "vorm:op-locatie", "categorie:kenniscafe", "locatie:hogeschool-rotterdam"} <= set(links)
    for match, url in links.items():
        expected = {li.select_one(".wp-event__title a").get_text(strip=True) for li in upcoming if match in li["data-wp-match"].split()}
        listed = page(site, url).select_one("#binnenkort").find_next("ul").select(".wp-event__title a")
        assert {a.get_text(strip=True) for a in listed} == expected, match
    online = {a.get_text(strip=True) for a in page(site, "agenda/online").select(".wp-event__title a")}
    assert online == {"Kenniscafé op afstand en dichtbij", "Webinar over de Wmo"}


@pytest.mark.browser
def test_the_filter_works_in_place_with_javascript_and_as_links_without(places_site, browser):
    _, site, url = places_site
    for script in (True, False):
        context = browser.new_context(java_script_enabled=script, viewport={"width": 360, "height": 800})
        try:
            view = context.new_page()
            view.goto(url + "agenda/")
            view.get_by_role("link", name="Online te volgen").click()
            if not script:
                view.wait_for_url("**/agenda/online/")
                assert view.locator("h1").inner_text() == "Online te volgen"
                continue
            assert view.url == url + "agenda/"  # no page load
            visible = view.locator("[data-wp-filtered] li.wp-event:visible .wp-event__title a").all_inner_texts()
            assert sorted(visible) == ["Kenniscafé op afstand en dichtbij", "Webinar over de Wmo"]
            assert "2 activiteiten binnenkort: Online te volgen" in view.locator(".wp-filter__status").inner_text()
            assert view.get_by_role("link", name="Online te volgen").get_attribute("aria-current") == "true"
            view.get_by_role("button", name="Toon alles").click()
            total = view.locator("[data-wp-filtered] li.wp-event")
            assert total.count() == view.locator("[data-wp-filtered] li.wp-event:visible").count() > 2
            assert view.evaluate("document.activeElement.textContent") == "Online te volgen"
            assert view.evaluate("document.documentElement.scrollWidth") <= 360
        finally:
            context.close()


def test_the_guides_facts_example_passes_make_check(repo):
    """REDACTIE.md's example of posts/locaties.yml, with an event at its place."""
    guide = (Path(__file__).parent.parent / "REDACTIE.md").read_text(encoding="utf-8")
    example = guide.split("### Locaties", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    first = example.split("\n  - ", 1)[1]
    where = {key: first.split(f"{key}: ", 1)[1].split("\n", 1)[0] for key in ("name", "address", "city")}
    repo.write("agenda/bijeenkomst.md", event_file("\n".join(f"  {k}: {v}" for k, v in where.items())))
    repo.write("locaties.yml", example)
    model.load_all(repo.settings)
    (facts,) = place_facts.read(repo.settings)[0]
    assert facts.step_free is True and facts.parking


def test_facts_about_the_place_of_an_event_with_another_mistake_add_no_message(repo):
    """The editor fixes the event; its place is not reported as unknown on top."""
    repo.write(
        "agenda/bijeenkomst.md", event_file(HOGESCHOOL_YAML).replace("start: 2027-01-14 19:00", "start: 2027-01-14 19:00\nstatus: afgelast")
    )
    repo.write("locaties.yml", FACTS)
    with pytest.raises(model.ContentError) as caught:
        model.load_all(repo.settings)
    assert [(p.path, p.message.split(":")[0]) for p in caught.value.problems] == [("posts/agenda/bijeenkomst.md", "status")]
