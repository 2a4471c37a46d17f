"""The configuration of a Git-based CMS (Decap CMS), generated from the
content model: one source for the form an editor fills in, `make check`,
the JSON Schema and the guide.

Every key of `model.fields_for(kind)` becomes a field with the model's
Dutch label, form hint and required flag; each parser decides the widget,
and the widget writes the form the parser reads (tests/test_cms.py writes
what each widget writes and reads it back with the model). What a widget
writes was measured with Decap CMS 3.16.3 (handbook/cms-and-sign-in.md): a datetime
writes its `format`, an object a mapping, a list of strings a YAML list.

werkplaats/editing/admin.py serves it as /admin/config.yml, built afresh with
every build, so it cannot go stale.
"""

from __future__ import annotations

from ..content import form_rules as model_form_rules
from ..content import model, place_facts, series, values
from ..core.settings import Settings

# Collections in the order of the editors' guide: folder -> names.
COLLECTIONS = {
    "nieuws": ("Nieuws", "Nieuwsbericht"),
    "verslagen": ("Verslagen", "Verslag"),
    "agenda": ("Agenda", "Activiteit"),
}
IMAGES = "afbeeldingen"  # beside the post file, as the model reads image paths
ATTACHMENTS = "bijlagen"
DAY_FORMAT = "YYYY-MM-DD"  # moment.js tokens (Decap's datetime widget)
MOMENT_FORMAT = "YYYY-MM-DD HH:mm"


def _widget(parse, settings: Settings) -> dict:
    """The widget for one model parser: what it shows and what it writes."""
    day = {"widget": "datetime", "format": DAY_FORMAT, "date_format": DAY_FORMAT, "time_format": False}
    moment = {"widget": "datetime", "format": MOMENT_FORMAT, "date_format": DAY_FORMAT, "time_format": "HH:mm"}
    chosen_categories = [c for c in settings.categories if c not in settings.folder_categories.values()]
    widgets = {
        values.parse_title: {"widget": "string"},
        values.parse_one_line: {"widget": "string"},
        values.parse_date: day,
        values.parse_moment: moment,
        values.parse_end: moment,
        values.parse_slug: {"widget": "string"},
        values.parse_bool: {"widget": "boolean", "default": False},
        values.parse_text_list: {"widget": "list"},
        values.parse_aliases: {"widget": "list"},
        values.parse_categories: {"widget": "select", "multiple": True, "options": chosen_categories},
        values.parse_authors: {
            "widget": "select",
            "multiple": True,
            "options": [{"label": author.get("name", key), "value": key} for key, author in settings.authors.items()],
        },
        values.parse_image: {"widget": "image", "choose_url": False},
        # "Titel van de bijlage": a second field named just "Titel" would
        # read the same as the post's own to a screen reader.
        values.parse_attachments: {
            "widget": "list",
            "label_singular": "bijlage",
            "fields": [
                {"name": "title", "label": "Titel van de bijlage", "widget": "string"},
                {
                    "name": "file",
                    "label": "Bestand",
                    "widget": "file",
                    "choose_url": False,
                    "media_folder": ATTACHMENTS,
                    "public_folder": ATTACHMENTS,
                },
            ],
        },
        values.parse_location: {
            "widget": "object",
            "collapsed": False,
            "fields": [
                {"name": key, "label": label, "widget": "string", "required": False, **({"hint": hint} if hint else {})}
                for key, (label, hint) in values.LOCATION_PARTS.items()
            ],
        },
        # A series (werkplaats.content.series): the rule as words, its dates as lists of day pickers.
        series.parse_repeat: {"widget": "string"},
        series.parse_dates: {"widget": "list", "label_singular": "datum", "field": {"name": "datum", "label": "Datum", **moment}},
        series.parse_cancelled: {"widget": "list", "label_singular": "datum", "field": {"name": "datum", "label": "Datum", **day}},
        series.parse_moved: {
            "widget": "list",
            "label_singular": "verplaatsing",
            "fields": [
                {"name": "from", "label": "Datum van de reeks", **day},
                {"name": "to", "label": "Nieuwe datum en tijd", **moment},
            ],
        },
        values.parse_url: {"widget": "string", "pattern": [r"^https?://\S+$", "Een webadres dat begint met https://"]},
        values.parse_url_or_email: {"widget": "string"},
        values.parse_status: {"widget": "select", "options": list(model.EVENT_STATUSES), "default": model.EVENT_STATUSES[0]},
        # The model reads a report as the path from the event's file; the
        # relation widget fills the chosen report's file name into it.
        values.parse_report: {
            "widget": "relation",
            "collection": "verslagen",
            "search_fields": ["title"],
            "display_fields": ["title"],
            "value_field": "../verslagen/{{slug}}.md",
        },
    }
    if parse not in widgets:
        raise KeyError(f"no CMS widget for the model parser {parse.__name__}: add one to werkplaats/editing/cms.py")
    return widgets[parse]


