"""Short, evidence-based explanations, one per dimension, from the pair's evidence."""

from __future__ import annotations

from newsprism.similarity.features import PairEvidence
from newsprism.similarity.profile import Profile

__all__ = ["explain"]

_SHOW = 5


def _names(items: tuple[str, ...]) -> str:
    shown = ", ".join(items[:_SHOW])
    more = len(items) - _SHOW
    return f"{shown} (+{more} more)" if more > 0 else shown


def _lists(
    label: str, shared: tuple[str, ...], only_a: tuple[str, ...], only_b: tuple[str, ...]
) -> str:
    parts = [f"{label} both name: {_names(shared)}" if shared else f"no {label.lower()} in common"]
    if only_a:
        parts.append(f"only A: {_names(only_a)}")
    if only_b:
        parts.append(f"only B: {_names(only_b)}")
    return "; ".join(parts) + "."


def _geography(a: Profile, b: Profile, ev: PairEvidence, route: str) -> str:
    if a.extracted and b.extracted:
        if not (ev.shared_places or ev.only_a_places or ev.only_b_places):
            return "Neither article names a country or place the extractor recognises."
        return _lists("Places", ev.shared_places, ev.only_a_places, ev.only_b_places)
    shared = _names(ev.shared_names) if ev.shared_names else "none"
    return (
        f"Place extraction is English-only ({a.language}/{b.language}); "
        f"proper names both use (places among them): {shared}."
    )


def _entities(a: Profile, b: Profile, ev: PairEvidence) -> str:
    label = "Actors" if a.extracted and b.extracted else "Proper names"
    f = ev.features
    return (
        _lists(label, ev.shared_names, ev.only_a_names, ev.only_b_names)
        + f" Numbers in common: {f['numbers_jaccard']:.0%} (Jaccard)."
    )


def _time(a: Profile, b: Profile, ev: PairEvidence) -> str:
    if ev.days_apart is not None:
        when = f"Published {ev.days_apart} day(s) apart ({a.published} vs {b.published})."
    else:
        when = "Publication dates unknown for at least one article."
    if ev.shared_years:
        years = f" Years both mention: {', '.join(ev.shared_years)}."
    elif a.years or b.years:
        ya = ", ".join(sorted(a.years)) or "none"
        yb = ", ".join(sorted(b.years)) or "none"
        years = f" Years mentioned differ (A: {ya}; B: {yb})."
    else:
        years = " Neither mentions a year."
    if a.extracted and b.extracted:
        years += f" Resolved dates in common: {ev.features['date_jaccard']:.0%}."
    return when + years


def _narrative(a: Profile, b: Profile, ev: PairEvidence, route: str) -> str:
    f = ev.features
    how = "share most content words with" if ev.lexical_alignment else "have a close counterpart in"
    text = (
        f"{ev.aligned_a} of {len(a.sentences)} sentences of A and {ev.aligned_b} of "
        f"{len(b.sentences)} of B {how} a sentence of the other; mean best-match "
        f"similarity {f['align']:.2f}."
    )
    if a.extracted and b.extracted:
        text += f" Claims extracted: A {a.claims}, B {b.claims}."
    return text


def _overall(ev: PairEvidence, route: str) -> str:
    f = ev.features
    if route == "multi":  # e5 read the title and the lead; the lead stands for the document
        leads, titles = f["cos_lead"], f["cos_title"]
        text = f"Leads similarity {leads:.2f}, titles {titles:.2f} (multilingual e5)"
    else:
        text = f"Document similarity {f['cos_doc']:.2f} (MiniLM)"
    text += (
        f"; content words overlap {f['words_cosine']:.2f}; {len(ev.shared_names)} shared "
        f"names; {f['align_frac']:.0%} of sentences align"
    )
    if route == "en":
        text += f"; leads (multilingual e5) {f['cos_lead']:.2f}"
    return text + "."


def _style(a: Profile, b: Profile, ev: PairEvidence) -> str:
    sa, sb = a.style, b.style
    if a.article.url and b.article.url:
        outlet = "same outlet" if ev.features["same_host"] else f"outlets {a.host} vs {b.host}"
    else:
        outlet = "outlets unknown"
    lang = f"both {a.language}" if a.language == b.language else f"{a.language} vs {b.language}"
    person = ""
    if a.language == b.language == "en":
        person = f"I/we/you per 100 words {100 * sa['person']:.1f} vs {100 * sb['person']:.1f}; "
    return (
        f"Length {sa['words']:.0f} vs {sb['words']:.0f} words; {person}"
        f"{sa['sentence_length']:.0f} vs {sb['sentence_length']:.0f} words per sentence; "
        f"quote marks per sentence {sa['quotes']:.1f} vs {sb['quotes']:.1f}; {outlet}; {lang}."
    )


def _tone(a: Profile, b: Profile, ev: PairEvidence) -> str:
    sa, sb = a.style, b.style
    voice = ""
    if a.language == b.language == "en":
        voice = (
            f"hedging words per 100 {100 * sa['hedges']:.1f} vs {100 * sb['hedges']:.1f}; "
            f"judging words per 100 {100 * sa['opinion']:.1f} vs {100 * sb['opinion']:.1f}; "
        )
    return (
        f"Exclamations/questions per sentence {sa['exclaims']:.2f} vs {sb['exclaims']:.2f}; "
        f"quotation {sa['quotes']:.1f} vs {sb['quotes']:.1f} per sentence; {voice}tone is "
        f"otherwise judged from how alike the content is (learned from rated pairs)."
    )


def explain(a: Profile, b: Profile, ev: PairEvidence, *, route: str) -> dict[str, str]:
    """One sentence or two per dimension, quoting the evidence behind the score."""
    return {
        "geography": _geography(a, b, ev, route),
        "entities": _entities(a, b, ev),
        "time": _time(a, b, ev),
        "narrative": _narrative(a, b, ev, route),
        "overall": _overall(ev, route),
        "style": _style(a, b, ev),
        "tone": _tone(a, b, ev),
    }
