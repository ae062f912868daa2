"""Named entities and their canonical identities within one article.

Keys:  person:<full_name_slug>   country:<ISO2>   org:<slug>   place:<slug>   group:<slug>
       other:<slug>              role:<ISO2>:<title_slug>  (a role whose holder the text never
       names)

How a mention finds its key, in order:
1. the gazetteer: country names and aliases, demonyms ("Turkish"), capitals used as actors ("Ankara
   launched ..." but not "a summit in London"), well-known organisations;
2. acronyms: "Government of National Accord (GNA)" defines GNA; an acronym whose letters are the
   initials of an organisation named in the article is that organisation;
3. people: a surname or partial name is the full name in the article that ends with it
   ("Erdoğan" -> "Recep Tayyip Erdoğan"), diacritics ignored; names after titles ("President Trump")
   and names spaCy labelled ORG/GPE but that are a person elsewhere in the article are people;
4. roles: "Turkish President Recep Tayyip Erdoğan" binds (TR, president) to him, so "the Turkish
   president" and "his Turkish counterpart" are him too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from newsprism.extract.entity_types import decide, first_name_as_group, unlabelled_names
from newsprism.extract.gazetteer import Gazetteer, fold, slug
from newsprism.extract.quotes import SPEAKING_IN_PERSON
from newsprism.extract.types import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_LOC_PREPS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "around", "across"})
_ORG_WORDS = frozenset(
    [
        "army",
        "party",
        "council",
        "ministry",
        "government",
        "parliament",
        "company",
        "inc",
        "corp",
        "agency",
        "association",
        "union",
        "bank",
        "court",
        "commission",
        "organization",
        "organisation",
        "front",
        "forces",
        "force",
        "movement",
        "group",
        "university",
        "house",
        "office",
        "department",
        "police",
        "committee",
        "brigade",
        "guard",
        "coalition",
        "alliance",
        "assembly",
        "senate",
        "congress",
        "institute",
        "foundation",
        "fund",
        "league",
        "federation",
        "network",
        "corporation",
    ]
)
_PLACE_WORDS = frozenset(
    [
        "province",
        "city",
        "region",
        "island",
        "islands",
        "river",
        "mountains",
        "valley",
        "street",
        "county",
        "state",
        "district",
        "border",
        "town",
        "village",
        "peninsula",
        "sea",
        "gulf",
        "strait",
        "desert",
        "coast",
        "capital",
        "governorate",
    ]
)
_SPEAKING = frozenset({"say", "tell", "add", "write", "tweet", "explain", "insist"}) | (
    SPEAKING_IN_PERSON
)
_POSSESSIVES = frozenset({"his", "her", "its", "their", "the", "our"})
_ACRONYM_DEF = re.compile(
    r"(?P<long>[A-Z][\w'’-]*(?:\s+(?:of|the|for|and|on|de|del|la|[A-Z][\w'’-]*))+)\s*\((?P<short>[A-Z][A-Z.&-]{1,9})\)"
)


@dataclass
class _Cand:
    """A mention before it has a key."""

    start: int  # token indices, end exclusive
    end: int
    label: str
    key: str = ""
    name: str = ""  # the name it contributes to its entity, when it is the best one
    #: the key came from the gazetteer or an acronym definition; type votes leave it alone
    fixed: bool = False
    #: the type the context evidence settled on (entity_types), "" when it left spaCy's label
    typed: str = ""


@dataclass
class EntityResult:
    mentions: list[Mention]
    entities: list[Entity]
    #: token index -> entity key of the mention covering it (roles win over their parts)
    token_keys: dict[int, str]


def find_entities(doc: Doc, gaz: Gazetteer, *, nouns: frozenset[str] = frozenset()) -> EntityResult:
    """Mentions with canonical keys; ``nouns`` (common English nouns) unmasks "Engineers"."""
    cands = _retype(doc, _candidates(doc, gaz), gaz, nouns)
    acronyms = _acronyms(doc.text, cands, doc)
    _add_acronym_mentions(doc, cands, acronyms)
    persons = _person_names(doc, cands, gaz)
    for c in cands:
        if not c.key:
            _assign(doc, c, gaz, acronyms, persons)
    _add_surname_mentions(doc, cands, persons)
    _add_roles(doc, cands, gaz)
    _vote_types(doc, cands)
    return _assemble(doc, cands, gaz)


# --- candidates --------------------------------------------------------------------------------


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or doc[start].is_space
        or doc[start].tag_ == "PRP$"  # "Its Foreign Ministry" at a sentence's start
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    # "Government of National Accord (GNA" -> drop the parenthesis
    for i in range(start, end):
        if doc[i].text == "(":
            end = i
            break
    return start, end


#: words of a day the tagger runs into the name after them ("On Monday Ines Calloway, the MP,
#: said"); months are left, being first names too ("June Carter")
_DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
     "today", "tonight", "tomorrow"}
)  # fmt: skip


def _candidates(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    cands: list[_Cand] = []
    covered = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e:
            continue
        named = first_name_as_group(doc, s, e, gaz) if ent.label_ == "NORP" else None
        if named is not None:
            s, e, _ = named
        cands.append(_Cand(s, e, named[2] if named else ent.label_))
        for i in range(s, e):
            covered[i] = True
    _extend_institutions(doc, cands, covered, gaz)
    _extend_possessed_sites(doc, cands, covered, gaz)
    _reporting_subjects(doc, cands, covered)
    labels = {i: c.label for c in cands for i in range(c.start, c.end)}
    found = unlabelled_names(doc, covered, gaz, labels)
    cands += [_Cand(s, e, label) for s, e, label in found]
    cands += _gazetteer_names(doc, covered, gaz)
    for c in cands:
        while c.end - c.start > 1 and doc[c.start].lower_ in _DAY_WORDS:
            c.start += 1  # "On Monday Ines Calloway, the MP, said": a day run into the name
    cands.sort(key=lambda c: c.start)
    return cands


def _gazetteer_names(doc: Doc, covered: list[bool], gaz: Gazetteer) -> list[_Cand]:
    """Gazetteer names spaCy missed: "Turkish", "UAE", "Ankara" as an ORG it did not see ..."""
    found: list[_Cand] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if covered[i] or not (tok.is_title or tok.is_upper) or tok.is_punct:
            i += 1
            continue
        hit = _gazetteer_hit(doc, i, covered, gaz)
        if hit and not (hit == 1 and i > 0 and tok.is_sent_start is False and tok.lower_ == "us"):
            found.append(_Cand(i, i + hit, "GAZETTEER"))
            i += hit
        else:
            i += 1
    return found


def _gazetteer_hit(doc: Doc, i: int, covered: list[bool], gaz: Gazetteer) -> int:
    """How many tokens from ``i`` on name a country or an organisation (the longest), or 0."""
    for size in range(min(gaz.max_words, len(doc) - i), 0, -1):
        if any(covered[i : i + size]):
            continue
        text = doc[i : i + size].text
        if gaz.any_country(text) or gaz.org_of(text):
            return size
    return 0


def _extend_institutions(doc: Doc, cands: list[_Cand], covered: list[bool], gaz: Gazetteer) -> None:
    """ "the Turkish foreign ministry": a country followed by an institution is that institution."""
    for c in cands:
        if c.label not in ("NORP", "GPE") or gaz.any_country(doc[c.start : c.end].text) is None:
            continue
        for size in (2, 1):
            e = c.end + size
            if e <= len(doc) and not any(covered[c.end : e]):
                words = " ".join(t.lower_ for t in doc[c.end : e])
                if words in _INSTITUTION_WORDS:
                    for i in range(c.end, e):
                        covered[i] = True
                    c.end, c.label = e, "ORG"
                    break


#: the last words of a site named after its patron, besides the name cues' ("St Brennan's
#: Hospital")
_PATRONS_SITES = frozenset({"hospital", "school", "clinic", "infirmary", "hospice"})


def _extend_possessed_sites(
    doc: Doc, cands: list[_Cand], covered: list[bool], gaz: Gazetteer
) -> None:
    """ "St Brennan's Hospital": a name, "'s" and a capitalised site word are the site's one
    name, not a person and a hospital."""
    sites = gaz.cues.place_suffixes | gaz.cues.org_suffixes | _PATRONS_SITES
    for c in cands:
        e = c.end + 2
        if e > len(doc) or any(covered[c.end : e]):
            continue
        owner, site = doc[c.end], doc[c.end + 1]
        if owner.text in ("'s", "’s") and site.is_title and site.lower_ in sites:
            for i in range(c.end, e):
                covered[i] = True
            c.end, c.label = e, "FAC"


def _reporting_subjects(doc: Doc, cands: list[_Cand], covered: list[bool]) -> None:
    """An unlabelled capitalised name that says something ("Okafor told ...") is a person; a
    person named in part ("fumed [Mara] Tolk, ...") is named whole when the rest is the name
    of who speaks."""
    from newsprism.extract.quotes import REPORTING

    for c in cands:
        if c.label != "PERSON":
            continue
        last = doc[c.end - 1]
        head = last.head
        if (
            last.dep_ == "compound" and head.i == c.end and not covered[head.i]
            and head.pos_ == "PROPN" and head.is_title
            and head.dep_ == "nsubj" and head.head.lemma_ in REPORTING
        ):  # fmt: skip
            covered[head.i] = True
            c.end = head.i + 1
    for tok in doc:
        if (
            tok.pos_ == "PROPN"
            and tok.dep_ == "nsubj"
            and not covered[tok.i]
            and tok.is_title
            and tok.head.lemma_ in REPORTING
            and tok.head.i > tok.i
        ):
            start = tok.i
            while (
                start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN"
            ):
                start -= 1
            if any(covered[start : tok.i + 1]):
                continue
            cands.append(_Cand(start, tok.i + 1, "PERSON"))
            for i in range(start, tok.i + 1):
                covered[i] = True


_TYPE_LABEL = {"person": "PERSON", "org": "ORG", "place": "GPE"}


def _retype(doc: Doc, cands: list[_Cand], gaz: Gazetteer, nouns: frozenset[str]) -> list[_Cand]:
    """Relabel names by the evidence around all their mentions; drop capitalised common nouns."""
    todo = [
        c
        for c in cands
        if c.label in ("PERSON", "ORG", "GPE", "LOC", "FAC")
        and gaz.any_country(doc[c.start : c.end].text) is None
        and gaz.org_of(doc[c.start : c.end].text) is None
    ]
    decisions = decide(doc, [(c.start, c.end, c.label) for c in todo], gaz, nouns)
    dropped: set[int] = set()
    for c, d in zip(todo, decisions, strict=True):
        if d.drop:
            dropped.add(id(c))
            continue
        c.start += d.skip
        if d.type and _LABEL_TYPE.get(c.label) != d.type:
            c.label = "FAC" if d.type == "place" and c.label == "FAC" else _TYPE_LABEL[d.type]
        c.typed = d.type
    return [c for c in cands if id(c) not in dropped]


_LABEL_TYPE = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


# --- acronyms ----------------------------------------------------------------------------------


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _acronyms(text: str, cands: list[_Cand], doc: Doc) -> dict[str, str]:
    """Acronym -> expansion, from "(GNA)" definitions and from initials of ORG names."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        short = m.group("short").replace(".", "")
        words = m.group("long").split()
        # Take the shortest tail of the long form whose initials spell the acronym.
        for k in range(len(words) - 1, -1, -1):
            tail = words[k:]
            if _initials(tail) == short and tail[0][:1].isupper():
                out[short] = " ".join(tail)
                break
    for c in cands:
        if c.label != "ORG":
            continue
        words = doc[c.start : c.end].text.split()
        if len(words) >= 2:
            out.setdefault(_initials(words), " ".join(words))
    return out


