"""Reading the front matter as an editor typed it: the file's text (UTF-8,
no BOM trouble), YAML that guesses no types, and for every way YAML can go
wrong the line and a Dutch sentence that says how to write it."""

from __future__ import annotations

import re

import frontmatter
import yaml

from .entries import Problem
from .fields import EVENT_FIELDS, FREE_TEXT_PARSERS, LIST_PARSERS, POST_FIELDS, FieldError

# --------------------------------------------------------------------------
# Reading one file


class StringLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when present) that guesses no types: every
    plain value stays the text the editor wrote (YAML 1.1 would make
    `end: 21:30` the number 1290, `title: Yes` True and `date:` a date).
    Lists and mappings stay; the field parsers read the texts."""


StringLoader.yaml_implicit_resolvers = {}


def load_yaml(text: str):
    """Parse once: the node tree (for line numbers) and the Python value."""
    loader = StringLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


# --------------------------------------------------------------------------
# How a value is written: what YAML would cut off or read otherwise, told
# before the field parser sees the text.


def _quote(text: str) -> str:
    """`text` as a quoted YAML value an editor can copy."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def _plain_scalars(node):
    """Every plain (unquoted), non-empty scalar under `node`, in document order."""
    if isinstance(node, yaml.ScalarNode):  # most values: no walk
        if not node.style and node.value:
            yield node
        return
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.ScalarNode):
            if not item.style and item.value:
                yield item
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(reversed(item.value))
        elif isinstance(item, yaml.MappingNode):
            stack.extend(value for pair in reversed(item.value) for value in reversed(pair))


_CURLY_QUOTES = "“”„‟‘’‚‛"
_ANY_KEY = r"[A-Za-z_][\w-]*"
_KEY_AND_VALUE = re.compile(rf"({_ANY_KEY}):(\S.*)$")


def written_problem(key_line: int, node, lines: list[str], parse) -> tuple[int, str] | None:
    """(line, message) when YAML would not read the value as written."""
    for scalar in _plain_scalars(node):
        value, start_mark, end_mark = scalar.value, scalar.start_mark, scalar.end_mark
        line = lines[end_mark.line]
        start = start_mark.column if start_mark.line == end_mark.line else 0
        # In free text a " #" is text the editor means; after a date or
        # true/false it is a comment the editor means (and the value is checked).
        if "#" in line and parse in FREE_TEXT_PARSERS:
            after = line[end_mark.column :]
            if after[:1] in (" ", "\t") and after.lstrip(" \t").startswith("#"):
                fix = f"{line[:start].strip()} {_quote(line[start:].rstrip())}".strip()
                return end_mark.line + 1, (
                    f'YAML leest alles vanaf " #" als commentaar, dus hier staat alleen "{value}": '
                    f"zet de hele waarde tussen aanhalingstekens: {fix}"
                )
        if value[0] in _CURLY_QUOTES and value[-1] in _CURLY_QUOTES and len(value) > 1:
            fix = f"{line[:start].strip()} {_quote(value[1:-1])}".strip()
            return start_mark.line + 1, (
                f"de waarde staat tussen gekrulde aanhalingstekens ({value[0]} {value[-1]}), die YAML als tekst leest: "
                f"gebruik rechte aanhalingstekens of geen, {fix}"
            )
        if start_mark.line > key_line:
            missing = _KEY_AND_VALUE.match(value)
            if missing and missing[1] in _all_keys():
                # `location:` with `  name:Dordrecht` below: one text, no name.
                return start_mark.line + 1, f"zet een spatie na de dubbele punt: {missing[1]}: {missing[2]}"
    if parse in LIST_PARSERS and isinstance(node, yaml.ScalarNode) and not node.style and node.start_mark.line != node.end_mark.line:
        return (
            node.start_mark.line + 1,
            "zet elk item op een eigen regel met een streepje en een spatie ervoor (- wijkteams), of schrijf [wijkteams, mantelzorg]",
        )
    return None


