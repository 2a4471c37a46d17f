"""A tag is one list on the site whatever its case or accents; written two
ways it would give two lists at one address, so the model names the odd one."""

from __future__ import annotations


def post(title: str, tags: str, date: str = "2026-11-01") -> str:
    return f"---\ntitle: {title}\ndate: {date}\ntags: {tags}\n---\n\nTekst.\n"


def test_a_tag_in_another_case_than_most_files_use_is_named_with_the_usual_spelling(repo):
    repo.write("nieuws/a.md", post("A", "[wijkteams, zorg]"))
    repo.write("verslagen/b.md", post("B", "[wijkteams]"))
    repo.write("nieuws/c.md", post("C", "[armoede, Wijkteams]"))
    (problem,) = repo.problems()
    assert (problem.path, problem.line) == ("posts/nieuws/c.md", 4)
    assert problem.message.startswith('tags: "Wijkteams" staat elders als "wijkteams"') and "schrijf wijkteams" in problem.message
    # The advice, followed, is the end of it.
    repo.write("nieuws/c.md", post("C", "[armoede, wijkteams]"))
    assert repo.problems() == []


def test_accents_count_as_the_same_tag_and_events_too(repo):
    repo.write("nieuws/a.md", post("A", "[kenniscafé]"))
    repo.write("nieuws/b.md", post("B", "[kenniscafé]"))
    repo.write("agenda/c.md", "---\ntitle: C\nstart: 2018-10-18 19:00\nlocation: Dordrecht\ntags: [kenniscafe]\n---\n\nTekst.\n")
    assert [(p.path, p.line) for p in repo.problems()] == [("posts/agenda/c.md", 5)]


def test_different_tags_stay_apart(repo):
    repo.write("nieuws/a.md", post("A", "[wijk, wijkteams]"))
    repo.write("nieuws/b.md", post("B", "[Wijkteam]"))
    assert repo.problems() == []


def test_a_tie_goes_to_lower_case_whichever_file_comes_first(repo):
    repo.write("nieuws/a.md", post("A", "[Mantelzorg]"))
    repo.write("nieuws/b.md", post("B", "[mantelzorg]"))
    (problem,) = repo.problems()
    assert problem.path == "posts/nieuws/a.md" and "schrijf mantelzorg" in problem.message
