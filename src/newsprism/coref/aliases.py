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

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

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
    link = _written_alias(a, b, na, nb)
    if link:
        return link
    ia, ib = identity(a, lex=lex), identity(b, lex=lex)
    if ia and ib and ia.key == ib.key:
        kind = next((i.kind for i in (ia, ib) if i.kind not in ("name", "key")), "name")
        return AliasLink(kind, f"both stand for {ia.key}: {ia.why}; {ib.why}")
    return None


def _written_alias(a: str, b: str, na: str, nb: str) -> AliasLink | None:
    """What the two spellings alone show: an acronym, a partial name, a nickname."""
    for short, long_ in ((a, b), (b, a)):
        for rule, why in _ACRONYM_RULES:
            if rule(short, long_):
                return AliasLink("acronym", f"{short!r} {why} {long_!r}")
    for short, long_ in ((a, b), (b, a)):
        if _partial_name(short, long_):
            return AliasLink("partial name", f"{norm(short)!r} is part of the name {norm(long_)!r}")
    nick = _nickname(na, nb)
    return AliasLink("nickname", f"{a!r} and {b!r}: the same surname, and {nick}") if nick else None


def _is_acronym(short: str, long_: str) -> bool:
    """ "IMF" of "the International Monetary Fund": the initials of every word."""
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


def _partial_name(short: str, long_: str) -> bool:
    """A partial name ("Kim" / "Kim Jong-un", "Obama" / "Barack Obama"), read on the texts as
    written. Not one when either is not written as a name ("a Staunton ice cream store" holds
    the town's name, and is a shop), when the long one goes on after a comma ("Huntsville,
    Texas": the state after the comma is another place), or when the short one starts a long
    one that ends in a word for a kind of institution or place ("Woodburn" / "Woodburn Police
    Department": the town names the department, it is not the department)."""
    ws, wl = _name_words(short), _name_words(long_.split(",")[0])
    if ws is None or wl is None:
        return False
    if ws == wl:
        # "Huntsville" / "Huntsville, Texas" (the name, and where it is), "in Sicily" / "Sicily"
        return True
    if not _partial(" ".join(ws), " ".join(wl)):
        return False
    return wl[-len(ws) :] == ws or wl[-1] not in load().name_kinds


#: words that may stay lower case inside a name ("Academy of Motion Picture Arts and Sciences")
_LOWER_IN_NAMES = frozenset(
    {"the", "a", "an", "of", "and", "for", "on", "in", "at", "de", "du", "des", "da", "del"}
    | {"van", "von", "der", "bin", "al", "el", "la", "le", "y", "&"}
)


#: what a mention's text may start with before the name ("from Huntsville", "in the Gulf")
_LEADING = frozenset(
    {"the", "a", "an", "in", "on", "at", "from", "to", "near", "of", "by", "into", "off"}
    | {"across", "between", "outside", "inside", "around", "through", "toward", "towards"}
)


def _name_words(text: str) -> list[str] | None:
    """The normal-form words of a text written as a name (every word but a few small ones has
    a capital or starts with a digit), or None ("the bank", "an ice cream shop in Staunton")."""
    raw = [w for w in undot(text.strip()).split() if any(c.isalnum() for c in w)]
    while raw and raw[0] in _LEADING:
        raw = raw[1:]
    for w in raw:
        first = next(c for c in w if c.isalnum())
        if first.isalpha() and not any(c.isupper() for c in w) and w.lower() not in _LOWER_IN_NAMES:
            return None
    words = norm(" ".join(raw)).split()
    return words or None


def _is_letter_acronym(short: str, long_: str) -> bool:
    """ "FLDS" of "Fundamentalist Church of Jesus Christ of Latter Day Saints": three or more
    capitals that are the initials of the first word, the last word and words between, in order."""
    letters = undot(short.strip()).replace(" ", "").lower()
    if not (3 <= len(letters) <= 6 and short.strip().replace(".", "").isupper()):
        return False
    words = [w for w in norm(long_).split() if w not in _SKIP_IN_ACRONYM]
    if len(words) <= len(letters) or not letters.isalpha():
        return False
    initials = "".join(w[0] for w in words)
    if initials[0] != letters[0] or initials[-1] != letters[-1]:
        return False
    at = 0
    for ch in letters:
        at = initials.find(ch, at) + 1
        if at == 0:
            return False
    return True


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    raw = json.loads(files("newsprism").joinpath("data/nicknames.json").read_text("utf-8"))
    out: dict[str, set[str]] = {}
    for full, shorts in raw["nicknames"].items():
        for short in shorts:
            out.setdefault(full, set()).add(short)
            out.setdefault(short, set()).add(full)
    return {k: frozenset(v) for k, v in out.items()}


def _nickname(na: str, nb: str) -> str:
    """ "bill hakim" / "trooper william hakim": the same surname, and a first name that is the
    usual short form of the other's."""
    wa, wb = na.split(), nb.split()
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1] or len(wa[-1]) < 3:
        return ""
    table = _nicknames()
    for x in wa[:-1]:
        for y in wb[:-1]:
            if y in table.get(x, ()):
                return (
                    f"{x!r} is a short form of {y!r}"
                    if len(x) < len(y)
                    else (f"{y!r} is a short form of {x!r}")
                )
    return ""


def _acronym_tail(short: str, long_: str) -> bool:
    """ "EYP MCF" / "EYP Mission Critical": the same leading name, then capitals that begin
    with the initials of the other's remaining words (a name cut short by the tagger)."""
    ws, wl = short.split(), long_.split()
    k = 0
    while k < min(len(ws), len(wl)) and ws[k] == wl[k]:
        k += 1
    if k == 0 or not ws[0][:1].isupper() or len(ws) != k + 1 or len(wl) <= k:
        return False
    tail, rest = ws[k], [w for w in wl[k:] if w.lower() not in _SKIP_IN_ACRONYM]
    if not (2 <= len(tail) <= 6 and tail.isalpha() and tail.isupper()) or not rest:
        return False
    initials = "".join(w[0] for w in rest).lower()
    return len(initials) <= len(tail) and tail.lower().startswith(initials)


#: the acronym rules, each with the evidence it gives, surest first
_ACRONYM_RULES = (
    (_is_acronym, "is the acronym of"),
    (_acronym_tail, "abbreviates the rest of"),
    (_is_letter_acronym, "is made of initials of"),
)
