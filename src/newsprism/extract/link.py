"""Canonical keys across articles: one report's "Trump" is another's "Donald Trump".

Within an article a surname already joins its full name. Across articles, ``canonical_map`` maps
    person:trump            -> person:donald_trump   (one full name across the set ends with it)
    org:idlib / place:idlib -> the type most mentions agree on (person:x / place:x too)
and ``link_across`` rewrites every key in the Extractions with that map.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsprism.extract.types import Entity, Extraction


def canonical_map(extractions: Iterable[Extraction]) -> dict[str, str]:
    """old key -> canonical key, for the keys that change."""
    mention_counts: Counter[str] = Counter()
    for ex in extractions:
        for m in ex.mentions:
            mention_counts[m.entity_key] += 1
    mapping = _unify_types(mention_counts)
    counts: Counter[str] = Counter()
    for k, n in mention_counts.items():
        counts[mapping.get(k, k)] += n
    for k, full in _surnames(counts).items():
        mapping[k] = full
    for k, full in _surnames_as_groups(counts).items():
        mapping[k] = full
    # chains: place:ilves -> person:ilves -> person:marta_ilves
    for k, v in list(mapping.items()):
        seen = {k}
        while v in mapping and v not in seen:
            seen.add(v)
            v = mapping[v]
        mapping[k] = v
    return {k: v for k, v in mapping.items() if k != v}


#: on a tie in mentions, the type a name more likely has when one report got it wrong
_TYPE_ORDER = ("person", "place", "org", "group", "other")


def _unify_types(mention_counts: Counter[str]) -> dict[str, str]:
    """One type per name across the set: "place:marta_ilves" in one report, "person:marta_ilves"
    in two -> the person, by mentions."""
    by_slug: dict[str, Counter[str]] = defaultdict(Counter)
    for k, n in mention_counts.items():
        kind, _, rest = k.partition(":")
        if kind in _TYPE_ORDER:
            by_slug[rest][kind] += n
    mapping: dict[str, str] = {}
    for rest, kinds in by_slug.items():
        if len(kinds) > 1:
            best = max(kinds, key=lambda kd: (kinds[kd], -_TYPE_ORDER.index(kd)))
            for kd in kinds:
                if kd != best:
                    mapping[f"{kd}:{rest}"] = f"{best}:{rest}"
    return mapping


def _surnames(mention_counts: Counter[str]) -> dict[str, str]:
    """person:trump -> person:donald_trump when one full name in the set ends with it."""
    mapping: dict[str, str] = {}
    persons = [k for k in mention_counts if k.startswith("person:")]
    words = {k: k.split(":", 1)[1].split("_") for k in persons}
    for k in persons:
        w = words[k]
        longer = [o for o in persons if len(words[o]) > len(w) and words[o][-len(w) :] == w]
        if len({tuple(words[o]) for o in longer}) == 1:
            mapping[k] = longer[0]
        elif longer:
            # several full names share this surname: the one mentioned most, if clearly ahead
            ranked = sorted(longer, key=lambda o: -mention_counts[o])
            if mention_counts[ranked[0]] > 2 * mention_counts[ranked[1]]:
                mapping[k] = ranked[0]
    return mapping


def link_across(extractions: Sequence[Extraction]) -> list[Extraction]:
    """The Extractions with every entity key replaced by its cross-article canonical key."""
    mapping = canonical_map(extractions)
    return [rekey(ex, mapping) for ex in extractions]


def rekey(ex: Extraction, mapping: dict[str, str]) -> Extraction:
    if not mapping:
        return ex

    def k(key: str) -> str:
        return mapping.get(key, key)

    def ks(keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k(x) for x in keys))

    mentions = tuple(replace(m, entity_key=k(m.entity_key)) for m in ex.mentions)
    merged: dict[str, Entity] = {}
    for e in ex.entities:
        new = k(e.key)
        if new in merged:
            old = merged[new]
            mentions_ix = tuple(sorted(old.mentions + e.mentions))
            aliases = tuple(dict.fromkeys(old.aliases + e.aliases))
            name = max((old.name, e.name), key=lambda n: len(n.split()))
            merged[new] = replace(old, name=name, mentions=mentions_ix, aliases=aliases)
        else:
            merged[new] = replace(e, key=new, type=new.split(":", 1)[0])
    quotes = tuple(
        replace(
            q,
            speaker_key=k(q.speaker_key) if q.speaker_key else None,
            source_key=k(q.source_key) if q.source_key else None,
        )
        for q in ex.quotes
    )
    claims = tuple(
        replace(
            c,
            actors=ks(c.actors),
            targets=ks(c.targets),
            place=ks(c.place),
            attributed_to=ks(c.attributed_to),
        )
        for c in ex.claims
    )
    return replace(
        ex, mentions=mentions, entities=tuple(merged.values()), quotes=quotes, claims=claims
    )


def _surnames_as_groups(mention_counts: Counter[str]) -> dict[str, str]:
    """group:tavish -> person:anselm_tavish: a one-word "group" that is the surname of the one
    full name the set gives it, which a loud report (capitals, no first name near) left the
    tagger reading as a people."""
    persons = [k.split(":", 1)[1].split("_") for k in mention_counts if k.startswith("person:")]
    mapping: dict[str, str] = {}
    for k in mention_counts:
        kind, _, rest = k.partition(":")
        if kind != "group" or "_" in rest:
            continue
        full = {tuple(w) for w in persons if len(w) > 1 and w[-1] == rest}
        if len(full) == 1:
            mapping[k] = "person:" + "_".join(next(iter(full)))
    return mapping
