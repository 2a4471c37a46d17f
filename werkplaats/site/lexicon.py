"""Dutch lemmas and compound parts from OpenTaal's dictionary (hunspell-nl).

The site search (werkplaats/site/search.py) gives every page hidden index terms:
the lemmas and compound parts of its words that the page does not already
contain, so `verslag` finds a page that says "verslagen" and `verzekeraar`
one that says "zorgverzekeraars" (handbook/search.md).

The analysis comes from the `hunspell` program with Debian's `hunspell-nl`
dictionary (BSD-3-Clause or CC BY 3.0): `hunspell -m` prints a word's stem
(`st:`) and, for compounds it forms itself, the parts (`pa:`). Words it lists
whole (woningcorporatie) or does not know (armoedebeleid) go through a small
splitter that accepts only parts hunspell knows. hunspell runs once per batch
of words, never once per word; each word's result is kept in memory and on
disk (.cache/lexicon/, one line per word), keyed by the dictionary's content
and the rules below, so a new dictionary or new rules start afresh.

Nothing here knows MkDocs.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

DICTIONARY = Path("/usr/share/hunspell/nl")  # nl.aff + nl.dic of Debian's hunspell-nl
CACHE_DIR = Path(".cache") / "lexicon"  # under the project root; .gitignore'd
INSTALL = "sudo apt-get install hunspell hunspell-nl"
# Where the project installs them (tests/test_workflows.py checks each).
INSTALLED_BY = ("Makefile", ".ci/run", ".github/workflows/check.yml", ".github/workflows/deploy.yml")

# Bump when a rule below changes what a word yields: the disk cache is keyed on it.
RULES = 7
MIN_WORD = 4  # shorter words are skipped: hunspell reads `in` as a verb (inde, int ...)
MAX_WORD = 40  # longer "words" are not Dutch (a code, a run of letters): skipped
MIN_SPLIT = 8  # only split words this long (wijkteam): verslag (7) would give ver + slag
MIN_PART = 4  # every part of a split at least this long
MIN_ING = 7  # -ing <-> -en only from words this long (ervaren, plannen; not zoeken, woning)
LINKING = "se"  # a linking letter between parts: bewoner-s-avond, armoede-beleid
# A compound's head must be one hunspell accepts after this word (huis + hulp
# is a compound to hunspell, huis + teren is not: the dictionary's flags).
HEAD_PROBE = "huis"
# Suffixes that are also (rare) words: toegankelijk + heid, eigen + lijk and
# zicht + baar are not compounds.
NOT_A_PART = frozenset({"aars", "baar", "bare", "heden", "heid", "lijk", "lijke", "ling", "lingen", "schap", "schappen"})

# The few nouns with an -eren plural (a closed class in Dutch), which
# hunspell lists as words of their own: kinderen gives no `kind` otherwise.
EREN_PLURALS = {
    "kinderen": "kind",
    "liederen": "lied",
    "bladeren": "blad",
    "volkeren": "volk",
    "goederen": "goed",
    "runderen": "rund",
    "kalveren": "kalf",
    "lammeren": "lam",
    "gemoederen": "gemoed",
    "raderen": "rad",
    "beenderen": "been",
    "hoenderen": "hoen",
    "eieren": "ei",
}
# A participle hunspell lists as its own word (georganiseerd) leads to its
# infinitive when one of these is a word: ge + organiseer + d -> organiseren.
MIN_PARTICIPLE = 7

# A word: letters, joined by an apostrophe (foto's) or a hyphen (wmo-loket).
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class LexiconError(RuntimeError):
    """hunspell or its Dutch dictionary is missing, or hunspell failed."""


def missing_message(what: str) -> str:
    return (
        f"Zoeken in het Nederlands heeft het programma hunspell met het Nederlandse woordenboek nodig; {what} ontbreekt.\n"
        f"Installeer ze met: {INSTALL}  (of voer `make build` uit: de Makefile installeert ze zelf als dat kan).\n"
        f"Dutch search needs the hunspell program and Debian's Dutch dictionary; {what} is missing.\n"
        f"Install them with: {INSTALL}  (or run `make build`, which installs them when it can).\n"
        f"({', '.join(INSTALLED_BY)} installeren ze / install them.)"
    )


def words(text: str) -> list[str]:
    """The words of a text, lower case, in order; a hyphenated word also
    gives its parts (wmo-loket: wmo-loket, wmo, loket), as Pagefind indexes it."""
    out = []
    for word in WORD.findall(text.lower().replace("’", "'")):
        out.append(word)
        if "-" in word:
            out.extend(word.split("-"))
    return out


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower case without diacritics: how Pagefind compares words."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


Analysis = tuple[tuple[str, str], ...]  # (surface, stem) per part; one part unless a compound


def parse_analyses(output: str) -> dict[str, list[Analysis]]:
    """`hunspell -m` output -> word -> its analyses. Each line is the word
    and its fields; `pa:` starts a part, `st:` gives the current part's stem
    (or the word's, before any `pa:`). An unknown word has a line without fields."""
    found: dict[str, list[Analysis]] = {}
    for line in output.splitlines():
        fields = line.split()
        if not fields:
            continue
        word, parts = fields[0], []
        for field in fields[1:]:
            if field.startswith("pa:"):
                parts.append([field[3:], field[3:]])
            elif field.startswith("st:"):
                if parts:
                    parts[-1][1] = field[3:]
                else:
                    parts.append([word, field[3:]])
        analyses = found.setdefault(word, [])
        if parts:
            analysis = tuple((surface.lower(), stem.lower()) for surface, stem in parts)
            if analysis not in analyses:
                analyses.append(analysis)
    return found


def lemma_of(analysis: Analysis) -> str:
    """The whole word's lemma: the modifiers as written, the head's stem
    (zorg + verzekeraars -> zorgverzekeraar)."""
    return "".join(surface for surface, _ in analysis[:-1]) + analysis[-1][1]


def infinitives(stem: str) -> list[str]:
    """Infinitives a verb stem may have: organiseer -> organiseren (a long
    vowel before one consonant is written single), werk -> werken,
    plan -> plannen (a short vowel doubles the consonant)."""
    out = [stem + "en"]
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou" and stem[-1] not in "aeiou":
        out.append(stem[:-3] + stem[-2] + stem[-1] + "en")
    if len(stem) >= 2 and stem[-1] not in "aeiouw" and stem[-2] in "aeiou" and (len(stem) < 3 or stem[-3] not in "aeiou"):
        out.append(stem + stem[-1] + "en")
    return out


def dictionary_key(dictionary: Path) -> str:
    """What the cache is keyed on: the dictionary's content and RULES."""
    digest = hashlib.sha256(f"rules {RULES}\n".encode())
    for suffix in (".aff", ".dic"):
        digest.update(dictionary.with_suffix(suffix).read_bytes())
    return digest.hexdigest()[:16]


class Lexicon:
    """Lemmas and index terms of Dutch words, from one hunspell dictionary.

    `terms(text)` and `lemmas(word)` answer from memory or the disk cache;
    words not seen before are analysed together (`warm`), in a few batched
    hunspell calls whatever their number.
    """

    def __init__(self, cache_dir: Path | str | None, *, hunspell: str = "hunspell", dictionary: Path | str | None = None):
        self.dictionary = Path(dictionary or DICTIONARY)
        program = shutil.which(hunspell)
        if program is None:
            raise LexiconError(missing_message(hunspell))
        for suffix in (".aff", ".dic"):
            if not self.dictionary.with_suffix(suffix).is_file():
                raise LexiconError(missing_message(str(self.dictionary.with_suffix(suffix))))
        self.program = program
        self.calls = 0  # hunspell runs, for the tests and the benchmark
        self._entries: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # word -> (lemmas, terms)
        self._analyses: dict[str, list[Analysis]] = {}
        self._cache = None
        if cache_dir is not None:
            self._cache = Path(cache_dir) / f"{dictionary_key(self.dictionary)}.jsonl"
            self._load()

    # --- the cache -------------------------------------------------------------

    def _load(self) -> None:
        if not self._cache.is_file():
            return
        for line in self._cache.read_text(encoding="utf-8").splitlines():
            try:
                word, lemmas, terms = json.loads(line)
            except ValueError:
                continue  # a line cut short by an interrupted build
            self._entries[word] = (tuple(lemmas), tuple(terms))

    def _save(self, words: list[str]) -> None:
        if self._cache is None or not words:
            return
        self._cache.parent.mkdir(parents=True, exist_ok=True)
        if not self._cache.exists():  # another dictionary's or rules' cache is stale
            for old in self._cache.parent.glob("*.jsonl"):
                old.unlink(missing_ok=True)
        lines = "".join(json.dumps([w, *self._entries[w]], ensure_ascii=False) + "\n" for w in words)
        # One append: concurrent builds add whole lines, never half of one.
        with open(self._cache, "a", encoding="utf-8") as cache:
            cache.write(lines)

    # --- hunspell ----------------------------------------------------------------

    def _analyse(self, strings: Iterable[str]) -> None:
        """Run `hunspell -m` once on every string not analysed yet."""
        todo = sorted({s for s in strings if s not in self._analyses})
        if not todo:
            return
        self.calls += 1
        # C.UTF-8: in the C locale hunspell mangles non-ASCII words (coördinator -> co).
        done = subprocess.run(
            [self.program, "-i", "utf-8", "-m", "-d", str(self.dictionary)],
            input="\n".join(todo) + "\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "LC_ALL": "C.UTF-8"},
            check=False,
        )
        if done.returncode != 0:
            raise LexiconError(f"hunspell -m faalde / failed (exit {done.returncode}): {done.stderr.strip()}")
        found = parse_analyses(done.stdout)
        for s in todo:
            self._analyses[s] = found.get(s, [])

    # --- per word -----------------------------------------------------------------

    def warm(self, words_: Iterable[str]) -> None:
        """Analyse every word not known yet, all of them together: one
        hunspell call per step of the rules below (about four), not per word."""
        pending = sorted({w for w in words_ if MIN_WORD <= len(w) <= MAX_WORD and w not in self._entries})
        done: list[str] = []
        while pending:
            needed: set[str] = set()
            ask = functools.partial(self._ask, needed)
            left = []
            for word in pending:
                entry = self._entry(word, ask)
                if entry is None:
                    left.append(word)
                else:
                    self._entries[word] = entry
                    done.append(word)
            if left and not needed:  # cannot happen: an incomplete entry always asks
                raise AssertionError(f"lexicon: no progress on {left[:5]}")
            self._analyse(needed)
            pending = left
        self._save(done)

    def _ask(self, needed: set[str], s: str) -> list[Analysis] | None:
        """The analyses of s, or None after noting s for the next hunspell run."""
        if s in self._analyses:
            return self._analyses[s]
        needed.add(s)
        return None

    def _entry(self, word: str, ask: Callable) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """(lemmas, terms) of one word, or None while `ask` still lacks an analysis.

        terms: the word's lemmas; its compound parts (hunspell's own, else
        the splitter's) and their lemmas; modifier + lemma of the head;
        -ing noun <-> -en verb. Nothing shorter than MIN_WORD, not the word itself.
        """
        analyses = ask(word)
        if analyses is None:
            return None
        complete = True
        lemmas = {lemma_of(a) for a in analyses}
        terms = set(lemmas)
        parts: set[str] = set()
        heads: set[tuple[str, str]] = set()  # (modifier as written, head)
        compounds = [a for a in analyses if len(a) > 1]
        for analysis in compounds:
            parts.update(p for part in analysis for p in part)
        # Split a compound's parts by their stems (beeld + verslagen: verslag,
        # not vers + lagen); anything else by its lemmas other than itself
        # (gesprekken is also listed as its own lemma: not gesp + rekken), or as it is.
        to_split = {stem for a in compounds for _, stem in a} if compounds else (lemmas - {word} or lemmas or {word})
        for s in to_split:
            split = self._split(s, ask)
            if split is None:
                complete = False
            elif len(split) > 1:
                parts.update(split)
                heads.add((s[: len(s) - len(split[-1])], split[-1]))
        for part in (p for p in parts if len(p) >= MIN_PART):
            part_analyses = ask(part)
            if part_analyses is None:
                complete = False
                continue
            terms.add(part)
            terms.update(lemma_of(a) for a in part_analyses)
        for modifier, head in heads:
            head_analyses = ask(head)
            if head_analyses is None:
                complete = False
            else:
                terms.update(modifier + lemma_of(a) for a in head_analyses if len(a) == 1)
        # samenwerking <-> samenwerken, from the word's lemmas (an infinitive
        # is its own lemma; a plural such as werkplaatsen is not), when the
        # other form is a word too. Not for parts nor for short words: there
        # it gives more noise than finds (vast + leggen -> legging, zoeken -> zoeking).
        for form in lemmas:
            for end, other in (("ing", "en"), ("en", "ing")):
                if form.endswith(end) and len(form) >= MIN_ING:
                    candidate = form[: -len(end)] + other
                    known = ask(candidate)
                    if known is None:
                        complete = False
                    elif known:
                        terms.add(candidate)
        # georganiseerd -> organiseren, gewerkt -> werken, gepland -> plannen.
        if word.startswith("ge") and word[-1] in "dt" and len(word) >= MIN_PARTICIPLE and lemmas <= {word}:
            for candidate in infinitives(word[2:-1]):
                known = ask(candidate)
                if known is None:
                    complete = False
                elif known:
                    terms.add(candidate)
        if not complete:
            return None
        # Both ways: pleegkinderen finds `kind`, a page that says kind is
        # found by `kinderen` (a plural the query side cannot guess).
        for form in list(terms | {word}):
            for plural, single in EREN_PLURALS.items():
                if form.endswith(plural):
                    terms.add(form[: -len(plural)] + single)
                elif form == single:
                    terms.add(plural)
        keep = sorted(t for t in terms if len(t) >= MIN_WORD and t != word and WORD.fullmatch(t))
        return tuple(sorted(lemma for lemma in lemmas if len(lemma) >= MIN_WORD)), tuple(keep)

    def _split(self, s: str, ask: Callable) -> list[str] | None:
        """A long word split into parts hunspell knows, head last, the head
        as long as possible; [s] when there is no such split; None while
        `ask` lacks an analysis. Parts of a part are split the same way.

        A head must be one hunspell accepts at the end of a compound (it
        analyses HEAD_PROBE + head): the dictionary's compound flags rule
        out luis + teren and vers + chillen. Every candidate of one level is
        asked at once, so a level costs one hunspell call.
        """
        if len(s) < MIN_SPLIT or not s.isalpha():  # wmo-loket: its parts are words of their own
            return [s]
        splits = []
        for i in range(MIN_PART, len(s) - MIN_PART + 1):
            left, right = s[:i], s[i:]
            lefts = [left] + ([left[:-1]] if left[-1] in LINKING and len(left) > MIN_PART else [])
            splits.append((lefts, right))
        answers = {c: ask(c) for lefts, right in splits for c in (*lefts, right, HEAD_PROBE + right)}
        if None in answers.values():
            return None
        for lefts, right in splits:  # longest head first
            if right in NOT_A_PART or not answers[right] or not answers[HEAD_PROBE + right]:
                continue
            for left in lefts:
                if answers[left]:
                    head, tail = self._split(left, ask), self._split(right, ask)
                    if head is None or tail is None:
                        return None
                    return head + tail
        return [s]

    # --- answers ---------------------------------------------------------------------

    def entry(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if not MIN_WORD <= len(word) <= MAX_WORD:
            return (), ()
        if word not in self._entries:
            self.warm([word])
        return self._entries[word]

    def lemmas(self, word: str) -> tuple[str, ...]:
        """hunspell's lemmas of a lower-case word (verslagen: verslag)."""
        return self.entry(word)[0]

    def word_terms(self, word: str) -> tuple[str, ...]:
        """A lower-case word's index terms: lemmas, compound parts and their lemmas."""
        return self.entry(word)[1]

    def terms(self, text: str) -> list[str]:
        """The hidden index terms of a text: the terms of its words that the
        text does not contain itself (compared as Pagefind does, without
        diacritics), sorted."""
        own = set(words(text))
        seen = {fold(w) for w in own}
        return sorted(t for t in self.terms_of(own) if fold(t) not in seen)

    def terms_of(self, words_: Iterable[str]) -> set[str]:
        """Every term of these words (looked up together when not known yet)."""
        words_ = set(words_)
        self.warm(words_)
        return {t for w in words_ for t in self.word_terms(w)}


_open: dict[Path, Lexicon] = {}


def for_project(root: Path | str) -> Lexicon:
    """The project's lexicon, cached under ROOT/.cache/lexicon/; one per
    process, so `make serve` keeps what it looked up between rebuilds."""
    cache_dir = (Path(root) / CACHE_DIR).resolve()
    if cache_dir not in _open:
        _open[cache_dir] = Lexicon(cache_dir)
    return _open[cache_dir]
