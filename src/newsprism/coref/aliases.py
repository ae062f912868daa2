"""Whether two names are one actor, and why: the evidence the comparison shows.

Two kinds of judgement:
- ``identity``: what one name stands for on its own, through the gazetteer and the coref word
  lists ("the Kremlin" -> country:RU because it is the seat of the Russian government; "the DNC"
  -> party:us_democratic). Two names with one identity are one actor.
- ``alias_link``: what needs both names: an acronym ("IMF" / "International Monetary Fund"), the
  same abbreviation with and without dots ("E.U." / "EU"), a partial name ("Kim" / "Kim Jong-un").
Each answer carries its kind and a sentence of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.coref.lexicon import Lexicon, load, norm, undot
from newsprism.extract import gazetteer

_SKIP_IN_ACRONYM = frozenset({"of", "the", "and", "for", "&", "on", "in", "de", "du", "des"})


@dataclass(frozen=True)
class Identity:
    key: str
    #: name, abbreviation, metonymy, body, party, government, key
    kind: str
    why: str


@dataclass(frozen=True)
class AliasLink:
    #: same name, dots, acronym, partial name, metonymy, spokesperson body, party, government
    kind: str
    reason: str


def identity(text: str, *, key: str | None = None, lex: Lexicon | None = None) -> Identity | None:
    """What a name stands for by itself, or None. ``key`` is the extract stage's canonical key of
    the mention, when it has one (it already joins spellings and titles within an article)."""
    lex = lex or load()
    n = norm(text)
    if not n:
        return None
    if n in lex.party_forms:
        pkey, name, what = lex.party_forms[n]
        return Identity(pkey, "party", f"{text!r} is {what} ({name})")
    for table, kind in ((lex.metonyms, "metonymy"), (lex.bodies, "spokesperson body")):
        if n in table and table[n][0]:
            return Identity(table[n][0], kind, table[n][1])
    gov = _government(n, lex)
    if gov:
        return gov
    gaz = gazetteer.load()
    org = gaz.org_of(undot(text.strip())) or gaz.org_of(text.strip())
    if org:
        return Identity(org.key, "name", f"{text!r} is a name of {org.name}")
    code = gaz.country_of(text.strip())
    if code:
        return Identity(f"country:{code}", "name", f"{text!r} is a name of {code}")
    if key:
        return Identity(key, "key", f"the extract stage reads {text!r} as {key}")
    return None


def _government(n: str, lex: Lexicon) -> Identity | None:
    """ "the Russian government", "Moscow's administration", "US authorities" -> the country."""
    words = n.split()
    if len(words) < 2 or words[-1] not in lex.government_words:
        return None
    found = gazetteer.load().any_country(" ".join(words[:-1]).title())
    if found is None:
        found = gazetteer.load().any_country(" ".join(words[:-1]).upper())
    if found is None:
        return None
    code, how = found
    return Identity(f"country:{code}", "government", f"the {words[-1]} of {code} (by {how})")


def alias_link(a: str, b: str, *, lex: Lexicon | None = None) -> AliasLink | None:
    """Why two names written differently are one actor, or None when nothing says so."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return None
    if na == nb:
        if undot(a) != a or undot(b) != b:
            return AliasLink("dots", f"{a!r} and {b!r} are one abbreviation, with and without dots")
        return AliasLink("same name", f"{a!r} and {b!r} are the same name")
    for short, long_ in ((a, b), (b, a)):
        if _is_acronym(short, long_):
            return AliasLink("acronym", f"{short!r} is the acronym of {long_!r}")
    for short, long_ in ((na, nb), (nb, na)):
        if _partial(short, long_):
            return AliasLink("partial name", f"{short!r} is part of the name {long_!r}")
    ia, ib = identity(a, lex=lex), identity(b, lex=lex)
    if ia and ib and ia.key == ib.key:
        kind = next((i.kind for i in (ia, ib) if i.kind not in ("name", "key")), "name")
        return AliasLink(kind, f"both stand for {ia.key}: {ia.why}; {ib.why}")
    return None


def _is_acronym(short: str, long_: str) -> bool:
    letters = undot(short.strip()).replace(" ", "")
    if letters.lower().startswith("the"):
        letters = letters[3:]
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in norm(long_).split() if w not in _SKIP_IN_ACRONYM]
    initials = "".join(w[0] for w in words)
    return len(words) >= 2 and initials == letters.lower()


def _partial(short: str, long_: str) -> bool:
    """ "kim" of "kim jong un", "obama" of "barack obama": whole words at the start or end."""
    s, lw = short.split(), long_.split()
    if not s or len(s) >= len(lw) or any(len(w) < 3 for w in s):
        return False
    return lw[: len(s)] == s or lw[-len(s) :] == s
