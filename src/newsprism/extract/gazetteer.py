"""The small gazetteer in newsprism/data: countries, capitals, demonyms, organisations, titles.

Lookups are by *folded* text (diacritics removed, case kept) so "Türkiye" == "Turkiye" while "US"
(the country) stays apart from "us" (the pronoun).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_NON_WORD = re.compile(r"[^0-9a-z]+")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Remove diacritics and normalise apostrophes, keeping case ("Erdoğan" -> "Erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOS))
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    # letters NFKD does not decompose
    return out.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")


def slug(text: str) -> str:
    """A key fragment: folded, lower case, words joined by "_" ("Recep Tayyip Erdoğan" -> ...)."""
    return _NON_WORD.sub("_", fold(text).casefold()).strip("_")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"country:{self.code}"


@dataclass(frozen=True)
class Organization:
    slug: str
    name: str
    aliases: tuple[str, ...]
    country: str | None

    @property
    def key(self) -> str:
        return f"org:{self.slug}"


@dataclass(frozen=True)
class NameCues:
    """Words that say what kind of thing a name is (data/name_cues.json)."""

    org_suffixes: frozenset[str] = frozenset()
    place_suffixes: frozenset[str] = frozenset()
    place_prefixes: frozenset[str] = frozenset()
    of_place: frozenset[str] = frozenset()
    place_followers: frozenset[str] = frozenset()
    appos_place: frozenset[str] = frozenset()
    appos_org: frozenset[str] = frozenset()
    sites_at: frozenset[str] = frozenset()


@dataclass
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)  # folded name/alias -> code
    by_capital: dict[str, str] = field(default_factory=dict)
    by_demonym: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, Organization] = field(default_factory=dict)
    org_by_alias: dict[str, str] = field(default_factory=dict)  # folded alias -> slug
    leader_titles: frozenset[str] = frozenset()
    other_titles: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    #: words that mark the name next to them as a person's ("chief", "striker", "lawyer")
    roles: frozenset[str] = frozenset()
    #: the longest entry, in words, so n-gram scans know where to stop
    max_words: int = 1
    #: words that start a title ("prime" of "prime minister"), so role scans test few tokens
    first_title_words: frozenset[str] = frozenset()
    cues: NameCues = field(default_factory=NameCues)

    def country_of(self, text: str) -> str | None:
        """The country a name or alias (not a capital or demonym) stands for."""
        t = _strip_the(fold(text).strip())
        code = self.by_name.get(t)
        if code is None and len(t) > 4 and t.isupper():
            code = self.by_name.get(t.title())  # headlines in capitals: "TURKEY"
        return code

    def any_country(self, text: str) -> tuple[str, str] | None:
        """(code, how) for a name, demonym or capital: how is "name", "demonym" or "capital"."""
        t = _strip_the(fold(text).strip())
        if t.endswith(("'s", "'")):
            t = t.rsplit("'", 1)[0]
        code = self.country_of(t)
        if code:
            return code, "name"
        if t in self.by_demonym:
            return self.by_demonym[t], "demonym"
        if t in self.by_capital:
            return self.by_capital[t], "capital"
        return None

    def org_of(self, text: str) -> Organization | None:
        s = self.org_by_alias.get(_strip_the(fold(text).strip()))
        return self.orgs[s] if s else None

    def title_kind(self, words: str) -> str | None:
        w = words.casefold()
        if w in self.leader_titles:
            return "leader"
        if w in self.other_titles:
            return "other"
        return None


def _strip_the(t: str) -> str:
    return t[4:] if t[:4] in ("the ", "The ") else t


def _read(name: str) -> Any:
    return json.loads(resources.files("newsprism.data").joinpath(name).read_text("utf-8"))


@cache
def load() -> Gazetteer:
    """The packaged gazetteer, read once per process."""
    g = Gazetteer()
    for code, row in _read("countries.json").items():
        if code.startswith("_"):
            continue
        name, aliases, capitals, demonyms = row
        c = Country(code, name, tuple(aliases), tuple(capitals), tuple(demonyms))
        g.countries[code] = c
        for n in (name, *aliases):
            g.by_name[_strip_the(fold(n))] = code
        for n in capitals:
            g.by_capital[fold(n)] = code
        for n in demonyms:
            g.by_demonym[fold(n)] = code
    for s, row in _read("organizations.json").items():
        if s.startswith("_"):
            continue
        name, aliases, country = row
        o = Organization(s, name, tuple(aliases), country)
        g.orgs[s] = o
        for n in (name, *aliases):
            g.org_by_alias[_strip_the(fold(n))] = s
    titles = _read("titles.json")
    g.leader_titles = frozenset(titles["leader"])
    g.other_titles = frozenset(titles["other"])
    g.honorifics = frozenset(titles["honorifics"])
    g.roles = frozenset(titles.get("roles", ()))
    names = [*g.by_name, *g.by_capital, *g.by_demonym, *g.org_by_alias]
    g.max_words = max(len(n.split()) for n in names)
    cues = _read("name_cues.json")
    g.cues = NameCues(**{k: frozenset(v) for k, v in cues.items() if not k.startswith("_")})
    g.first_title_words = frozenset(t.split()[0] for t in (*g.leader_titles, *g.other_titles))
    return g