#: the fewest letters an acronym read wherever it stands has ("FSVA", "KDF"; not "IT" or "US")
ACRONYM_LETTERS = 3


def _add_acronym_mentions(doc: Doc, cands: list[_Cand], acronyms: dict[str, str]) -> None:
    """An organisation's acronym the article defines or spells ("the Food Safety and Veterinary
    Agency (FSVA)") wherever spaCy did not label it ("The FSVA also ordered the recall"): the
    small model misses most of them, and who did what is then lost."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    for tok in doc:
        word = tok.text
        if tok.i in covered or not (word.isupper() and word.isalpha()):
            continue
        if len(word) >= ACRONYM_LETTERS and word in acronyms:
            cands.append(_Cand(tok.i, tok.i + 1, "ORG"))
    cands.sort(key=lambda c: c.start)


# --- people ------------------------------------------------------------------------------------


def _strip_honorifics(tokens: list[str], gaz: Gazetteer) -> list[str]:
    out = list(tokens)
    while len(out) > 1:
        two = " ".join(out[:2]).casefold().rstrip(".")
        if two in gaz.honorifics:
            out = out[2:]
            continue
        if out[0].casefold().rstrip(".") in gaz.honorifics:
            out = out[1:]
            continue
        break
    return out


def _name_tokens(span: Span, gaz: Gazetteer) -> list[str]:
    words = [t.text for t in span if not t.is_punct or t.text == "-"]
    # "al - Sarraj" comes as three tokens; glue hyphenated parts back together
    text = " ".join(words).replace(" - ", "-")
    return _strip_honorifics(text.split(), gaz)


def _surname_forms(word: str) -> set[str]:
    f = fold(word)
    forms = {f}
    low = f.casefold()
    for prefix in ("al-", "el-", "bin-", "ibn-"):
        if low.startswith(prefix):
            forms.add(f[len(prefix) :])
    return forms


@dataclass
class _Persons:
    #: folded full name (space-joined) -> (key, display name)
    full: dict[str, tuple[str, str]]
    #: folded surname form -> folded full names ending with it
    by_surname: dict[str, list[str]]
    #: folded one-word names labelled PERSON (a "Trump" with no full name in the article)
    singles: set[str] = field(default_factory=set)


def _person_names(doc: Doc, cands: list[_Cand], gaz: Gazetteer) -> _Persons:
    persons = _Persons({}, defaultdict(list))
    for c in cands:
        if c.label != "PERSON":
            continue
        words = _name_tokens(doc[c.start : c.end], gaz)
        if len(words) == 1:
            persons.singles.add(fold(words[0]))
        if len(words) < 2:
            continue
        folded = fold(" ".join(words))
        if folded in persons.full:
            continue
        persons.full[folded] = ("person:" + slug(folded), " ".join(words))
        for form in _surname_forms(words[-1]):
            persons.by_surname[form].append(folded)
    return persons


def _person_key(words: list[str], persons: _Persons, at: int, doc: Doc) -> tuple[str, str]:
    folded = fold(" ".join(words))
    if folded in persons.full:
        return persons.full[folded]
    options: list[str] = []
    for form in _surname_forms(words[-1]):
        options.extend(persons.by_surname.get(form, ()))
    # a partial name must agree with the full name's last words ("Tayyip Erdogan")
    options = [o for o in dict.fromkeys(options) if o.endswith(folded.split(" ", 1)[-1])]
    if len(options) == 1:
        return persons.full[options[0]]
    if options:
        # two people share the surname: the one named last before this mention
        before = doc.text[: doc[at].idx]
        best = max(options, key=lambda o: before.rfind(persons.full[o][1]))
        return persons.full[best]
    return "person:" + slug(folded), " ".join(words)


def _is_person_like(doc: Doc, c: _Cand, persons: _Persons, gaz: Gazetteer) -> bool:
    """An ORG/GPE/NORP span that is really a person: a known name, or right after a title."""
    words = _name_tokens(doc[c.start : c.end], gaz)
    if not words:
        return False
    folded = fold(" ".join(words))
    if folded in persons.full or folded in persons.singles:
        return True
    if len(words) == 1 and folded in persons.by_surname:
        return True
    span = doc[c.start : c.end]
    if (
        c.label == "ORG"
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and span.root.dep_ == "nsubj"
        and span.root.head.lemma_ in _SPEAKING
        and not {t.lower_ for t in span} & _ORG_WORDS
        and gaz.org_of(span.text) is None
    ):
        return True  # "Julia Novak said": organisations rarely have two-word first-last names
    prev = doc[c.start - 1] if c.start > 0 else None
    return bool(
        prev is not None
        and prev.lower_.rstrip(".") in gaz.honorifics
        and prev.is_title
        and all(t.is_title for t in doc[c.start : c.end])
        and gaz.any_country(doc[c.start : c.end].text) is None
    )


# --- keys --------------------------------------------------------------------------------------


def _assign(doc: Doc, c: _Cand, gaz: Gazetteer, acronyms: dict[str, str], persons: _Persons):
    span = doc[c.start : c.end]
    text = span.text
    if c.label == "PERSON" or (
        c.label in ("ORG", "GPE", "NORP", "GAZETTEER")
        and not c.typed
        and _is_person_like(doc, c, persons, gaz)
    ):
        words = _name_tokens(span, gaz)
        if words:
            c.key, c.name = _person_key(words, persons, c.start, doc)
            c.label = "PERSON"
            return
    inst = _institution(doc, c, gaz)
    if inst:
        c.key, c.name, c.fixed = inst[0], inst[1], True
        return
    hit = gaz.any_country(text)
    if hit:
        code, how = hit
        if how == "capital" and _is_locative(span):
            c.key, c.name = "place:" + slug(text), text
        else:
            c.key, c.name = "country:" + code, gaz.countries[code].name
        c.fixed = True
        return
    org = gaz.org_of(text)
    if org is None and text.replace(".", "") in acronyms:
        expansion = acronyms[text.replace(".", "")]
        org = gaz.org_of(expansion)
        if org is None:
            c.key, c.name, c.fixed = "org:" + slug(expansion), expansion, True
            return
    if org is not None:
        c.key, c.name, c.fixed = org.key, org.name, True
        return
    base = {"ORG": "org", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place"}
    c.key, c.name = base.get(c.label, "other") + ":" + slug(text), text


def _institution(doc: Doc, c: _Cand, gaz: Gazetteer) -> tuple[str, str] | None:
    """ "Turkish Parliament", "Turkey's Parliament" -> org:tr_parliament (one per country)."""
    if c.label not in ("ORG", "GAZETTEER"):
        return None
    toks = list(doc[c.start : c.end])
    code = None
    rest = toks
    for size in (3, 2, 1):
        if len(toks) > size:
            hit = gaz.any_country(doc[c.start : c.start + size].text)
            if hit and hit[1] != "capital":
                code, rest = hit[0], toks[size:]
                if rest and rest[0].tag_ == "POS":
                    rest = rest[1:]
                break
    if code is None and c.start >= 2 and doc[c.start - 1].tag_ == "POS":
        hit = gaz.any_country(doc[c.start - 2].text)
        if hit and hit[1] != "capital":
            code = hit[0]
    words = " ".join(t.lower_ for t in rest)
    if code is None or words not in _INSTITUTION_WORDS:
        return None
    return f"org:{code.lower()}_{slug(words)}", f"{gaz.countries[code].name} {words.title()}"


_INSTITUTION_WORDS = frozenset(
    [
        "parliament",
        "government",
        "army",
        "military",
        "navy",
        "cabinet",
        "senate",
        "congress",
        "police",
        "embassy",
        "foreign ministry",
        "defence ministry",
        "defense ministry",
        "interior ministry",
        "supreme court",
        "central bank",
        "air force",
        "coast guard",
        "armed forces",
        "security forces",
        "presidency",
        "national assembly",
    ]
)


def _is_locative(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOC_PREPS


def _vote_types(doc: Doc, cands: list[_Cand]) -> None:
    """One type per name in the article: "Idlib" is a place whether spaCy said ORG or GPE."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    fixed = {c.key.partition(":")[2] for c in cands if c.fixed or c.typed}
    cands = [c for c in cands if c.key.partition(":")[2] not in fixed]
    for c in cands:
        kind, _, rest = c.key.partition(":")
        if kind in ("org", "place"):
            votes[rest][_type_cue(doc, c) or kind] += 1
    for c in cands:
        kind, _, rest = c.key.partition(":")
        if kind in ("org", "place") and rest in votes:
            v = votes[rest]
            best = "place" if v["place"] > v["org"] else "org"
            c.key = f"{best}:{rest}"


