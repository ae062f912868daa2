"""Reports the claim comparison cannot read: which they are, one notice saying so, and the
report without them (their claims, disagreements and additions would be noise, not findings).

The claim comparison reads English (spaCy's English model, English cue words); a report in
another language is still compared as a whole by the multilingual similarity scores, which
the notice gives instead. The language is the clean stage's guess (``clean.language``), the one
the article's metadata already carries when it went through ``clean``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from newsprism.clean.language import guess_language
from newsprism.compare.types import Addition, Contradiction, Fact, Notice, Source
from newsprism.models import Article

log = logging.getLogger(__name__)

#: The languages the claim comparison reads.
READS = ("en",)

_NAMES = {
    "ar": "Arabic", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ru": "Russian",
    "th": "Thai", "tr": "Turkish", "zh": "Chinese",
}  # fmt: skip


def language_of(article: Article) -> str | None:
    """The article's language (ISO 639-1): its metadata's when it has one, else the clean
    stage's guess; None when the text gives too little to go on."""
    given = article.meta("language")
    if given:
        code = given.strip().lower().replace("_", "-").split("-", 1)[0]
        if code:
            return code
    guess = guess_language(article.text)
    return guess[0] if guess else None


def language_name(code: str) -> str:
    return _NAMES.get(code, code)


def unread(sources: Sequence[Source]) -> tuple[str, ...]:
    """Ids of the sources in a language the claim comparison does not read."""
    return tuple(s.id for s in sources if s.language and s.language not in READS)


def pair_similarity(
    articles: Sequence[Article], sources: Sequence[Source]
) -> tuple[tuple[str, str, float], ...]:
    """The multilingual similarity (overall, 1 = very similar ... 4 = very dissimilar) of each
    pair of reports that holds an unread one; () when there is none or the model is missing."""
    skip = set(unread(sources))
    if not skip:
        return ()
    pairs = [
        (i, j)
        for i, j in combinations(range(len(sources)), 2)
        if sources[i].id in skip or sources[j].id in skip
    ]
    try:
        from newsprism.similarity import score_pairs

        results = score_pairs([(articles[i], articles[j]) for i, j in pairs], use_extract=False)
    except Exception as exc:  # a missing model must not cost the user the whole report
        log.warning("multilingual similarity unavailable: %s", exc)
        return ()
    return tuple(
        (sources[i].id, sources[j].id, float(r.overall))
        for (i, j), r in zip(pairs, results, strict=True)
    )


def _join(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def notice(
    sources: Sequence[Source], similarity: Sequence[tuple[str, str, float]] = ()
) -> Notice | None:
    """One notice for all the unread reports, or None when every report is read."""
    ids = unread(sources)
    if not ids:
        return None
    langs = {s.id: s.language or "" for s in sources if s.id in ids}
    by_lang: dict[str, list[str]] = {}
    for sid in ids:
        by_lang.setdefault(langs[sid], []).append(sid)
    parts = []
    for lang, sids in by_lang.items():
        verb = "is" if len(sids) == 1 else "are"
        parts.append(f"{_join(sids)} {verb} in {language_name(lang)}")
    them = "it" if len(ids) == 1 else "them"
    text = (
        f"{_join(parts)}; newsprism compares claims in English only, so agreements, disputes "
        f"and additions are not shown for {them} (that is no sign that the reports share "
        "nothing)."
    )
    if similarity:
        scores = ", ".join(f"{a}–{b} {v:.1f}" for a, b, v in similarity)
        text += (
            " The similarity scores (multilingual; overall, 1 = very similar ... 4 = very "
            f"dissimilar) are: {scores}."
        )
    else:
        text += " The multilingual similarity scores could not be computed here."
    return Notice(
        kind="language",
        text=text,
        sources=ids,
        languages=tuple(langs.items()),
        similarity=tuple(similarity),
    )


def set_aside(
    skip: Sequence[str],
    facts: Sequence[Fact],
    contradictions: Sequence[Contradiction],
    additions: Sequence[Addition],
) -> tuple[list[Fact], list[Contradiction], list[Addition]]:
    """The findings without the sources in ``skip``: their claims leave every fact, and every
    contradiction and addition they take part in goes."""
    if not skip:
        return list(facts), list(contradictions), list(additions)
    gone = set(skip)
    kept_c = [c for c in contradictions if not gone & set(c.sources)]
    kept_ids = {c.id for c in kept_c}
    out_f: list[Fact] = []
    for f in facts:
        claims = tuple(s for s in f.claims if s.source not in gone)
        if not claims:
            continue
        srcs = tuple(s for s in f.sources if s not in gone)
        contras = tuple(c for c in f.contradictions if c in kept_ids)
        details = tuple(d for d in f.details if d.source not in gone)
        if contras:
            label = "contradicts"
        elif len(srcs) == 1:
            label = "single"
        else:
            label = "elaborates" if details else "agree"
        out_f.append(
            replace(f, label=label, sources=srcs, claims=claims, details=details,
                    contradictions=contras)
        )  # fmt: skip
    out_a = [
        replace(a, omitted_by=tuple(s for s in a.omitted_by if s not in gone))
        for a in additions
        if a.source not in gone
    ]
    # what one read report says is an addition only against another read report
    return out_f, kept_c, [a for a in out_a if a.omitted_by]
