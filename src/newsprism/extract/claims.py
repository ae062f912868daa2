"""Claims: each sentence split at its predicates, with who did what to whom, when, where, how much.

A predicate is the sentence root or a verb joined to another clause (coordinated "and"/"but" verbs,
relative clauses, adverbial clauses, the clause a reporting verb governs). A reporting verb that
governs a clause makes no claim of its own: it attributes that clause. Each claim keeps the tokens
of its own predicate (not those of nested predicates), and its span runs from the first to the last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.entities import title_words
from newsprism.extract.quotes import Attribution, Speech, _trailing_attribution
from newsprism.extract.types import Claim, Quantity, Quote, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_CLAUSE_DEPS = frozenset({"ROOT", "conj", "relcl", "advcl", "ccomp", "parataxis"})
_SUBJ = frozenset({"nsubj", "csubj", "expl"})
_PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_OBJ = frozenset({"dobj", "dative", "attr", "oprd", "iobj"})
#: prepositions whose place places the act ("right beneath the village of Hoddan", "off
#: Alexandria")
_PLACE_PREPS = frozenset(
    {"in", "at", "on", "near", "inside", "outside", "across", "into", "from", "beneath", "below",
     "off", "behind", "beside", "around", "within", "throughout", "along"}
)  # fmt: skip
_PLACE_KEYS = ("place:", "country:")
#: verbs of taking or going, whose "to" phrase places the act: where it ended
_TAKEN_TO = frozenset(
    {"take", "drive", "rush", "bring", "carry", "fly", "airlift", "transfer", "move", "ferry",
     "evacuate", "escort", "transport", "lift", "return", "send", "admit", "go", "head",
     "travel", "march"}
)  # fmt: skip
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})


def _is_predicate(tok: Token) -> bool:
    if tok.dep_ not in _CLAUSE_DEPS:
        return False
    if tok.pos_ == "VERB":
        return True
    # "is" as a main verb ("The province is the last rebel-held area")
    return tok.pos_ == "AUX" and tok.dep_ in ("ROOT", "conj", "relcl", "ccomp")


@dataclass(frozen=True)
class _Found:
    """The document and what the other extractors found in it, which its claims point into."""

    doc: Doc
    speech: Speech
    token_keys: dict[int, str]
    times: list[TimeExpr]
    quantities: list[Quantity]
    quotes: list[Quote]


def find_claims(
    doc: Doc,
    speech: Speech,
    token_keys: dict[int, str],
    times: list[TimeExpr],
    quantities: list[Quantity],
    quotes: list[Quote],
) -> list[Claim]:
    found = _Found(doc, speech, token_keys, times, quantities, quotes)
    out: list[Claim] = []
    for si, sent in enumerate(doc.sents):
        preds = [t for t in sent if _is_predicate(t) or _timed_participle(t, times)]
        pred_set = {t.i for t in preds}
        for p in preds:
            att = speech.attributions.get(p.i)
            if (
                att is not None
                and _governs_clause(p, pred_set)
                and not _denied_telling(p)
                and not _dated_announcement(p, times)
            ):
                continue  # "X said that ...": the clause is the claim, X its attribution
            claim = _claim(found, sent, si, p, pred_set)
            if claim is not None:
                out.append(claim)
    return out


def _denied_telling(p: Token) -> bool:
    """ "Nobody warned the fishermen that ...", "never told the agency that ...": telling someone
    denied is a claim of its own (that they were not told), not an attribution of the clause."""
    told = any(c.dep_ in ("dobj", "dative") for c in p.children)
    return told and _negated(p)


#: verbs of telling whose act is news of its own: the day a warning or a disclosure was made
ANNOUNCING = frozenset({"announce", "warn", "disclose", "reveal", "admit", "confirm"})


def _dated_announcement(p: Token, times: list[TimeExpr]) -> bool:
    """ "The bank warned on March 7 that ...": an announcement with its own day is a claim of
    its own (made that day), as well as the frame of what it announced."""
    if p.lemma_ not in ANNOUNCING:
        return False
    spans = [(c.idx, c.right_edge.idx + len(c.right_edge)) for c in p.children
             if c.dep_ in ("prep", "npadvmod", "tmod")]  # fmt: skip
    return any(a <= t.start and t.end <= b for a, b in spans for t in times)


def _timed_participle(tok: Token, times: list[TimeExpr]) -> bool:
    """A past participle that modifies a noun and carries its own time ("the evacuation
    order, issued on Sunday afternoon, moved 86,000 people"): the time is the issuing's, not
    the moving's, so the participle is a claim of its own about the thing it modifies."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.left_edge.i - tok.head.i > 2:
        return False  # right after its noun (and a comma): not "jolted the island ..., followed by"
    if tok.head.lower_ in ("percent", "cent") or any(c.dep_ == "nummod" for c in tok.head.children):
        return False  # "60 percent contained on Wednesday": a reading, not a thing done
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return any(lo <= t.start and t.end <= hi for t in times)


def _governs_clause(verb: Token, preds: set[int]) -> bool:
    return (
        any(c.i in preds and c.dep_ in ("ccomp", "parataxis") for c in verb.children)
        or (_trailing_attribution(verb) and verb.head.i in preds)
        or verb.lower_ == "according"
    )


def _own_tokens(p: Token, preds: set[int]) -> list[Token]:
    """The predicate's subtree without nested predicates' subtrees."""
    out: list[Token] = []
    stack = [p]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.i in preds and c.i != p.i:
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _keys(tokens: list[Token], token_keys: dict[int, str]) -> list[str]:
    # "Kenyan President Amos Waweru": "Kenyan" qualifies the title; the actor is the person
    return list(
        dict.fromkeys(
            token_keys[t.i]
            for t in tokens
            if t.i in token_keys and not _title_modifier(t, token_keys)
        )
    )


def _title_modifier(t: Token, token_keys: dict[int, str]) -> bool:
    if t.dep_ not in ("amod", "compound", "nmod", "poss") or t.head.lower_ not in title_words():
        return False
    head_key = token_keys.get(t.head.i) or token_keys.get(t.head.head.i)
    return bool(
        head_key and head_key.startswith(("person:", "role:")) and head_key != token_keys[t.i]
    )


def _subject(p: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) -- inherited from the first conjunct when a verb has none."""
    if p.dep_ == "acl":
        return p.head, True  # "the order, issued on Sunday": the order was issued
    if not any(c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ for c in p.children):
        stranded = _stranded_subject(p)
        if stranded is not None:
            return stranded, False
    t = p
    for _ in range(4):
        for c in t.children:
            if c.dep_ in _SUBJ:
                return c, False
            if c.dep_ in _PASS_SUBJ:
                return c, True
        if t.dep_ == "conj":
            t = t.head
            continue
        if t.dep_ in ("xcomp", "advcl") and t.head.pos_ in ("VERB", "AUX"):
            t = t.head
            continue
        break
    return None, False


def _stranded_subject(p: Token) -> Token | None:
    """Names right before a verb that has no subject, which the parser joined to an earlier
    object instead ("Carter scored 14 points and Seth Vane and Lu Fern scored 13": the small
    model reads "points and Seth Vane and Lu Fern"). They are the verb's subject: the head of
    their chain of conjuncts, whose subtree ends right before the verb."""
    if p.i == 0 or p.i == p.sent.start:
        return None
    top = p.doc[p.i - 1]
    if top.pos_ != "PROPN":
        return None
    while top.dep_ == "conj" and top.head.pos_ == "PROPN" and top.head.i < top.i:
        top = top.head
    if top.dep_ != "conj" or top.head.pos_ not in ("NOUN", "NUM") or top.head.i > top.i:
        return None
    return top if top.right_edge.i == p.i - 1 else None


#: nouns for a person's kin or household: "Roake's husband" is not Roake
_KIN = frozenset(
    ["family", "families", "husband", "wife", "widow", "widower", "son", "sons", "daughter",
     "daughters", "mother", "father", "parents", "children", "relatives", "brother", "sister",
     "brothers", "sisters", "partner", "fiancee", "fiancée", "grandson", "granddaughter"]
)  # fmt: skip


def _resolve_subject(subj: Token, speech: Speech, token_keys: dict[int, str]) -> list[str]:
    if subj.lower_ in _RELATIVE and subj.head.dep_ == "relcl":
        antecedent = subj.head.head  # "Trump, who is nearing ..." -> Trump
        if (
            antecedent.dep_ == "pobj"
            and antecedent.head.lower_ in _PLACE_PREPS
            and antecedent.head.head.pos_ in ("NOUN", "PROPN")
            and token_keys.get(antecedent.i, "").startswith(_PLACE_KEYS)
        ):
            # "Indiana State in Malmo, which defeated ...": the place only sets the noun before
            # it; that noun is what the clause is about
            antecedent = antecedent.head.head
        return _keys(
            list(antecedent.subtree)[: antecedent.i - antecedent.left_edge.i + 1], token_keys
        ) or _keys([antecedent], token_keys)
    # not a name in a participle's clause about the subject ("The museum, founded in 1847 in
    # Morrel's Old Town, drew ..."): another act's participant
    described = {t.i for c in subj.children if c.dep_ == "acl" for t in c.subtree}
    # nor one whose kin are meant ("the Kettleby family and Ms Roake's husband were waiting")
    described |= {
        t.i for x in subj.subtree
        if x.dep_ in ("poss", "compound") and x.head.lower_ in _KIN and x.head.pos_ == "NOUN"
        for t in x.subtree
    }  # fmt: skip
    keys = _keys([t for t in subj.subtree if t.i not in described], token_keys)
    if keys:
        return keys
    if subj.lower_ in ("he", "she", "him", "her"):
        ante = speech._antecedent(subj)
        return [ante] if ante else []
    return []


def _clauses(noun: Token) -> set[int]:
    """The tokens of the clauses inside a noun phrase ("The car, a grey estate stolen in
    Vessing"): they tell other acts, with their own doers and places."""
    return {
        t.i for c in noun.subtree if c.i != noun.i and c.dep_ in ("acl", "relcl") for t in c.subtree
    }


def _claim(found: _Found, sent: Span, si: int, p: Token, preds: set[int]) -> Claim | None:
    own = _own_tokens(p, preds)
    if p.dep_ == "acl":
        # "The NCPA's evacuation order, issued on Sunday": the thing is part of the claim
        own = sorted({t.i: t for t in [*_noun_phrase(p.head), *own]}.values(), key=lambda t: t.i)
    words = [t for t in own if not t.is_punct]
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    subj, passive = _subject(p)
    actors, targets, places = _roles(p, subj, passive, own, preds, found)
    head, negated = _head(p)
    modal = next((c.lemma_ for c in p.children if c.tag_ == "MD"), "")
    particle = next((c.lower_ for c in p.children if c.dep_ == "prt"), "")
    action = _lemma(head) + (" " + particle if particle and head is p else "")
    own_chars = [(t.idx, t.idx + len(t.text)) for t in own]
    return Claim(
        sentence=si,
        start=start,
        end=end,
        text=found.speech.text[start:end],
        actors=tuple(dict.fromkeys(actors)),
        targets=tuple(k for k in dict.fromkeys(targets) if k not in actors),
        action=action,
        negated=negated,
        modality=modal,
        time=_own_times(found, sent, own_chars, head) or _when_time(found, sent, p, preds),
        place=tuple(dict.fromkeys(places)),
        quantities=_inside(found.quantities, sent, own_chars),
        attributed_to=_attributed(p, sent, found.speech, found.quotes),
        subject_text=_subject_text(found.speech.text, p, subj, actors, passive),
        predicate=(head.idx, head.idx + len(head.text)),
        patient=_patient(found.speech.text, p if passive else head, subj, passive),
    )


def _own_times(
    found: _Found, sent: Span, own_chars: list[tuple[int, int]], verb: Token
) -> tuple[int, ...]:
    """The times the claim's words cover, less a day before an offset that comes before the
    verb: "on September 19, 2031 - just 17 days before the firm stopped paying" is the day of
    the act the offset counts from, not of the stopping."""
    inside = _inside(found.times, sent, own_chars)
    text = found.speech.text
    # an offset that leads into the verb's clause ("17 days before the firm stopped"), not
    # one set off beside the day ("On Thursday 3 March, twelve days before the collapse, the
    # council closed the lane": both name the closing's day)
    offsets = [
        o
        for o in (found.times[i] for i in inside)
        if _OFFSET.search(o.text) is not None
        and o.end <= verb.idx
        and "," not in text[o.end : verb.idx]
    ]
    return tuple(i for i in inside if not any(found.times[i].end <= o.start for o in offsets))


#: a time that counts from another act ("17 days before", "a week after")
_OFFSET = re.compile(r"\b(?:before|after|earlier|later)\s*$", re.IGNORECASE)


def _when_time(found: _Found, sent: Span, p: Token, preds: set[int]) -> tuple[int, ...]:
    """The time of the clause a "when" clause hangs on, which is its time too ("It ended on
    Monday, when the court threw out his appeal": the appeal was thrown out on Monday)."""
    if p.dep_ not in ("advcl", "relcl") or not any(
        c.lower_ == "when" and c.dep_ == "advmod" and c.i < p.i for c in p.children
    ):
        return ()
    head = [(t.idx, t.idx + len(t.text)) for t in _own_tokens(p.head, preds)]
    return _inside(found.times, sent, head)


def _roles(
    p: Token, subj: Token | None, passive: bool, own: list[Token], preds: set[int], found: _Found
) -> tuple[list[str], list[str], list[str]]:
    """Who acts, on whom, where: the keys of the predicate's actors, targets and places."""
    keys = found.token_keys
    subj_toks = (
        set(t.i for t in subj.subtree)
        if subj is not None and subj.i in {t.i for t in own}
        else set()
    )
    if subj is not None and p.dep_ == "acl":
        actors = _keys(_noun_phrase(subj), keys)
    else:
        actors = _resolve_subject(subj, found.speech, keys) if subj is not None else []
    agent = [c for c in p.children if c.dep_ == "agent"]
    targets: list[str] = []
    places: list[str] = []
    if subj is not None and subj_toks:
        # "Medics in Tampere carry ...": the place of the subject places the claim
        # (not a place in a clause inside it: "The car, a grey estate stolen in Vessing, was
        # found near Peldry" -- the theft's place, though still no doer)
        located = _places_in(subj, set(), keys)
        places += _places_in(subj, _clauses(subj), keys)
        actors = [k for k in actors if k not in located]
    for c in p.children:
        if c.i in preds or c.i in subj_toks:
            continue
        if c.dep_ in _OBJ or c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep":
            at, others = _complement(c, preds, keys)
            if c.lower_ == "to" and p.lemma_ in _TAKEN_TO:
                # "driven by ambulance to Perrin General Hospital": where the act ended; a
                # country after "to" is more often who was written or sold to
                at += [k for k in others if k.startswith("place:")]
                others = [k for k in others if k not in at]
            places += at
            targets += others
        elif c.dep_ != "agent":
            # "thinner than the MacBook in Lyon" (acomp), "there on Monday in Graz" (advmod)
            places += _places_in(c, preds, keys)
    clause = _first_conjunct(p)
    if clause.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children
    ):
        # "Perrin General Hospital, where they were being treated": the place the clause is of
        # (and of every verb of the clause: "where officials arrived ... and took every
        # picture off the walls")
        places += [k for k in _keys(_where_of(clause), keys) if k.startswith("place:")]
    # "driven by ambulance to Perrin General Hospital", parsed with "to" on the ambulance:
    # where the act ended, and no doer
    towards = {t.i for a in agent for t in _to_after_means(a)} if p.lemma_ in _TAKEN_TO else set()
    places += [k for k in _keys([t for t in own if t.i in towards], keys) if k.startswith("place:")]
    if passive:
        targets = actors + targets
        doers = [[t for t in _without_asides(a) if t.i not in towards] for a in agent]
        actors = [k for d in doers for k in _keys(d, keys)]
    return actors, targets, places


def _where_of(clause: Token) -> list[Token]:
    """The words of the place a "where" clause is of: the noun before it and the nouns its
    "in" or "on" phrase hangs from ("the family's apartment on Vessel Street in Lorvenne,
    where ..."), not the clause itself."""
    noun = clause.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in _NOUNS:
        noun = noun.head.head
    return [t for t in noun.subtree if t.i < clause.i and not t.is_punct] or [clause.head]


_NOUNS = frozenset({"NOUN", "PROPN"})


def _first_conjunct(p: Token) -> Token:
    """The first of the verbs joined with ``p`` by "and" ("arrived ... and took": arrived)."""
    while p.dep_ == "conj" and p.head.i != p.i:
        p = p.head
    return p


def _to_after_means(agent: Token) -> list[Token]:
    """The tokens of a "to" phrase the parse hung on the means of a passive motion verb ("by
    ambulance to Perrin General Hospital")."""
    return [
        t for n in agent.children for c in n.children
        if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree
    ]  # fmt: skip


def _without_asides(agent: Token) -> list[Token]:
    """The agent phrase ("by Eulalie Wyncote, the Green Federation member who chairs the
    committee on the Flood Resilience Fund") without what describes its nouns: the bodies an
    apposition or a clause names are not the doers."""
    aside = {
        t.i
        for n in agent.subtree
        for c in n.children
        if c.dep_ in ("appos", "relcl", "acl")
        for t in c.subtree
    }
    return [t for t in agent.subtree if t.i not in aside]


def _complement(c: Token, preds: set[int], keys: dict[int, str]) -> tuple[list[str], list[str]]:
    """The places and the other keys in an object, complement or prepositional phrase."""
    sub = [t for t in c.subtree if c.dep_ != "prep" or t.i not in preds]
    ks = _keys(sub, keys)
    if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
        at = [k for k in ks if k.startswith(_PLACE_KEYS)]
    else:
        # "a clinic in Tampere", "to the camp in Oslo": a place inside still places it
        at = _places_in(c, preds, keys)
    return at, [k for k in ks if k not in at]


def _places_in(top: Token, preds: set[int], keys: dict[int, str]) -> list[str]:
    """The place keys in a locative phrase ("in Oslo") below ``top`` (not in other predicates)."""
    located = [t for t in top.subtree if t.i not in preds and _located(t, top)]
    return [k for k in _keys(located, keys) if k.startswith(_PLACE_KEYS)]


def _head(p: Token) -> tuple[Token, bool]:
    """The verb that says what happened, and whether it is negated: "failed to deliver" states
    that the delivery did not happen."""
    negated = _negated(p)
    done = next((c for c in p.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if p.lemma_ in _FAIL_VERBS and done is not None:
        return done, not (negated or _negated(done))
    if p.lemma_ in _OBLIGED_VERBS and done is not None and _infinitive(done):
        # "will have to apply for it" / "will not need to apply": the act obliged, or not
        return done, negated or _negated(done)
    if negated and p.lemma_ in _CHANCE_VERBS:
        # "never even got the chance to put his case": he did not put it (a chance had is no
        # act done, so only the denied one is read through)
        act = _chance_taken(p)
        if act is not None:
            return act, True
    if p.lemma_ == "be":
        # "Ashby is due to be arraigned on Friday", "All six are to be arraigned on May 28":
        # what is due is the act, not the "be"
        due = [c for c in p.children if c.dep_ == "acomp" and c.lower_ in _DUE_WORDS]
        later = next((c for t in [p, *due] for c in t.children
                      if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)  # fmt: skip
        if later is not None:
            return later, negated or _negated(later)
    return p, negated


def _chance_taken(p: Token) -> Token | None:
    """The act a chance ``p`` had was for: "got the chance to put his case" -> put."""
    chance = next((c for c in p.children if c.dep_ == "dobj" and c.lemma_ in _CHANCES), None)
    if chance is None:
        return None
    return next(
        (c for c in chance.children if c.dep_ == "acl" and c.pos_ == "VERB" and c.i > chance.i),
        None,
    )


def _subject_text(text: str, p: Token, subj: Token | None, actors: list[str], passive: bool) -> str:
    """The subject as written, also beside the actors the tagger found: a conjunct it missed
    ("Doctors Without Borders and Interpol") is still named there (not the patient of a
    passive). A relative pronoun is written as the noun it stands for, a participle's subject
    as the noun it modifies."""
    if subj is None or (actors and passive):
        return ""
    if p.dep_ == "acl":
        return _written(text, _noun_phrase(subj))  # "the order, issued on Sunday": the order
    if _relative(subj):
        return _written(text, _noun_phrase(_antecedent(subj)))
    st = [t for t in subj.subtree if not t.is_punct]
    return text[st[0].idx : st[-1].idx + len(st[-1].text)] if st else subj.text


def _patient(text: str, p: Token, subj: Token | None, passive: bool) -> str:
    """What the act was done to, as written up to its head noun ("its evacuation order"): the
    object of an active verb, the subject of a passive one (the noun a relative pronoun or a
    participle stands for)."""
    if passive:
        if subj is None:
            return ""
        return _written(text, _noun_phrase(_antecedent(subj) if _relative(subj) else subj))
    obj = next((c for c in p.children if c.dep_ == "dobj"), None)
    if obj is None:
        return ""
    return _written(text, _noun_phrase(_antecedent(obj) if _relative(obj) else obj))


def _relative(t: Token) -> bool:
    return t.lower_ in _RELATIVE and t.head.dep_ == "relcl"


def _antecedent(t: Token) -> Token:
    """The noun a relative pronoun stands for ("the report, which reached ..." -> report)."""
    return t.head.head if _relative(t) else t


def _noun_phrase(noun: Token) -> list[Token]:
    """A noun with the words before it ("The NCPA's evacuation order"), not what follows."""
    return [t for t in noun.doc[noun.left_edge.i : noun.i + 1] if not t.is_punct]


def _written(text: str, toks: list[Token]) -> str:
    return text[toks[0].idx : toks[-1].idx + len(toks[-1].text)] if toks else ""


def _inside(
    found: Sequence[TimeExpr | Quantity], sent: Span, own_chars: list[tuple[int, int]]
) -> tuple[int, ...]:
    """Indices of the times or quantities in the sentence that the claim's own tokens cover."""
    lo, hi = sent.start_char, sent.end_char
    return tuple(
        i
        for i, x in enumerate(found)
        if x.start < hi and lo < x.end and _covers(own_chars, x.start, x.end)
    )


def _located(t: Token, top: Token) -> bool:
    """Whether ``t`` sits in a locative phrase ("in Oslo") below ``top``."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in _PLACE_PREPS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _COMPASS:
            return True  # "sank three nautical miles north of Gorse Point"
        t = t.head
    return False


#: the points of the compass, whose "of" phrase places an act ("east of Kittlehaven")
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "north-east", "north-west", "south-east", "south-west"}
)  # fmt: skip


#: verbs whose infinitive complement did not happen ("failed to deliver", "refused to sign")
_FAIL_VERBS = frozenset({"fail", "refuse", "decline"})
#: verbs whose infinitive complement is an act obliged ("will have to apply", "need not
#: apply" is no such verb: its complement has no "to")
_OBLIGED_VERBS = frozenset({"have", "need"})


def _infinitive(t: Token) -> bool:
    """The verb has its "to" ("to apply"), not a causative's bare form ("had him arrested")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


#: "got the chance to", "was not given the opportunity to"
_CHANCE_VERBS = frozenset({"get", "have", "give"})
_CHANCES = frozenset({"chance", "opportunity"})
#: adjectives by which "be" only schedules the act after them ("is due to be arraigned")
_DUE_WORDS = frozenset({"due", "scheduled", "set", "slated", "poised"})
#: a lemmatiser's guess at an unknown verb keeps an "e" no English verb ends in ("deadlocke")
_NO_FINAL_E = ("cke", "she", "wne", "lde", "lte", "nde", "rne", "rme", "fte", "rke", "rde", "mpe",
               "nke", "nte", "lke", "pte", "cte", "wle", "rle")  # fmt: skip


def _lemma(t: Token) -> str:
    lemma = t.lemma_
    if t.lower_.endswith(("ed", "es")) and lemma.endswith(_NO_FINAL_E):
        return lemma[:-1]
    return lemma


def _negated(p: Token) -> bool:
    """A negation on the predicate itself ("did not approve"), in "no longer", or on what the
    predicate's subject or object counts: "held no licence", "not a single water cannon was
    deployed", "nobody was hurt" deny the act as "did not hold a licence" does."""
    for c in p.children:
        if c.dep_ == "neg" or (c.lower_ in _NEGATIONS and c.dep_ == "advmod"):
            return True
        if c.lower_ == "longer" and any(g.lower_ in ("no", "not") for g in c.children):
            return True
        if c.dep_ in _NONE_DEPS and _none_of(c) and not _promised_none(p, c):
            return True
    return _had_done(p) and _negated(p.head)


def _had_done(p: Token) -> bool:
    """A participle a "have" or "get" has done ("has NOT had the extra moved over", "never got
    his car fixed"): whatever denies the having denies the act."""
    return (
        p.tag_ == "VBN"
        and p.dep_ in ("ccomp", "dobj", "xcomp")
        and p.head.i != p.i
        and p.head.lemma_ in ("have", "get")
    )


#: verbs whose object counted as none is what they promise or foresee, not a denial of them:
#: "promised no branch closures" is a promise made
PROMISE_VERBS = frozenset({"promise", "pledge", "vow", "guarantee", "predict", "forecast",
                           "foresee", "expect"})  # fmt: skip


def _promised_none(p: Token, c: Token) -> bool:
    return c.dep_ == "dobj" and _lemma(p).lower() in PROMISE_VERBS


#: the words of a predicate whose "no" denies it
_NONE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
#: words that count none by themselves
_NONE_WORDS = frozenset({"nobody", "nothing", "none", "no-one"})
#: words after "nothing" or "none" that make it a measure, not a denial ("nothing less than")
_NOT_NONE = frozenset({"less", "more", "other", "short", "but"})
#: nouns after "no" that make an idiom, not a denial ("no doubt", "had no comment")
_NO_IDIOMS = frozenset({"doubt", "comment", "matter", "wonder", "exception", "longer"})


def _none_of(n: Token) -> bool:
    """A noun counted as none: "no licence", "not a single cannon", "nobody" (not "nothing
    less than the future of Europe", "none other than")."""
    if n.lower_ in _NONE_WORDS:
        return not any(c.lower_ in _NOT_NONE for c in n.children if c.i == n.i + 1)
    if n.lemma_.lower() in _NO_IDIOMS:
        return False
    single = any(a.lower_ in ("single", "one") for a in n.children)
    if any(a.lower_ == "one" and any(g.dep_ == "neg" for g in a.children) for a in n.children):
        return True  # "Not one water-bombing plane flew": the parser hangs the "not" on "one"
    return any(
        (d.dep_ == "det" and d.lower_ == "no") or (d.dep_ == "neg" and single) for d in n.children
    )


def _covers(own: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in own)


def _attributed(p: Token, sent: Span, speech: Speech, quotes: list[Quote]) -> tuple[str, ...]:
    # inside quoted words: the quote's attribution
    for q in quotes:
        if q.direct and q.start <= p.idx < q.end:
            return q.attributed_to
    # inside a clause a reporting verb governs, or a sentence with "according to"
    t = p
    while True:
        att = speech.attributions.get(t.head.i) if t.head.i != t.i else None
        if att is not None and t.dep_ in ("ccomp", "parataxis"):
            return att.keys
        if t.head.i == t.i:
            break
        t = t.head
    # the sentence is passed in: Token.sent walks the whole document each time it is asked
    for tok in sent:
        a: Attribution | None = speech.attributions.get(tok.i)
        if a is not None and (a.lemma == "according to" or _trailing(a, p)):
            return a.keys
    return ()


def _trailing(a: Attribution, p: Token) -> bool:
    """ "The leaders agreed ..., the statement added": the verb attributes its head clause."""
    return _trailing_attribution(a.verb) and a.verb.head.i == p.i