def _type_cue(doc: Doc, c: _Cand) -> str | None:
    words = {t.lower_ for t in doc[c.start : c.end]}
    if words & _ORG_WORDS:
        return "org"
    if words & _PLACE_WORDS:
        return "place"
    if c.end < len(doc) and doc[c.end].lower_ in _PLACE_WORDS:
        return "place"
    if _is_locative(doc[c.start : c.end]):
        return "place"
    return None


def _add_surname_mentions(doc: Doc, cands: list[_Cand], persons: _Persons) -> None:
    """Surnames of people in the article that spaCy did not label at all."""
    if not persons.by_surname:
        return
    covered = {i for c in cands for i in range(c.start, c.end)}
    for tok in doc:
        if tok.i in covered or not _maybe_name(tok):
            continue
        if fold(tok.text) in persons.by_surname:
            key, name = _person_key([tok.text], persons, tok.i, doc)
            cands.append(_Cand(tok.i, tok.i + 1, "PERSON", key, name))
    cands.sort(key=lambda c: c.start)


def _maybe_name(tok: Token) -> bool:
    # the tagger calls an unknown surname after a quote a noun: '"...," Ilves told reporters'
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title and not tok.is_sent_start)


# --- roles -------------------------------------------------------------------------------------


def _title_at(doc: Doc, i: int, gaz: Gazetteer) -> tuple[int, str, str] | None:
    """(end, title, kind) for a title starting at token i ("prime minister" is two tokens)."""
    for size in (3, 2, 1):
        if i + size > len(doc):
            continue
        words = " ".join(t.lower_ for t in doc[i : i + size])
        kind = gaz.title_kind(words)
        if kind:
            return i + size, words, kind
    return None