# How PyYAML's SafeLoader would type a plain value, by its first character;
# text, true/false and null it always constructs.
_TEXT_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "bool", "null")}
_TYPED_RESOLVERS = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in _TEXT_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SAFE_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def unreadable_elsewhere(node, lines: list[str]) -> tuple[int, str] | None:
    """A plain value PyYAML's SafeLoader cannot construct (`=`, `<<`, a
    date that is not in the calendar, ...). Material's blog and MkDocs
    read the front matter with it; MkDocs would then show an event's front
    matter as text. Quoted, the value is the same text to us and to them."""
    for scalar in _plain_scalars(node):
        text = scalar.value
        for tag, pattern in _TYPED_RESOLVERS.get(text[0], ()):
            if not pattern.match(text):
                continue
            construct = yaml.SafeLoader.yaml_constructors.get(tag)
            try:
                if construct is None:
                    raise ValueError(tag)
                construct(_SAFE_CONSTRUCTOR, yaml.ScalarNode(tag, text))
            except (ValueError, OverflowError, yaml.YAMLError):
                line = lines[scalar.start_mark.line]
                fix = f"{line[: scalar.start_mark.column].strip()} {_quote(text)}".strip()
                return (
                    scalar.start_mark.line + 1,
                    f'YAML leest "{text}" niet als gewone tekst: zet de waarde tussen aanhalingstekens, {fix}',
                )
            break
    return None


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Front matter text, body and the line where the body starts (1-based)."""
    if not text.strip():
        raise FieldError("het bestand is leeg: begin met een regel --- en daarna title, date ...")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":  # the blog reads front matter only from the very first column
        raise FieldError("het bestand moet beginnen met een regel met alleen --- (de front matter)")
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == "---":
            # python-frontmatter does the split. Its front matter text starts
            # with the newline that ends line 1, so YAML line n is file line n+1.
            meta_text, body = frontmatter.default_handlers.YAMLHandler().split(text)
            return meta_text, body, number + 1
    raise FieldError("de front matter wordt niet afgesloten: zet na de laatste regel ervan een regel met alleen ---")


def decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DecodeError(line) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


class DecodeError(Exception):
    def __init__(self, line: int):
        self.line = line


def is_indented(text: str, index: int) -> bool:
    lines = text.split("\n")
    return 0 <= index < len(lines) and lines[index][:1] == " "


# --------------------------------------------------------------------------
# YAML syntax errors: the line where the mistake is and how to write it.

_KEY_LINE = re.compile(rf"^(?P<lead>\s*(?:-\s+)?)(?P<key>{_ANY_KEY})[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_NO_SPACE = re.compile(rf"^(?P<lead>\s*(?:-\s+)?)(?P<key>{_ANY_KEY}):(?P<value>[^\s].*?)\s*$")
_HARD_SPACE = re.compile(rf"^\s*(?:-\s+)?(?P<key>{_ANY_KEY}):\u00a0")
_NO_COLON = re.compile(rf"^(?P<key>{_ANY_KEY})[ \t]+(?P<value>[^\s:].*?)\s*$")
# A plain value cannot start with these: YAML reads them as its own syntax.
_INDICATORS = "[]{}@`%>|*&!?"


def _all_keys() -> set[str]:
    return {*POST_FIELDS, *EVENT_FIELDS, "name", "address", "postcode", "city", "file"}


def _with_key(match, value: str) -> str:
    lead = match["lead"].strip()
    return f"{lead + ' ' if lead else ''}{match['key']}: {value}"


def key_problem(lines: list[str], last: int) -> tuple[int, str] | None:
    """A key line up to `last` without the space after its colon, or without the colon."""
    keys = _all_keys()
    for index in range(1, min(last, len(lines) - 1) + 1):
        line = lines[index]
        match = _HARD_SPACE.match(line)
        if match:
            return index, f"na {match['key']}: staat een vaste spatie (uit Word of een webpagina): typ de spatie na de dubbele punt opnieuw"
        match = _NO_SPACE.match(line)
        if match and (match["key"] in keys or not line[:1].isspace()) and not match["value"].startswith("//"):
            return index, f"zet een spatie na de dubbele punt: {_with_key(match, match['value'])}"
        match = _NO_COLON.match(line)
        if match and match["key"] in keys:
            return index, f"na {match['key']} ontbreekt de dubbele punt: {match['key']}: {match['value']}"
    return None


def _unclosed_quote(line: str, column: int) -> str:
    quote, rest = line[column], line[column + 1 :].rstrip()
    match = _KEY_LINE.match(line)
    if quote == "'" and re.match(r"[a-zA-Z]\b", rest) and match:
        # 't Kenniscafé, 's middags: an apostrophe, not a quote.
        return (
            "de waarde begint met een ' en die leest YAML als aanhalingsteken: "
            f"zet de hele waarde tussen dubbele aanhalingstekens: {_with_key(match, _quote(quote + rest))}"
        )
    example = f": {_with_key(match, quote + rest + quote)}" if match and rest else f" ({quote})"
    return f"een aanhalingsteken wordt niet gesloten: zet aan het eind van de waarde hetzelfde teken{example}"


def _value_problem(lines: list[str], indices: list[int]) -> tuple[int, str] | None:
    """A value whose first character makes YAML read it as something else than text."""
    for index in indices:
        match = _KEY_LINE.match(lines[index]) if index < len(lines) else None
        value = (match and match["value"]) or ""
        if not value:
            continue
        first = value[0]
        if first in "\"'":
            if value.count(first) > 2 or not value.endswith(first):
                inner = value[1:-1] if value.endswith(first) and len(value) > 1 else value
                if first == "'" and not ('"' in inner or "\\" in inner):
                    how, fix = (
                        "zet de hele waarde tussen dubbele aanhalingstekens (of schrijf elke ' binnen de waarde dubbel: '')",
                        f'"{inner}"',
                    )
                elif first == "'":
                    how, fix = "schrijf elke ' binnen de waarde dubbel ('')", _quote(inner)
                else:
                    how, fix = "zet de hele waarde tussen enkele aanhalingstekens", _quote(inner)
                return index, f"de waarde bevat zelf een {first}: {how}: {_with_key(match, fix)}"
            continue
        if first in _INDICATORS or (first == "-" and value[1:2] == " "):
            return (
                index,
                f"YAML leest een waarde die met {first} begint niet als gewone tekst: zet de hele waarde tussen aanhalingstekens: {_with_key(match, _quote(value))}",
            )
    return None


def _indent_problem(lines: list[str], index: int) -> tuple[int, str] | None:
    """A key that does not line up with the key on the line above it."""
    match = _KEY_LINE.match(lines[index]) if index < len(lines) else None
    above = next((lines[i] for i in range(index - 1, 0, -1) if lines[i].strip()), "")
    previous = _KEY_LINE.match(above)
    if match and previous and len(match["lead"]) != len(previous["lead"]) and len(previous["lead"]) > 0:
        return index, f"deze regel springt anders in dan de regel erboven: zet {match['key']}: recht onder {previous['key']}:"
    return None


def yaml_problem(error: yaml.YAMLError, rel: str, text: str) -> Problem:
    lines = text.split("\n")
    problem = str(getattr(error, "problem", "") or error)
    context = str(getattr(error, "context", "") or "")
    problem_mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    mark = problem_mark or context_mark
    index = mark.line if mark else 0
    found = None
    if "quoted scalar" in context and context_mark:
        found = context_mark.line, _unclosed_quote(lines[context_mark.line], context_mark.column)
    found = found or key_problem(lines, index)
    if found:
        index, message = found
    elif "flow" in context and context_mark:
        index = context_mark.line
        message = "een lijst met [ wordt niet gesloten met ]: zet ] aan het eind van deze regel"
        if " #" in lines[index]:
            message += ' (na " #" leest YAML de rest van de regel als commentaar: zet een item met # tussen aanhalingstekens, zoals "werkgroep #2")'
    elif "tab" in problem:
        message = "in de front matter staat een tab: gebruik spaties om in te springen"
    elif found := _value_problem(lines, [m.line for m in (problem_mark, context_mark) if m]):
        index, message = found
    elif "mapping values are not allowed" in problem and mark:
        match = _KEY_LINE.match(lines[index])
        first_colon = lines[index].find(":")
        if match and match["value"] and mark.column > first_colon:
            message = f"ongeldige regel in de front matter: zet tekst met een dubbele punt tussen aanhalingstekens: {_with_key(match, _quote(match['value']))}"
        elif is_indented(text, index):
            message = "deze regel springt in: haal de spaties aan het begin weg (alleen de regels onder location: en de items van een lijst springen in)"
        else:
            message = 'ongeldige regel in de front matter: zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld title: "Verslag: de middag"'
    elif found := _indent_problem(lines, index):
        index, message = found
    else:
        message = "de front matter is geen geldige YAML: controleer op deze regel de inspringing, dubbele punten en aanhalingstekens"
    return Problem(rel, index + 1, message)
