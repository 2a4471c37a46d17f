"""Reading the front matter as an editor typed it: the file's text (UTF-8,
no BOM trouble), YAML that guesses no types, and for every way YAML can go
wrong the line and a Dutch sentence that says how to write it."""

from __future__ import annotations

import re

import frontmatter
import yaml

from .entries import Problem
from .fields import EVENT_FIELDS, FREE_TEXT_PARSERS, LIST_PARSERS, POST_FIELDS
from .values import FieldError

# --------------------------------------------------------------------------
# Reading one file


class StringLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when present) that guesses no types: every
    plain value stays the text the editor wrote (YAML 1.1 would make
    `end: 21:30` the number 1290, `title: Yes` True and `date:` a date).
    Lists and mappings stay; the field parsers read the texts."""


StringLoader.yaml_implicit_resolvers = {}


def load_yaml(text: str):
    """Parse once: the node tree (for line numbers) and the Python value.
    A layout that YAML reads otherwise than the editor meant raises
    LayoutError (a YAMLError) on its line, before any key is read."""
    loader = StringLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            marks = [mark.line for mark in (error.problem_mark, error.context_mark) if mark]
            index = _hard_indented_line(text.split("\n"), max(marks, default=0))
            if index is not None:  # the no-break spaces are what YAML tripped over
                raise LayoutError(index, HARD_INDENT) from error
            raise
        found = layout_problem(node, text.split("\n")) if node is not None else None
        if found:
            raise LayoutError(*found)
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


# --------------------------------------------------------------------------
# Indentation YAML reads, but not as the editor meant it. Told before the
# keys are read, so that only the cause is named (not "location: moet een
# plaatsnaam zijn" and an unknown key for every line below it).

_HARD_SPACES = "\u00a0\u202f"  # no-break spaces (Word, web pages): text to YAML, not indentation
_HARD_INDENT_LINE = re.compile(
    rf"^[ {_HARD_SPACES}]*[{_HARD_SPACES}][ {_HARD_SPACES}]*(?:-(?:[ {_HARD_SPACES}]|$)|[A-Za-z_][\w-]*[ ]*:(?:[ {_HARD_SPACES}]|$))"
)
HARD_INDENT = "deze regel springt in met vaste spaties (uit Word of een webpagina): typ de spaties opnieuw"
# The keys that belong under a key whose value is left empty on its line.
_PARTS = {"location": ("name", "address", "postcode", "city"), "moved": ("from", "to")}


class LayoutError(yaml.MarkedYAMLError):
    """YAML the editor laid out otherwise than meant: `index` is the line (0-based, as YAML's marks)."""

    def __init__(self, index: int, message: str):
        super().__init__(problem=message, problem_mark=yaml.Mark("<front matter>", 0, index, 0, None, None))
        self.index, self.message = index, message


def layout_problem(node, lines: list[str]) -> tuple[int, str] | None:
    """(line index, message): a key indented with no-break spaces, or the
    parts of location: or moved: written without indentation under it."""
    hard = [key.start_mark.line for key in _mapping_keys(node) if not key.style and key.value[:1] in _HARD_SPACES]
    if hard:  # YAML took the no-break spaces for part of the key: "\xa0\xa0name"
        return min(hard), HARD_INDENT
    return _unindented_parts(node, lines)


def _mapping_keys(node):
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if isinstance(key, yaml.ScalarNode):
                    yield key
                stack.append(value)
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)


def _hard_indented_line(lines: list[str], last: int) -> int | None:
    """The first line up to `last` that is indented with no-break spaces
    before a key or a list item (where YAML could not read the front matter)."""
    return next((index for index in range(1, min(last, len(lines) - 1) + 1) if _HARD_INDENT_LINE.match(lines[index])), None)


def _unindented_parts(node, lines: list[str]) -> tuple[int, str] | None:
    """`location:` with nothing after it and `name:` ... on the lines below
    it, not indented: YAML reads an empty place and keys of their own."""
    if not isinstance(node, yaml.MappingNode):
        return None
    pairs = node.value
    for position, (key, value) in enumerate(pairs):
        parts = _PARTS.get(key.value) if isinstance(key, yaml.ScalarNode) else None
        if not parts or not isinstance(value, yaml.ScalarNode) or value.style or value.value:
            continue
        run = []
        for below, _ in pairs[position + 1 :]:
            if below.value not in parts or below.value in run or below.start_mark.column != key.start_mark.column:
                break
            run.append(below.value)
        if not run:
            continue
        index = pairs[position + 1][0].start_mark.line
        others = _and([f"{part}:" for part in run[1:]])
        if key.value == "moved":  # a list of from/to pairs
            message = f"{run[0]}: hoort onder moved: zet er een streepje en een spatie voor (- {lines[index].strip()})"
            return index, message + (f" en twee spaties voor {others}" if others else "")
        return index, f"{run[0]}: hoort onder {key.value}: zet er twee spaties voor" + (f" (ook voor {others})" if others else "")
    return None


