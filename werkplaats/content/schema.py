"""JSON Schema of the front matter, generated from the content model.

`python -m werkplaats.content.schema` writes schemas/nieuws.schema.json (news and
reports), schemas/agenda.schema.json (events) and schemas/locaties.schema.json
(posts/locaties.yml, facts about places); .vscode/settings.json
points the YAML extension at them. The schema expresses what a schema can
(keys, types, formats, lists); the validator also checks what it cannot
(files that must exist, end after start, collisions).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core.commands import parser as command_parser
from ..core.settings import Settings, load_settings
from . import model, place_facts, series, values

# The model reads every value as text (front_matter.StringLoader). An editor's
# YAML extension reads YAML 1.2, where `title: 2024` is a number and
# `draft: true` a boolean: those are accepted where the model accepts the text.
_LINE = {"type": ["string", "number", "boolean"], "minLength": 1, "pattern": r"^[^\n]*\S[^\n]*$"}
_DAY = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
_CLOCK = r"([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d([.,]\d+)?)?"
_ZONE = r"(\s*([zZ]|[+-]([01]\d|2[0-3])(:?[0-5]\d)?))?"
# A date, or a date and time, ISO 8601 with T or a space, with Z or an offset.
_MOMENT = {
    "anyOf": [
        {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        {"type": "string", "pattern": rf"^{_DAY}([tT]|\s+){_CLOCK}{_ZONE}$"},
    ]
}
_DATE = _MOMENT  # a time with the date is allowed; the day counts
_END = {"anyOf": [*_MOMENT["anyOf"], {"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"}]}
_BOOL = {
    "anyOf": [
        {"type": "boolean"},
        {"type": "string", "pattern": r"^([tT][rR][uU][eE]|[fF][aA][lL][sS][eE]|[jJ][aA]|[nN][eE][eE]|[yY][eE][sS]|[nN][oO])$"},
    ]
}
_URL = {"type": "string", "pattern": r"^https?://[^\s/$.?#]\S*$"}
_EMAIL = r"^(mailto:)?[^@\s:/]+@[^@\s:/]+\.[a-zA-Z]{2,}$"
_PATH = {"type": "string", "minLength": 1, "pattern": r"^(?![a-zA-Z]+:|/)[^\n\\]+$"}
# werkplaats.content.addresses: an old address as the site path, with or without
# slashes or index.html, or as the whole address (its date is checked there).
_ALIAS = {
    "type": "string",
    "pattern": r"^(https?://[^/\s]+)?(/[^/\s]+)*?/?(nieuws|agenda)/\d{4}/\d{2}/\d{2}/[a-z0-9]+(-[a-z0-9]+)*/?(index\.html)?$",
}


def _any_case(suffix: str) -> str:
    """'.png' -> '[pP][nN][gG]': JSON Schema patterns have no ignore-case flag."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in suffix.lstrip("."))


_IMAGE = {**_PATH, "pattern": r"^(?![a-zA-Z]+:|/)[^\n\\]+\.(" + "|".join(_any_case(s) for s in model.IMAGE_SUFFIXES) + ")$"}


def _list(item: dict) -> dict:
    return {"type": "array", "items": item, "uniqueItems": True}


def _list_or_one(item: dict, one: dict) -> dict:
    """A list, or one item written as plain text (`tags: mantelzorg`)."""
    return {"anyOf": [_list(item), one]}


# One tag as text: no comma (that is a list without [ ]) and no "-word"
# (list items without the space after -).
_ONE_TAG = {"type": ["string", "number", "boolean"], "pattern": r"^(?!\s*-\S)[^,\n]*[^,\s][^,\n]*$"}