def fields(kind: str, settings: Settings) -> list[dict]:
    """The form of one kind: every model key in the model's order, then the text."""
    out = []
    for key, field in model.fields_for(kind).items():
        out.append(
            {"name": key, "label": field.label, "hint": field.form_hint, "required": field.required, **_widget(field.parse, settings)}
        )
    # Required: the model refuses a post without text (read_entry).
    out.append(
        {
            "name": "body",
            "label": "Tekst",
            "widget": "markdown",
            "required": True,
            "hint": (
                "De eerste alinea is de samenvatting in overzichten. Langer? Zet in de weergave Markdown "
                f"{model.EXCERPT_SEPARATOR} op een eigen regel waar de samenvatting eindigt."
            ),
        }
    )
    return out


def form_rules(settings: Settings) -> dict:
    """The model's rules across keys (werkplaats.content.form_rules) as the form
    evaluates them before saving (overrides/admin/form-rules.js), each with
    its field's label in this form. Served as /admin/form-rules.json: Decap
    refuses a key of its own in config.yml."""
    labels = {kind: {field["name"]: field["label"] for field in fields(kind, settings)} for kind in COLLECTIONS}
    return model_form_rules.exported(labels)


def collection(kind: str, settings: Settings) -> dict:
    label, singular = COLLECTIONS[kind]
    date_key = "start" if kind == "agenda" else "date"
    return {
        "name": kind,
        "label": label,
        "label_singular": singular,
        "folder": f"posts/{kind}",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        # Events are named by their day, as editors name them by hand.
        "slug": "{{fields.start | date('YYYY-MM-DD')}}-{{slug}}" if kind == "agenda" else "{{slug}}",
        "media_folder": IMAGES,
        "public_folder": IMAGES,
        "summary": "{{title}} ({{" + date_key + "}})",
        "sortable_fields": [date_key, "title"],
        "fields": fields(kind, settings),
    }


def facts_collection() -> dict:
    """posts/locaties.yml as one form (werkplaats.content.place_facts): a list of
    places, each named as its events name it, with the facts known about it.
    A fact left empty is written empty, which the model reads as unknown:
    a yes/no is a select, not a checkbox, which would write "no" unasked."""
    parts = [{"name": key, "label": place_facts.PLACE_LABELS[key], "widget": "string", "required": False} for key in place_facts.MATCH_KEYS]
    parts[0]["hint"] = "Precies zoals in de activiteit: naam, adres en plaats. Naam of adres is verplicht."
    facts = []
    for key, (parse, label, hint) in place_facts.FACTS.items():
        widget = {"widget": "select", "options": ["ja", "nee"]} if parse is values.parse_bool else {"widget": "string"}
        facts.append({"name": key, "label": label, "hint": hint, "required": False, **widget})
    return {
        "name": "locaties",
        "label": "Locaties",
        "files": [
            {
                "name": "locaties",
                "label": "Feiten over locaties",
                "file": f"posts/{place_facts.FILE_NAME}",
                "fields": [
                    {
                        "name": place_facts.TOP_KEY,
                        "label": "Locaties",
                        "label_singular": "locatie",
                        "widget": "list",
                        "summary": "{{fields.name}} {{fields.address}} {{fields.city}}",
                        "fields": parts + facts,
                    }
                ],
            }
        ],
    }


def config(settings: Settings, *, repo: str = "", branch: str = "main", oauth_proxy: str = "", local_backend: str = "") -> dict:
    """The whole configuration. `oauth_proxy`: the address of the OAuth
    proxy that signs editors in with GitHub; `local_backend`: decap-server's
    API address, used instead of GitHub when the admin runs on 127.0.0.1."""
    backend = {"name": "github", "repo": repo, "branch": branch}
    if oauth_proxy:
        backend["base_url"] = oauth_proxy
    return {
        "backend": backend,
        **({"local_backend": {"url": local_backend}} if local_backend else {}),
        # Every draft is a branch with a pull request: the content check runs
        # before anything is public.
        "publish_mode": "editorial_workflow",
        "locale": "nl",
        "media_folder": f"posts/nieuws/{IMAGES}",
        "public_folder": IMAGES,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [*(collection(kind, settings) for kind in COLLECTIONS), facts_collection()],
    }
