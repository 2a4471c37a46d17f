"""A synthetic, deterministic corpus of posts and events for benchmarks and
large-scale tests: Dutch-like text of varied length, categories, tags, some
images, events spread over ten years, some cancelled."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

WORDS = (
    "de het een en van in op met voor te bij over naar door wijk team bewoners zorg welzijn gemeente "
    "samenwerking buurt vrijwilligers professionals beleid onderzoek hogeschool praktijk vraagstuk "
    "mantelzorg jeugd ouderen armoede schulden eenzaamheid ontmoeting netwerk kennis leren werkplaats "
    "sociaal domein informeel formeel wijkteam huisarts school sport cultuur participatie inclusie "
    "gesprek keukentafel ondersteuning aanpak resultaat ervaring bijeenkomst conferentie verslag "
    "Rotterdam Dordrecht Schiedam Barendrecht Ridderkerk Zwijndrecht Gorinchem Papendrecht"
).split()
CATEGORIES = ["Netwerkbijeenkomst", "Werkconferentie", "Kenniscafé", "Wijkteams", "Formeel en informeel"]
TAGS = ["wijkteams", "mantelzorg", "jeugd", "ouderen", "armoede", "participatie", "onderwijs", "onderzoek"]
PLACES = [
    ("Hogeschool Rotterdam", "Museumpark 40", "3015 CX", "Rotterdam"),
    ("Hogeschool Inholland", "Posthumalaan 90", "3072 AG", "Rotterdam"),
    ("Theater aan de Schie", "Stadserf 1", "3112 DZ", "Schiedam"),
    ("Het Hof", "Hofstraat 12", "3311 XE", "Dordrecht"),
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    return " ".join(words).capitalize() + "."


def _body(rng: random.Random, paragraphs: int) -> str:
    blocks = []
    for index in range(paragraphs):
        if index and index % 3 == 0:
            blocks.append(f"## {_sentence(rng)[:-1]}")
        blocks.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 6))))
    return "\n\n".join(blocks) + "\n"


def _image(path: Path, rng: random.Random) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    colour = tuple(rng.randint(0, 255) for _ in range(3))
    Image.new("RGB", (rng.choice([1200, 2400, 3000]), rng.choice([800, 1600, 2000])), colour).save(path, quality=85)


def write_corpus(
    posts_dir: Path, posts: int, events: int, *, seed: int = 7, images: int = 0, start: dt.date = dt.date(2016, 1, 4)
) -> list[Path]:
    """Write `posts` news/reports and `events` events under posts_dir; returns the files."""
    rng = random.Random(seed)
    written = []
    days = 3650
    for n in range(posts):
        kind = "verslagen" if n % 4 == 0 else "nieuws"
        date = start + dt.timedelta(days=n * days // max(posts, 1))
        title = f"{_sentence(rng)[:-1][:60]} {n}"
        lines = ["---", f'title: "{title}"', f"date: {date.isoformat()}", f'description: "{_sentence(rng)}"']
        lines.append(f"categories: [{', '.join(rng.sample(CATEGORIES, rng.randint(0, 2)))}]")
        lines.append(f"tags: [{', '.join(rng.sample(TAGS, rng.randint(0, 3)))}]")
        if n < images:
            name = f"afbeeldingen/foto-{n}.jpg"
            _image(posts_dir / kind / name, rng)
            lines += [f"image: {name}", "image_alt: Deelnemers in gesprek tijdens een bijeenkomst"]
        lines.append("---")
        path = posts_dir / kind / f"bericht-{n:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = _body(rng, rng.randint(2, 12))
        if n % 5 == 1:  # links as editors write them: to an older post, a fixed page
            older = n // 2
            older_kind = "verslagen" if older % 4 == 0 else "nieuws"
            body += (
                f"\nLees ook [het eerdere bericht](../{older_kind}/bericht-{older:05d}.md) of neem [contact](../../docs/contact.md) op.\n"
            )
        path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
        written.append(path)
    for n in range(events):
        day = start + dt.timedelta(days=n * days // max(events, 1))
        hour = rng.choice([10, 13, 15, 19])
        name, address, postcode, city = rng.choice(PLACES)
        lines = [
            "---",
            f'title: "{rng.choice(CATEGORIES)} {city} {n}"',
            f"start: {day.isoformat()} {hour:02d}:00",
            f"end: {day.isoformat()} {hour + 2:02d}:30",
            "location:",
            f'  name: "{name}"',
            f'  address: "{address}"',
            f'  postcode: "{postcode}"',
            f'  city: "{city}"',
            f"categories: [{rng.choice(CATEGORIES)}]",
            f"tags: [{rng.choice(TAGS)}]",
        ]
        if n % 17 == 5:
            lines.append("status: geannuleerd")
        lines.append("---")
        path = posts_dir / "agenda" / f"{day.isoformat()}-activiteit-{n:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n\n" + _body(rng, rng.randint(1, 4)), encoding="utf-8")
        written.append(path)
    return written