def _country_before(doc: Doc, i: int, gaz: Gazetteer) -> tuple[str, int] | None:
    """The country named just before token i ("Turkish", "US", "Egypt 's"), and where it starts."""
    j = i
    if j > 0 and doc[j - 1].tag_ == "POS":
        j -= 1
    for size in (3, 2, 1):
        if j - size < 0:
            continue
        first = doc[j - size]
        if first.is_space or first.lower_ == "the" or not (first.is_title or first.is_upper):
            continue
        hit = gaz.any_country(doc[j - size : j].text)
        if hit and hit[1] != "capital":
            return hit[0], j - size
    return None


def _add_roles(doc: Doc, cands: list[_Cand], gaz: Gazetteer) -> None:
    by_start = {c.start: c for c in cands}
    person_ending = {c.end: c for c in cands if c.key.startswith("person:")}
    bindings: dict[tuple[str, str], str] = {}
    unbound: list[tuple[int, int, str, str, str]] = []  # start, end, code, title, kind
    for tok in doc:
        if not tok.is_alpha or tok.lower_ not in gaz.first_title_words:
            continue
        found = _title_at(doc, tok.i, gaz)
        before = _country_before(doc, tok.i, gaz) if found else None
        if not found or before is None:
            continue
        end, title, kind = found
        code, cstart = before
        named = _holder(doc, end, cstart, by_start, person_ending)
        if named is not None and _looks_like_a_person(doc, named):
            words = _name_tokens(doc[named.start : named.end], gaz)
            named.key, named.name, named.label = (
                "person:" + slug(" ".join(words)),
                " ".join(words),
                "PERSON",
            )
        if named is not None and named.key.startswith("person:"):
            bindings[(code, title)] = named.key
            if kind == "leader":
                bindings.setdefault((code, "leader"), named.key)
            continue
        start = cstart - 1 if cstart > 0 and doc[cstart - 1].lower_ in _POSSESSIVES else cstart
        unbound.append((start, end, code, title, kind))
    for start, end, code, title, kind in unbound:
        key = bindings.get((code, title))
        if key is None and kind == "leader":
            key = bindings.get((code, "leader"))
        if key is None:
            key = f"role:{code}:{slug(title)}"
        cands.append(_Cand(start, end, "ROLE", key, ""))
    cands.sort(key=lambda c: (c.start, -c.end))