def _and(items: list[str]) -> str:
    """a, b en c."""
    return f"{', '.join(items[:-1])} en {items[-1]}" if len(items) > 1 else "".join(items)


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
        if value[0] in _CURLY_QUOTES and value[-1] in _CURLY_QUOTES + "\"'" and len(value) > 1:
            fix = f"{line[:start].strip()} {_quote(value[1:-1])}".strip()
            return start_mark.line + 1, (
                f"de waarde staat tussen gekrulde aanhalingstekens ({value[0]} {value[-1]}), die YAML als tekst leest: "
                f"gebruik rechte aanhalingstekens of geen, {fix}"
            )
        if value[0] in "“„" and not any(char in "“”„‟" for char in value[1:]):
            # “Nieuwe foto: Word's quote, opened and never closed.
            fix = f"{line[:start].strip()} {_quote(value[1:])}".strip()
            return start_mark.line + 1, (
                f"de waarde begint met een gekruld aanhalingsteken ({value[0]}) dat niet wordt gesloten: "
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


# --------------------------------------------------------------------------
# Quotes: every way a quote can go wrong, named on the line where it opens,
# with that line written so that YAML reads what the editor meant.

# A line whose value starts with a quote: `key: "...`, `- key: '...`, `- "...`.
_QUOTED_VALUE = re.compile(rf"^(?P<lead>[ ]*(?:-[ ]+)?)(?:(?P<key>{_ANY_KEY})[ ]*:[ ]+)?(?P<value>[\"'].*?)[ \t]*$")
# A line that starts a key or a list item (what an unclosed quote swallows).
_STARTS_ENTRY = re.compile(rf"^(?P<indent>[ ]*)(?:-(?:[ ]+|$)|(?P<key>{_ANY_KEY})[ ]*:(?:[ ]|$))")
# 't, 's, 'n, '80: an apostrophe at the start of a word, not a quote.
_APOSTROPHE_WORD = re.compile(r"'(?:[A-Za-z]{1,2}|\d\d)(?:\s|$)")
# What may follow a backslash inside double quotes (YAML 1.1 escapes).
_ESCAPES = set('0abt\tnvfre "/\\N_LPxuU')
_CURLY_CLOSERS = {'"': "”“", "'": "’‘"}


def _closing_quote(lines: list[str], index: int, column: int) -> tuple[int, int, bool] | None:
    """(line index, column, bad escape) of the quote that closes the value
    opening at lines[index][column], as YAML scans it; None if it never closes."""
    quote = lines[index][column]
    row, col = index, column + 1
    while row < len(lines):
        line = lines[row]
        while col < len(line):
            char = line[col]
            if quote == '"' and char == "\\":
                if col + 1 < len(line) and line[col + 1] not in _ESCAPES:
                    return row, col, True
                col += 2
                continue
            if char == quote:
                if quote == "'" and line[col + 1 : col + 2] == "'":
                    col += 2
                    continue
                return row, col, False
            col += 1
        row, col = row + 1, 0
    return None


def _swallows_an_entry(lines: list[str], index: int, until: int, indent: int) -> bool:
    """Whether a quoted value from line `index` to `until` runs over a line
    that starts a key or list item at its own level: the editor's next
    line, read by YAML as more text of this value."""
    keys = _all_keys()
    for line in lines[index + 1 : until + 1]:
        match = _STARTS_ENTRY.match(line)
        if match and len(match["indent"]) <= indent and (match["key"] is None or match["key"] in keys):
            return True
    return False


def _as_quoted(text: str, prefer: str = '"') -> str:
    """`text` as a quoted YAML value that reads back as exactly `text`,
    in the editor's own quotes where that can be done."""
    if prefer == "'" and "'" not in text:
        return f"'{text}'"
    return _quote(text)


def _how(fixed: str) -> str:
    """How the value in `fixed` (from _as_quoted) is written, in Dutch."""
    if fixed.startswith('"'):
        return "zet de hele waarde tussen dubbele aanhalingstekens"
    if "''" in fixed[1:-1]:
        return "zet de hele waarde tussen enkele aanhalingstekens en schrijf elke ' erbinnen dubbel ('')"
    return "zet de hele waarde tussen enkele aanhalingstekens"


def _quote_mistake(lines: list[str], index: int) -> tuple[int, str] | None:
    """The quote mistake of the value on line `index`, if its value starts with a quote."""
    match = _QUOTED_VALUE.match(lines[index])
    if not match or not (match["key"] or "-" in match["lead"]):
        return None
    value = match["value"]
    quote, column = value[0], match.start("value")
    found = _closing_quote(lines, index, column)
    if found is not None and found[2]:  # "C:\map" or "1\2": \ starts an escape in double quotes
        quoted = _as_quoted(value[1:-1] if value.endswith('"') and found[0] == index else value[1:], "'")
        return index, f"tussen dubbele aanhalingstekens begint een \\ een speciaal teken: {_how(quoted)}: {_rewritten(match, quoted)}"
    apostrophe = quote == "'" and _APOSTROPHE_WORD.match(value)
    if found is None or (found[0] > index and _swallows_an_entry(lines, index, found[0], len(match["lead"]))):
        # Never closed, or closed only on a later line after the next key.
        if apostrophe:
            return index, _starts_with_quote(match, value)
        meant = _without_closer(value[1:], quote)
        mixed = meant != value[1:] and value[-1] in "\"'"  # "Tekst': the quotes mixed up
        if quote == "'":
            meant = meant.replace("''", "'")
        fixed = _as_quoted(meant, quote)
        if mixed:
            how = "zet aan het eind hetzelfde teken als aan het begin" if fixed[0] == quote else _how(fixed)
            return index, f"de waarde begint met {quote} en eindigt met {value[-1]}: {how}: {_rewritten(match, fixed)}"
        how = "zet aan het eind van de waarde hetzelfde teken" if fixed[0] == quote else _how(fixed)
        return index, f"een aanhalingsteken wordt niet gesloten: {how}: {_rewritten(match, fixed)}"
    row, col, _ = found
    if row != index:
        return None  # a value over several lines, as YAML allows
    rest = lines[index][col + 1 :]
    if not rest.strip() or re.match(r"[ \t]+#", rest):
        return None  # closed, perhaps with a comment after it
    # Text after the closing quote. The quote YAML closes on is either a
    # quote inside the value (after a space: Het "Kenniscafé" van oktober,
    # Wat is 's avonds open) or the end of a quoted word the value starts
    # with ("Kennis" en kunde): then every quote is text.
    close = col - column
    before = value[close - 1]
    if apostrophe or not (close == 1 or before.isspace()) or close + 1 >= len(value) or value[close + 1].isspace():
        return index, _starts_with_quote(match, value)
    inner = value[1:]
    if value.endswith(quote) and (quote == "'" or value[1:-1].count('"') % 2 == 0):
        inner = value[1:-1]
    fixed = _as_quoted(inner, '"' if quote == "'" else "'")
    how = _how(fixed)
    if quote == "'" and fixed.startswith('"'):
        how += " (of schrijf elke ' binnen de waarde dubbel: '')"
    return index, f"de waarde bevat zelf een {quote}: {how}: {_rewritten(match, fixed)}"


def _without_closer(text: str, quote: str) -> str:
    """`text`, the value after a `quote` that is never closed, without the
    quote the editor closed it with instead: Word's ("Tekst”) or the
    other straight one ("Tekst'), when no quote in the text pairs with it."""
    if text[-1:] and text[-1] in _CURLY_CLOSERS[quote]:
        return text[:-1]
    other = "'" if quote == '"' else '"'
    if len(text) < 2 or text[-1] != other:
        return text
    # 's, 't, zo'n: apostrophes, no quotes (Het 'Kenniscafé' has a pair).
    quotes = [
        at
        for at, char in enumerate(text)
        if char == other
        and not (other == "'" and text[at - 1 : at].isalpha() and text[at + 1 : at + 2].isalpha())
        and not (other == "'" and text[at - 1 : at] in ("", " ") and _APOSTROPHE_WORD.match(text, at))
    ]
    return text[:-1] if len(quotes) % 2 else text


def _rewritten(match, quoted: str) -> str:
    """The line of `match` with `quoted` as its value (without its indentation)."""
    lead = match["lead"].strip()
    return " ".join(part for part in (lead, f"{match['key']}:" if match["key"] else "", quoted) if part)


def _starts_with_quote(match, value: str) -> str:
    """A value that starts with a quote that is text ('t Kenniscafé, "Kennis" en kunde)."""
    fixed = _as_quoted(value, '"' if value[0] == "'" else "'")
    return f"de waarde begint met een {value[0]} en die leest YAML als aanhalingsteken: {_how(fixed)}: {_rewritten(match, fixed)}"


def quote_problem(lines: list[str], indices, lists: bool = True) -> tuple[int, str] | None:
    """The first quote mistake on the given lines (front matter lines, 0 = the
    line of the opening ---): (line index, message with the line rewritten).
    With `lists`, also in lists in [ ] (where YAML failed: an item quoted
    over two lines is valid YAML)."""
    for index in indices:
        if 0 < index < len(lines) and ("'" in lines[index] or '"' in lines[index]):
            found = _quote_mistake(lines, index) or (lists and _list_quote_mistake(lines, index))
            if found:
                return found
    return None


_FLOW_LIST = re.compile(rf"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>{_ANY_KEY})[ ]*:[ ]+\[")


def _list_quote_mistake(lines: list[str], index: int) -> tuple[int, str] | None:
    """An item of a list in [ ] that opens a quote and does not close it on
    its line: `tags: ["werkgroep, zorg]`. The quote is closed where the item
    ends (the next , or ]), as the editor meant."""
    line = lines[index]
    match = _FLOW_LIST.match(line)
    if not match:
        return None
    col = match.end()
    while col < len(line):
        while col < len(line) and line[col] in " ,":
            col += 1
        if col >= len(line) or line[col] == "]":
            return None
        if line[col] in "\"'":
            found = _closing_quote([line], 0, col)
            if found is not None and not found[2]:
                col = found[1] + 1
                continue
            if found is not None:
                return None  # a \ escape: not this kind of mistake
            quote, ends = line[col], [i for i in (line.find(",", col), line.find("]", col)) if i != -1]
            end = min(ends) if ends else len(line.rstrip())
            item = _without_closer(line[col + 1 : end].rstrip(), line[col])
            rest = line[end:].rstrip()
            fixed = line[:col] + quote + item + quote + (rest if "]" in rest else rest + "]")
            return index, f"een aanhalingsteken wordt niet gesloten: zet aan het eind van dit item hetzelfde teken: {fixed.strip()}"
        while col < len(line) and line[col] not in ",]":
            col += 1
    return None


def swallowed_lines(node, lines: list[str]) -> tuple[int, str] | None:
    """A quoted value YAML did read, but over the lines after it: the
    quote was not closed, and the next keys became part of the value."""
    starts = [scalar.start_mark.line for scalar in _quoted_scalars(node) if scalar.start_mark.line != scalar.end_mark.line]
    return quote_problem(lines, starts, lists=False) if starts else None


def _quoted_scalars(node):
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.ScalarNode):
            if item.style in ('"', "'"):
                yield item
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)
        elif isinstance(item, yaml.MappingNode):
            stack.extend(value for pair in item.value for value in pair)


