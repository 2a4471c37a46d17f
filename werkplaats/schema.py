"""JSON Schema of the front matter, generated from the content model.

`python -m werkplaats.schema` writes schemas/nieuws.schema.json (news and
reports) and schemas/agenda.schema.json (events); .vscode/settings.json
points the YAML extension at them. The schema expresses what a schema can
(keys, types, formats, lists); the validator also checks what it cannot
(files that must exist, end after start, collisions).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import model
from .settings import Settings, load_settings

_LINE = {"type": "string", "minLength": 1, "pattern": r"^[^\n]*\S[^\n]*$"}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_MOMENT = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}( ([01]?\d|2[0-3]):[0-5]\d)?$"}
_URL = {"type": "string", "pattern": r"^https?://[^\s/$.?#]\S*$"}
_EMAIL = r"^(mailto:)?[^@\s:/]+@[^@\s:/]+\.[a-zA-Z]{2,}$"
_PATH = {"type": "string", "minLength": 1, "pattern": r"^(?![a-zA-Z]+:|/|\\)[^\n]+$"}
_IMAGE = {**_PATH, "pattern": r"^(?![a-zA-Z]+:|/|\\)[^\n]+\.([jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP]|[gG][iI][fF]|[sS][vV][gG])$"}


def _list(item: dict) -> dict:
    return {"type": "array", "items": item, "uniqueItems": True}


def _fragment(parse, settings: Settings) -> dict:
    """The schema of one parser of the content model."""
    return {
        model._one_line: _LINE,
        model._title: {**_LINE, "maxLength": model.TITLE_MAX},
        model._bool: {"type": "boolean"},
        model._text_list: _list(_LINE),
        model._categories: _list({"enum": list(settings.categories)}),
        model._authors: _list({"enum": list(settings.authors)}),
        model._date: _DATE,
        model._moment: _MOMENT,
        model._url: _URL,
        model._url_or_email: {"type": "string", "anyOf": [_URL, {"pattern": _EMAIL}]},
        model._slug: {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": model.SLUG_MAX},
        model._image: _IMAGE,
        model._attachments: {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["title", "file"],
            "properties": {"title": _LINE, "file": _PATH},
        }},
        model._location: {"anyOf": [_LINE, {
            "type": "object", "additionalProperties": False, "anyOf": [{"required": ["name"]}, {"required": ["address"]}],
            "properties": {key: _LINE for key in ("name", "address", "postcode", "city")},
        }]},
        model._status: {"enum": list(model.EVENT_STATUSES)},
        model._report: {**_PATH, "pattern": r"^(?![a-zA-Z]+:|/|\\)[^\n]+\.md$"},
    }[parse]


def schema(kind: str, settings: Settings) -> dict:
    fields = model.fields_for(kind)
    result = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Front matter: " + ("activiteit in posts/agenda/" if kind == "agenda" else "bericht in posts/nieuws/ of posts/verslagen/"),
        "type": "object",
        "additionalProperties": False,
        "required": [key for key, field in fields.items() if field.required],
        "properties": {
            key: {**_fragment(field.parse, settings), "description": field.help, "examples": [field.example]}
            for key, field in fields.items()
        },
        "dependentRequired": {"image": ["image_alt"], "image_alt": ["image"]},
    }
    if kind == "agenda":
        result["anyOf"] = [{"required": ["location"]}, {"required": ["online"]}]
    return result


SCHEMA_FILES = {"nieuws": "schemas/nieuws.schema.json", "agenda": "schemas/agenda.schema.json"}


def render(kind: str, settings: Settings) -> str:
    return json.dumps(schema(kind, settings), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    settings = load_settings()
    for kind, rel in SCHEMA_FILES.items():
        path: Path = settings.root / rel
        path.parent.mkdir(exist_ok=True)
        path.write_text(render(kind, settings), encoding="utf-8")
        print(f"geschreven: {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