def _holder(
    doc: Doc, end: int, cstart: int, by_start: dict[int, _Cand], person_ending: dict[int, _Cand]
) -> _Cand | None:
    """The name a title of a country names: after it ("President Erdogan", "the Turkish
    president, Erdogan"), or before it ("Erdogan, the Turkish president,")."""
    k = end
    while k < min(end + 3, len(doc)) and (doc[k].is_space or doc[k].text == ","):
        k += 1
    named = by_start.get(k)
    if named is not None or cstart < 2:
        return named
    if doc[cstart - 1].lower_ == "the" and doc[cstart - 2].text == ",":
        return person_ending.get(cstart - 2)  # "Erdogan, the Turkish president,"
    return None


def _looks_like_a_person(doc: Doc, named: _Cand) -> bool:
    """A title's name that spaCy took for an organisation or a place: two to four title-case
    words ("President Recep Tayyip Erdogan" read as an ORG)."""
    return (
        not named.key.startswith("person:")
        and not named.fixed
        and named.label in ("ORG", "GPE")
        and 2 <= named.end - named.start <= 4
        and all(t.is_title for t in doc[named.start : named.end])
    )


#: words that head a title besides a title's first word, for callers (claims)
_EXTRA_TITLE_WORDS = frozenset({"minister", "secretary", "counterpart"})


