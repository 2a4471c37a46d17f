"""SVG drawings made safe to publish.

An SVG is a document: opened at its own address it can run scripts and
load files from elsewhere, on the site's own domain. So a published SVG
is never the editor's file: it is written anew from what drawing programs
need (shapes, text, gradients, filters, CSS without outside references),
without comments, metadata and editors' private attributes (Inkscape
stores the file's path on the author's computer, for one).

What could run or fetch something (scripts, `on...` attributes,
javascript: links, HTML content, links, animation, embedded or linked
images, references to other files) is refused with the reason, not
silently removed: a removed part could change what the drawing shows, and
an embedded photo would carry its own metadata. Ordinary exports
("plain SVG") have none of these.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
XHTML = "http://www.w3.org/1999/xhtml"

# Static drawing: what plain SVG exports hold.
_ELEMENTS = frozenset(
    """
    svg g defs symbol use switch view title desc style
    path rect circle ellipse line polyline polygon text tspan textPath
    linearGradient radialGradient stop pattern clipPath mask marker
    filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
    feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood
    feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode
    feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence
""".split()
)
_DROPPED = frozenset({"metadata"})  # authors, licences, software: not part of the drawing
_DANGEROUS = {
    "script": "een script (<script>)",
    "foreignObject": "HTML-inhoud (<foreignObject>)",
    "image": "een ingesloten of gekoppelde afbeelding (<image>)",
    "feImage": "een ingesloten of gekoppelde afbeelding (<feImage>)",
    "a": "een link (<a>)",
    **{name: f"animatie (<{name}>)" for name in ("animate", "animateMotion", "animateTransform", "set", "discard")},
}
_JAVASCRIPT = re.compile(r"j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.IGNORECASE)
_LOCAL_URL = re.compile(r"url\(\s*['\"]?#[^)'\"]*['\"]?\s*\)", re.IGNORECASE)
# After url(#id) is taken out, any of these fetches something, or hides what it does.
_CSS_FETCH = re.compile(r"url\(|image-set\(|src\(|@import|expression\(|\\", re.IGNORECASE)


class UnsafeSvg(ValueError):
    """The Dutch reason an SVG is not published."""


class NotSvg(ValueError):
    """Not XML (`invalid` True), or XML but no SVG drawing."""

    def __init__(self, invalid: bool):
        super().__init__("invalid XML" if invalid else "not an SVG")
        self.invalid = invalid


def _split(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return namespace, local
    return "", name


def _check_value(name: str, value: str, *, css: bool = False) -> None:
    if _JAVASCRIPT.search(value):
        raise UnsafeSvg(f"een javascript:-link (in {name})")
    rest = _LOCAL_URL.sub("", value)
    if (css and _CSS_FETCH.search(rest)) or "url(" in rest.lower():
        raise UnsafeSvg(f"een verwijzing naar een ander bestand of ongewone CSS (in {name})")


def _attributes(element) -> list[tuple[str, str]]:
    kept = []
    for name, value in element.attrib.items():
        namespace, local = _split(name)
        if local.lower().startswith("on"):
            raise UnsafeSvg(f"code die bij een gebeurtenis draait (het attribuut {local})")
        if local == "href" and namespace in ("", XLINK):
            if not value.strip().startswith("#"):
                raise UnsafeSvg(f'een verwijzing naar een ander bestand (href="{value[:60]}")')
            kept.append(("xlink:href" if namespace else "href", value))
            continue
        if namespace == XML:
            kept.append((f"xml:{local}", value))
        elif namespace in ("", SVG):
            _check_value(local, value, css=local == "style")
            kept.append((local, value))
        # Other namespaces (inkscape:, sodipodi:, Illustrator's): editors' own data, dropped.
    return kept


def _element(element, out: list[str], *, root: bool = False) -> None:
    namespace, local = _split(element.tag)
    if namespace in ("", SVG) and local in _DROPPED or namespace not in ("", SVG, XHTML):
        return  # metadata, or an editor's private element: not drawn, not published
    if namespace == XHTML:
        raise UnsafeSvg(f"HTML-inhoud (<{local}>)")
    if local not in _ELEMENTS:
        raise UnsafeSvg(_DANGEROUS.get(local, f"het onderdeel <{local}>, dat de site niet publiceert"))
    attributes = _attributes(element)
    if local == "style" and element.text:
        _check_value("<style>", element.text, css=True)
    if root:
        uses_xlink = any(f"{{{XLINK}}}href" in node.attrib for node in element.iter())
        attributes[:0] = [("xmlns", SVG)] + ([("xmlns:xlink", XLINK)] if uses_xlink else [])
    out.append(f"<{local}" + "".join(f" {name}={quoteattr(value)}" for name, value in attributes) + ">")
    if element.text:
        out.append(escape(element.text))
    for child in element:
        _element(child, out)
        if child.tail:
            out.append(escape(child.tail))
    out.append(f"</{local}>")


def parse(data: bytes):
    """The root element; NotSvg when the file is no SVG."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise NotSvg(invalid=True) from error
    namespace, local = _split(root.tag)
    if local != "svg" or namespace not in ("", SVG):
        raise NotSvg(invalid=False)
    return root


def clean(data: bytes) -> bytes:
    """The SVG written anew from the allowed parts; UnsafeSvg (with the Dutch
    reason) when it holds something that could run or fetch; NotSvg when
    it is no SVG."""
    out: list[str] = []
    _element(parse(data), out, root=True)
    return "".join(out).encode("utf-8")