def _fragment(parse, settings: Settings) -> dict:
    """The schema of one parser of the content model."""
    return {
        values.parse_one_line: _LINE,
        values.parse_title: {**_LINE, "maxLength": model.TITLE_MAX},
        values.parse_bool: _BOOL,
        values.parse_text_list: _list_or_one(_LINE, _ONE_TAG),
        values.parse_categories: _list_or_one({"enum": list(settings.categories)}, {"enum": list(settings.categories)}),
        values.parse_authors: _list_or_one({"enum": list(settings.authors)}, {"enum": list(settings.authors)}),
        values.parse_date: _DATE,
        values.parse_moment: _MOMENT,
        values.parse_end: _END,
        values.parse_url: _URL,
        values.parse_url_or_email: {"type": "string", "anyOf": [_URL, {"pattern": _EMAIL}]},
        values.parse_slug: {
            "anyOf": [
                {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": model.SLUG_MAX},
                {"type": "integer", "minimum": 0},  # `slug: 2026` in YAML 1.2
            ]
        },
        values.parse_image: _IMAGE,
        values.parse_attachments: {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "file"],
                "properties": {"title": _LINE, "file": _PATH},
            },
        },
        values.parse_location: {
            "anyOf": [
                _LINE,
                {
                    "type": "object",
                    "additionalProperties": False,
                    "minProperties": 1,
                    "properties": {key: _LINE for key in ("name", "address", "postcode", "city")},
                },
            ]
        },
        values.parse_status: {"enum": list(model.EVENT_STATUSES)},
        values.parse_report: {**_PATH, "pattern": r"^(?![a-zA-Z]+:|/)[^\n\\]+\.md$"},
        values.parse_aliases: {"anyOf": [_list(_ALIAS), _ALIAS]},  # one address may be written without [ ]
        series.parse_repeat: {"type": "string", "minLength": 1, "examples": ["elke week", "elke 2 weken", "2e donderdag van de maand"]},
        series.parse_dates: {"anyOf": [_list(_MOMENT), _MOMENT]},
        series.parse_cancelled: {"anyOf": [_list(_DATE), _DATE]},
        series.parse_moved: _list(
            {"type": "object", "additionalProperties": False, "required": ["from", "to"], "properties": {"from": _DATE, "to": _MOMENT}}
        ),
    }[parse]


def facts_schema(settings: Settings) -> dict:
    """posts/locaties.yml (werkplaats.content.place_facts): facts about places, each
    matched to events by name, address and city; an empty value is unknown."""
    empty = [{"type": "null"}, {"type": "string", "maxLength": 0}]
    parts = {key: {"title": place_facts.PLACE_LABELS[key], "anyOf": [_LINE, *empty]} for key in place_facts.MATCH_KEYS}
    facts = {
        key: {"title": label, "description": hint, "anyOf": [_fragment(parse, settings), *empty]}
        for key, (parse, label, hint) in place_facts.FACTS.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Feiten over locaties: posts/locaties.yml",
        "type": "object",
        "additionalProperties": False,
        "required": [place_facts.TOP_KEY],
        "properties": {
            place_facts.TOP_KEY: {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "anyOf": [{"required": ["name"]}, {"required": ["address"]}],
                    "properties": parts | facts,
                },
            }
        },
    }


def schema(kind: str, settings: Settings) -> dict:
    if kind == "locaties":
        return facts_schema(settings)
    fields = model.fields_for(kind)
    result = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Front matter: " + ("activiteit in posts/agenda/" if kind == "agenda" else "bericht in posts/nieuws/ of posts/verslagen/"),
        "type": "object",
        "additionalProperties": False,
        "required": [key for key, field in fields.items() if field.required],
        "properties": {
            key: {"title": field.label, **_fragment(field.parse, settings), "description": field.help, "examples": [field.example]}
            for key, field in fields.items()
        },
        "dependentRequired": {"image": ["image_alt"], "image_alt": ["image"]},
    }
    # `location` (or `online`) is required of events still to come only: a
    # rule about today that a schema cannot state (werkplaats.content.form_rules).
    return result


SCHEMA_FILES = {
    "nieuws": "schemas/nieuws.schema.json",
    "agenda": "schemas/agenda.schema.json",
    "locaties": "schemas/locaties.schema.json",
}


def render(kind: str, settings: Settings) -> str:
    return json.dumps(schema(kind, settings), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    command_parser("schema").parse_args(argv)
    settings = load_settings()
    for kind, rel in SCHEMA_FILES.items():
        path: Path = settings.root / rel
        path.parent.mkdir(exist_ok=True)
        path.write_text(render(kind, settings), encoding="utf-8")
        print(f"geschreven: {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