@cache
def title_words() -> frozenset[str]:
    """Words that head a title ("president", "minister", "counterpart"); read lazily."""
    from newsprism.extract.gazetteer import load

    return load().first_title_words | _EXTRA_TITLE_WORDS


# --- assembly ----------------------------------------------------------------------------------


def _assemble(doc: Doc, cands: list[_Cand], gaz: Gazetteer) -> EntityResult:
    mentions: list[Mention] = []
    names: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, list[int]] = defaultdict(list)
    token_keys: dict[int, str] = {}
    for c in cands:
        if not c.key:
            continue
        span = doc[c.start : c.end]
        idx = len(mentions)
        mentions.append(Mention(span.text, span.start_char, span.end_char, c.label, c.key))
        members[c.key].append(idx)
        if c.name:
            names[c.key][c.name] += 1
        for i in range(c.start, c.end):
            if c.label == "ROLE" or i not in token_keys:
                token_keys[i] = c.key
    entities = []
    for key, idxs in members.items():
        kind = key.split(":", 1)[0]
        name = _best_name(key, names[key], gaz) or mentions[idxs[0]].text
        aliases = tuple(dict.fromkeys(mentions[i].text for i in idxs))
        entities.append(Entity(key, name, kind, tuple(idxs), aliases))
    return EntityResult(mentions, entities, token_keys)


def _best_name(key: str, counts: Counter[str], gaz: Gazetteer) -> str:
    kind, _, rest = key.partition(":")
    if kind == "country" and rest in gaz.countries:
        return gaz.countries[rest].name
    if kind == "role":
        code, _, title = rest.partition(":")
        country = gaz.countries.get(code)
        return f"{title.replace('_', ' ')} of {country.name if country else code}"
    if not counts:
        return ""
    # the longest form (the full name), ties broken by frequency
    return max(counts, key=lambda n: (len(n.split()), counts[n]))


def entity_at(tokens: list[Token], token_keys: dict[int, str]) -> list[str]:
    """Distinct entity keys of the given tokens, in order."""
    return list(dict.fromkeys(token_keys[t.i] for t in tokens if t.i in token_keys))