def _value_problem(lines: list[str], indices: list[int]) -> tuple[int, str] | None:
    """A value whose first character makes YAML read it as something else than text."""
    for index in indices:
        match = _KEY_LINE.match(lines[index]) if index < len(lines) else None
        value = (match and match["value"]) or ""
        if not value:
            continue
        first = value[0]
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
    if isinstance(error, LayoutError):  # named before YAML's own errors (load_yaml)
        return Problem(rel, error.index + 1, error.message)
    lines = text.split("\n")
    problem = str(getattr(error, "problem", "") or error)
    context = str(getattr(error, "context", "") or "")
    problem_mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    mark = problem_mark or context_mark
    index = mark.line if mark else 0
    last = max([m.line for m in (problem_mark, context_mark) if m] or [len(lines) - 1])
    found = quote_problem(lines, range(1, last + 1)) or key_problem(lines, index)
    if found:
        index, message = found
    elif "quoted scalar" in context and context_mark and "escape" in problem:  # ["1\2"]
        index = problem_mark.line if problem_mark else context_mark.line
        message = "tussen dubbele aanhalingstekens begint een \\ een speciaal teken: zet deze tekst tussen enkele aanhalingstekens"
    elif "quoted scalar" in context and context_mark:  # a quote where no value starts
        quote = lines[context_mark.line][context_mark.column]
        index, message = context_mark.line, f"een aanhalingsteken ({quote}) wordt niet gesloten: zet hetzelfde teken waar de tekst ophoudt"
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
