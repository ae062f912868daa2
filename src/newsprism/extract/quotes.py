"""Direct and indirect speech, with the speaker (or source document) it is attributed to.

Direct quotes are found by their marks (straight, curly, or ``...'' as in tokenised corpora). A
quote's speaker is its nearest attribution in the same sentence: a trailing one (", X said", ",
said X") before a leading one ("X said: ..."), then "according to X"; a quote without one that
follows another closely continues its attribution. "X said in a statement" and "the White House
statement said" give a source (the statement and the organisation behind it). Indirect speech is
the clause a reporting verb governs ("X said that ...") or a sentence with "according to X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.gazetteer import load
from newsprism.extract.types import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: nouns that name a person by office or role rather than by name ("The PM was more
#: statesmanlike"): a "he" after such a subject is that person, whom no name tells
_PERSON_NOUNS = frozenset(
    ["pm", "minister", "president", "premier", "chancellor", "mayor", "governor", "chief",
     "leader", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
     "director", "secretary", "commissioner", "judge", "prosecutor", "lawyer", "officer",
     "official", "captain", "coach", "manager", "executive", "founder", "owner", "king",
     "queen", "speaker", "senator", "ambassador", "man", "woman"]
)  # fmt: skip


def _root_subjects(sent: Span) -> list[Token]:
    """The subjects of a sentence's main verb."""
    return [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]


#: How many sentences back a "he" or "she" is followed through the same pronoun as subject
_PRONOUN_CHAIN = 3


def _unnamed_person_subject(sent: Span) -> bool:
    return any(
        c.lower_ in _PERSON_NOUNS and c.pos_ in ("NOUN", "PROPN") for c in _root_subjects(sent)
    )


#: verbs of manner that news writing puts for "said" ('fumed Piers Latimer'): people speak so,
#: organisations seldom do
SPEAKING_IN_PERSON = frozenset(
    [
        "fume", "snap", "scoff", "quip", "joke", "recall", "recount", "remark", "concede",
        "retort", "boast", "lament", "contend", "emphasise", "emphasize", "exclaim", "shout",
        "mutter", "whisper", "plead", "rage",
    ]
)  # fmt: skip
REPORTING = SPEAKING_IN_PERSON | frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "claim",
        "warn",
        "explain",
        "note",
        "insist",
        "write",
        "tweet",
        "declare",
        "argue",
        "deny",
        "confirm",
        "report",
        "reply",
        "respond",
        "ask",
        "acknowledge",
        "admit",
        "allege",
        "assert",
        "caution",
        "complain",
        "estimate",
        "predict",
        "promise",
        "reveal",
        "stress",
        "suggest",
        "urge",
        "vow",
        "point",
    ]
)


def speech_lemma(tok: Token) -> str:
    """The verb's lemma, mended where the small model cuts a verb of speech short ("raged" ->
    "rag"): the past form without its "d", when that is a verb of speech."""
    lemma = str(tok.lemma_)
    low = tok.lower_
    if lemma not in REPORTING and low.endswith("ed") and low[:-1] in REPORTING:
        return low[:-1]
    return lemma


#: words before a name (or in its apposition) read for the office "the mayor" names
_TITLE_REACH = 3


def _the_office(tok: Token) -> bool:
    """ "the mayor", "the minister": an office (a role word of the gazetteer) named in place
    of its holder."""
    return (
        tok.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and tok.lower_ in load().roles
    )


DOCUMENT_WORDS = frozenset(
    ["statement", "release", "communique", "communiqué", "report", "letter", "tweet", "post"]
)
_OPEN = {"“": "”", '"': '"', "``": "''", "«": "»"}
#: tokens back from a bare reporting verb within which its speaker's name may start
_BEFORE_REACH = 20
#: marks that close a quotation, as the tokeniser leaves them before a verb of speech
_CLOSING_MARKS = frozenset({"”", '"', "''", "»"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "who"})


@dataclass(frozen=True)
class Attribution:
    """Who a stretch of text is attributed to, found from one reporting verb or "according to"."""

    verb: Token
    speaker_key: str | None
    speaker_name: str | None
    speaker_span: tuple[int, int] | None
    source_key: str | None
    source_name: str | None
    #: the verb's own lemma ("say"), or "according to"
    lemma: str

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for k in (self.speaker_key, self.source_key) if k))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks, marks excluded."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        opener = "``" if text.startswith("``", i) else text[i]
        if opener in _OPEN and not (opener == '"' and i > 0 and text[i - 1].isalnum()):
            closer = _OPEN[opener]
            j = text.find(closer, i + len(opener))
            if opener == '"':
                # tokenised corpora close a straight opening mark with '' ("It's late, '' she
                # said): whichever closes first ends the quote, or every later one is mispaired
                k = text.find("''", i + 1)
                if k != -1 and (j == -1 or k < j):
                    j, closer = k, "''"
            para = text.find("\n\n", i)
            if j == -1 or (para != -1 and para < j and opener == '"') or _closes(text, i, closer):
                i += len(opener)
                continue
            s, e = i + len(opener), j
            while s < e and text[s].isspace():
                s += 1
            while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
                e -= 1  # "... issues," said X: the comma belongs to the attribution
            if e > s:
                out.append((s, e))
            i = j + len(closer)
        else:
            i += 1
    return out


#: what a closing mark follows: the quotation's last word's punctuation ('... mirror. " The')
_ENDS = frozenset(".,!?")


def _closes(text: str, i: int, closer: str) -> bool:
    """A straight mark followed by a space, where straight marks also close quotes, closes one
    whose opening mark was lost (tokenised text: '... in front of the mirror. " The role will
    ...'); taken as an opener it would pair every later mark wrongly. Where quotes close with
    '' instead, a spaced mark opens one (" everyone in the neighbourhood, '')."""
    if text[i] != '"' or closer != '"' or not text[i + 1 : i + 2].isspace():
        return False
    k = i - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k >= 0 and text[k] in _ENDS


class Speech:
    """Attribution analysis of one parsed article, shared by quotes and claims."""

    def __init__(self, doc: Doc, token_keys: dict[int, str], names: dict[str, str]):
        self.doc = doc
        #: the text, joined once: spaCy's ``doc.text`` joins every token's text on each access
        self.text = doc.text
        self.token_keys = token_keys
        self.names = names
        self.spans = quote_spans(self.text)
        self._in_quote = [False] * len(doc)
        for s, e in self.spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self._in_quote[t.i] = True
        self.last_source: tuple[str | None, str | None] = (None, None)
        self.attributions: dict[int, Attribution] = {}
        for sent in doc.sents:
            for tok in sent:
                att = self._attribution(tok)
                if att is not None:
                    self.attributions[tok.i] = att

    def in_quote(self, tok: Token) -> bool:
        return self._in_quote[tok.i]

    # --- attributions --------------------------------------------------------------------------

    def _attribution(self, tok: Token) -> Attribution | None:
        if self._in_quote[tok.i]:
            return None
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            return self._according_to(tok)
        if not self._reports(tok):
            return None
        subj = self._speaker_of(tok)
        if subj is None:
            return None
        return self._make(tok, subj, "point out" if tok.lemma_ == "point" else speech_lemma(tok))

    def _according_to(self, tok: Token) -> Attribution | None:
        """ "according to X": X is the source."""
        to = next(c for c in tok.children if c.lower_ == "to")
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        return None if obj is None else self._make(tok, obj, "according to")

    def _reports(self, tok: Token) -> bool:
        """A reporting verb ("said", "pointed out", "released a statement")."""
        if tok.pos_ not in ("VERB", "AUX") or (
            speech_lemma(tok) not in REPORTING and not self._releases(tok)
        ):
            return False
        return tok.lemma_ != "point" or any(
            c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
        )

    def _speaker_of(self, verb: Token) -> Token | None:
        """Who the reporting verb's speaker is: its subject, the named one when the parse gives
        two; for "..., said X" sometimes parsed with X as the object, that object."""
        subjs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "chief Odile Marchetti said" is sometimes parsed with two subjects: take the named one,
        # the nearest when both are ("through his agent, Selwyn Atterby, on Tuesday evening,
        # Maresk said": the agent's name is an apposition the parse made a subject)
        named = sorted((c for c in subjs if self._key_in(c)), key=lambda c: abs(c.i - verb.i))
        subj = named[0] if named else (subjs[0] if subjs else None)
        if subj is not None:
            return subj
        obj = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("dobj", "attr")
                and c.i > verb.i
                and (verb.lemma_ == "say" or self._inverted(verb))
                and self._key_in(c)
            ),
            None,
        )
        if obj is not None:
            return obj
        return self._named_after(verb) or self._named_before(verb)

    def _named_before(self, verb: Token) -> Token | None:
        """'On Monday Ines Calloway, the MP for Perrin West, said: "..."': a parse that hangs
        the name on "On" leaves "said" with no subject; the person whose phrase runs up to the
        bare verb and hangs on it is its speaker."""
        for i in range(verb.i - 1, max(verb.sent.start, verb.i - _BEFORE_REACH) - 1, -1):
            tok = self.doc[i]
            key = self.token_keys.get(i)
            if not key or not key.startswith("person:") or self._in_quote[i]:
                continue
            if tok.head.i != i and self.token_keys.get(tok.head.i) == key:
                continue  # not the name's head token
            reaches = tok.right_edge.i >= verb.i - 1
            return tok if reaches and verb in tok.ancestors else None
        return None

    def _inverted(self, verb: Token) -> bool:
        """'"...," fumed union chief Rufus Kenning': a verb of manner right after the
        quotation it reports, its speaker after it (parsed as its object)."""
        return (
            verb.lemma_ in SPEAKING_IN_PERSON
            and verb.i > 0
            and verb.nbor(-1).text in _CLOSING_MARKS
        )

    def _named_after(self, verb: Token) -> Token | None:
        """ "..., said Christina Greenway, daughter of the reporter Nichols murdered": a parse
        that hangs the name on a later verb leaves "said" with no subject; the person named
        right after the bare verb is its speaker."""
        nxt = verb.i + 1
        key = self.token_keys.get(nxt)
        if verb.lemma_ not in TRAILING or not key or not key.startswith("person:"):
            return None
        if self._in_quote[nxt] or any(c.dep_ == "dobj" for c in verb.children):
            return None
        end = nxt
        while self.token_keys.get(end + 1) == key:
            end += 1
        run = range(nxt, end + 1)
        # the name's own head token: the one whose head lies outside the name
        return next((self.doc[i] for i in run if self.doc[i].head.i not in run), None)

    def _releases(self, tok: Token) -> bool:
        """ "X released/issued a statement": X speaks through a document."""
        return tok.lemma_ in ("release", "issue", "publish") and any(
            c.dep_ == "dobj" and c.lemma_ in DOCUMENT_WORDS for c in tok.children
        )

    def _key_in(self, tok: Token) -> str | None:
        for t in tok.subtree:
            if t.i in self.token_keys and not self._in_quote[t.i]:
                return self.token_keys[t.i]
        return None

    def _make(self, verb: Token, subj: Token, lemma: str) -> Attribution:
        sub = [t for t in subj.subtree if not self._in_quote[t.i]]
        span = (sub[0].idx, sub[-1].idx + len(sub[-1].text)) if sub else None
        # "officials in Berlin": the speaker is the officials, not Berlin; nor is "Piers
        # Latimer, spokesman for the Civic Party" the party
        heads = [subj, *(c for c in subj.children if c.dep_ == "appos")]
        modifiers = {
            x.i
            for h in heads
            for c in h.children
            if c.dep_ in ("prep", "relcl", "acl")
            for x in c.subtree
        }
        keys = [
            self.token_keys[t.i] for t in sub if t.i in self.token_keys and t.i not in modifiers
        ]
        # "Lothar Benecke, Varrow's director of system operations": the body owning the title
        # is no speaker while a person is named ("Varrow's spokesman said" still is Varrow's)
        owners = {x.i for h in heads for c in h.children if c.dep_ == "poss" for x in c.subtree}
        owned = [self.token_keys[t.i] for t in sub if t.i in self.token_keys and t.i in owners]
        if any(k.startswith("person:") and k not in owned for k in keys):
            keys = [k for k in keys if k not in owned]
        people = [k for k in keys if k.startswith(("person:", "role:"))]
        orgs = [k for k in keys if k.startswith(("org:", "country:"))]
        is_document = subj.lemma_ in DOCUMENT_WORDS
        speaker_key: str | None
        if is_document:
            speaker_key = orgs[-1] if orgs else self.last_source[0]
        elif (subj.lower_ in _PRONOUNS or _an_age(subj)) and not keys:
            speaker_key = self._antecedent(subj)
        elif not keys and _the_office(subj):
            speaker_key = self._office_holder(subj)
        else:
            # the person the subject itself names, before one its apposition names ("fumed
            # Britta Fromm, Brisko branch secretary": Fromm, whatever the parse makes of Brisko)
            named = self.token_keys.get(subj.i)
            head = named if named in people and not self._in_quote[subj.i] else None
            speaker_key = head or (people[-1] if people else (keys[-1] if keys else None))
        speaker_name = self.names.get(speaker_key, "") if speaker_key else ""
        if not speaker_name and sub:
            speaker_name = self.text[span[0] : span[1]] if span else subj.text
        source_key, source_name = None, None
        in_document = any(
            c.dep_ == "prep"
            and c.lower_ in ("in", "through", "via")
            and any(g.lemma_ in DOCUMENT_WORDS for g in c.children)
            for c in verb.children
        )
        if is_document or in_document or self._releases(verb):
            doc_word = subj.lemma_ if is_document else "statement"
            source_key = orgs[0] if orgs else speaker_key
            owner = self.names.get(source_key, "") if source_key else ""
            source_name = f"{owner} {doc_word}".strip()
            self.last_source = (source_key, source_name)
        return Attribution(
            verb, speaker_key, speaker_name or None, span, source_key, source_name, lemma
        )

    def _office_holder(self, tok: Token) -> str | None:
        """The person "the mayor" is: of those named before it with that word in the title
        right before the name ("Mayor Idris Kallender") or in an apposition after it ("Idris
        Kallender, the town's mayor,"), the one named last ("a letter from Dunstan ... the
        minister wrote"). "Prime Minister Helena Varro" is no "minister". One named as the one
        acted on ("shot and killed Judge Rowland Barnes") is taken only when no other holder of
        the office is named: the office that speaks is rarely the victim's."""
        holders: dict[str, bool] = {}  # key -> acted on, in order of the last mention
        for i in range(tok.i - 1, -1, -1):
            key = self.token_keys.get(i)
            if not key or not key.startswith("person:") or self._in_quote[i]:
                continue
            if i + 1 < tok.i and self.token_keys.get(i + 1) == key:
                continue  # not the name's last token: the name was weighed at its last
            start = i
            while start > 0 and self.token_keys.get(start - 1) == key:
                start -= 1
            around = self.doc[max(start - _TITLE_REACH, 0) : start]
            after = self.doc[i + 1 : i + 1 + _TITLE_REACH + 2]
            if any(_same_office(t, tok) for t in (*around, *after)):
                holders.setdefault(key, self._acted_on(start, i))
        last = self._last_named(tok, set(holders))
        ranked = sorted(holders, key=lambda k: -last.get(k, -1))
        return next((k for k in ranked if not holders[k]), ranked[0] if ranked else None)

    def _last_named(self, tok: Token, keys: set[str]) -> dict[str, int]:
        """Where each of ``keys`` was last named before ``tok``, outside quotations."""
        last: dict[str, int] = {}
        for i in range(tok.i - 1, -1, -1):
            key = self.token_keys.get(i)
            if key in keys and key not in last and not self._in_quote[i]:
                last[key] = i
        return last

    def _acted_on(self, start: int, end: int) -> bool:
        """The name (tokens start..end) is the object of its clause, or its passive subject."""
        run = range(start, end + 1)
        head = next((self.doc[i] for i in run if self.doc[i].head.i not in run), self.doc[end])
        return head.dep_ in ("dobj", "nsubjpass")

    def _antecedent(self, tok: Token, depth: int = 0) -> str | None:
        """The person a "he"/"she" refers to: the subject of the sentence before (when the
        pronoun's own sentence names no one before it), else the last one named before it,
        outside quotes. "Minister Krell, whom Holloway briefed, said ... 'The bank is
        independent,' she said": she is Krell, the sentence's subject, not Holloway. A sentence
        before whose subject is the same pronoun passes it on: "Lindqvane ... Speaking in the
        Assembly, he said Sternfield would be kept out. '...,' he told the chamber" is
        Lindqvane, not the name the sentence before ends on."""
        own = [i for i in range(tok.sent.start, tok.i) if self._named_person(i)]
        before = self._told_before(tok.sent)
        if not own and before is not None:
            subject = self._subject_person(before)
            if subject is not None:
                return subject
            if _unnamed_person_subject(before):
                return None  # "The PM was more statesmanlike. '...,' he said": not the last named
            same = next((s for s in _root_subjects(before) if s.lower_ == tok.lower_), None)
            if same is not None and depth < _PRONOUN_CHAIN:
                return self._antecedent(same, depth + 1)
        for i in range(tok.i - 1, -1, -1):
            if self._named_person(i):
                return self.token_keys[i]
        return None

    def _told_before(self, sent: Span) -> Span | None:
        """The sentence before, past those of a quotation that runs into ``sent`` ('"Every merk
        ... patient. We will find that money," he told the chamber': the sentence before the
        quotation)."""
        for _ in range(_PRONOUN_CHAIN):
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            if not self._in_quote[sent.root.i]:
                return sent
        return None

    def _named_person(self, i: int) -> bool:
        key = self.token_keys.get(i)
        return bool(key and key.startswith(("person:", "role:")) and not self._in_quote[i])

    def _subject_person(self, sent: Span) -> str | None:
        """The person named as the subject of a sentence's main verb, if any, or beside it
        ("The transport minister, Rosamund Tavener, visited ...")."""
        for subj in _root_subjects(sent):
            for t in (subj, *(c for c in subj.children if c.dep_ == "appos")):
                if self._named_person(t.i):
                    return self.token_keys[t.i]
        return self._opening_person(sent)

    def _opening_person(self, sent: Span) -> str | None:
        """The person whose name opens the sentence, set off by a comma ("Florian Marbury, the
        auditor-general who was removed ... weeks after Mr Talby ordered ..., said"): its
        subject, however the parse hung it on an inner verb."""
        i = sent.start
        while i < sent.end and sent.doc[i].is_space:
            i += 1
        key = self.token_keys.get(i)
        if not key or not self._named_person(i):
            return None
        while i < sent.end and self.token_keys.get(i) == key:
            i += 1
        return key if i < sent.end and sent.doc[i].text == "," else None

    # --- quotes --------------------------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        out: list[Quote] = []
        used: set[int] = set()
        prev: tuple[Quote, int] | None = None  # last direct quote and its sentence's end token
        for s, e in self.spans:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            att = self._for_quote(span) or self._introduced(span)
            if att is not None:
                used.add(att.verb.i)
                q = _quote(self.text, s, e, att, direct=True)
            elif prev is not None and self._close(prev[1], span):
                p = prev[0]
                q = Quote(
                    self.text[s:e],
                    s,
                    e,
                    p.speaker_key,
                    p.speaker_name,
                    p.speaker_span,
                    p.verb,
                    True,
                    p.source_key,
                    p.source_name,
                    continued=True,
                )
            else:
                q = Quote(self.text[s:e], s, e, None, None, None, None, True)
            out.append(q)
            prev = (q, span[-1].sent.end)
        for att in self.attributions.values():
            if att.verb.i in used:
                continue
            clause = self._reported_clause(att)
            if clause is None:
                continue
            cs, ce = clause
            if any(s < ce and cs < e for s, e in self.spans):
                continue  # the reported words are quoted: the direct quote stands for them
            out.append(_quote(self.text, cs, ce, att, direct=False))
        out.sort(key=lambda q: q.start)
        return out

    def _introduced(self, span: Span) -> Attribution | None:
        """ "The judge had advice for anyone who deals with him: '...'": a quote after a colon
        whose sentence's subject is a person (or an office standing for one) is that person's,
        not a continuation of the quote before it."""
        lead = [t for t in self.doc[span[0].sent.start : span.start] if not self._in_quote[t.i]]
        if len(lead) < 3 or ":" not in (lead[-1].text, lead[-2].text):
            return None
        # the lead's own verb: the parser may root the sentence in the quote after the colon
        inside = {t.i for t in lead}
        verbs = [t for t in lead if t.pos_ in ("VERB", "AUX")]
        root = next((t for t in verbs if t.head == t or t.head.i not in inside), None)
        if root is None:
            return None
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i >= span.start or self._in_quote[subj.i]:
            return None
        if not (self._key_in(subj) or _the_office(subj) or subj.lower_ in _PRONOUNS):
            return None
        att = self._make(root, subj, root.lemma_)
        return att if att.speaker_key and att.speaker_key.startswith(("person:", "role:")) else None

    def _close(self, prev_sent_end: int, span: Span) -> bool:
        # the next quote starts in the sentence right after the previous quote's sentence, or the
        # one after that (a short bridge like "He added:" has its own verb and is not a
        # continuation)
        gap = span[0].sent.start - prev_sent_end
        return 0 <= gap <= 1 or span[0].sent.start < prev_sent_end

    def _for_quote(self, span: Span) -> Attribution | None:
        sents = {t.sent.start: t.sent for t in (span[0], span[-1])}
        start_sent = min(sents)
        first, last = sents[start_sent], sents[max(sents)]
        cands = [a for i, a in self.attributions.items() if first.start <= i < last.end]
        after = [a for a in cands if a.verb.i >= span.end]
        before = [a for a in cands if a.verb.i < span.start]
        inside = [a for a in cands if span.start <= a.verb.i < span.end]
        if after:
            return min(after, key=lambda a: a.verb.i)
        if before:
            return max(before, key=lambda a: a.verb.i)
        return inside[0] if inside else None

    def _reported_clause(self, att: Attribution) -> tuple[int, int] | None:
        verb = att.verb
        if att.lemma == "according to":
            head = verb.head
            while head.dep_ not in ("ROOT",) and head.head.i != head.i:
                head = head.head
            toks = [
                t for t in head.subtree if t.i not in {x.i for x in verb.subtree} and not t.is_punct
            ]
        else:
            clause = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis")), None)
            if clause is None and _trailing_attribution(verb):
                clause = verb.head  # "The leaders agreed ..., the statement added."
            if clause is None:
                return None
            trailing = clause.i == verb.head.i
            skip = {x.i for x in verb.subtree} if trailing else set()
            sub = clause.sent if trailing else clause.subtree
            toks = [t for t in sub if t.i not in skip and not t.is_punct and t.dep_ != "mark"]
        if not toks:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)


TRAILING = frozenset(
    [
        "say",
        "add",
        "state",
        "announce",
        "report",
        "write",
        "tweet",
        "note",
        "explain",
        "insist",
        "warn",
        "claim",
        "tell",
    ]
)


def _an_age(tok: Token) -> bool:
    """ "the 61-year-old said": a person named before by an age, as by a pronoun."""
    return tok.lower_ == "old" and bool(_AGED.search(tok.doc[max(tok.i - 4, 0) : tok.i + 1].text))


_AGED = re.compile(r"\b\d{1,3}\s*-\s*year\s*-\s*old$", re.IGNORECASE)


def _same_office(t: Token, office: Token) -> bool:
    """``t`` names the office ``office`` names: "Minister" for "the minister", not "Prime
    Minister" (nor "the prime minister" for "Foreign Minister")."""
    return t.lower_ == office.lower_ and _prime(t) == _prime(office)


def _prime(t: Token) -> bool:
    return t.i > 0 and t.nbor(-1).lower_ == "prime"


def _trailing_attribution(verb: Token) -> bool:
    """ "The leaders agreed ..., the statement added": a bare reporting verb after its clause."""
    return (
        verb.dep_ in ("parataxis", "advcl", "conj")
        and verb.head.i < verb.i
        and verb.lemma_ in TRAILING
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    )


def _quote(text: str, s: int, e: int, att: Attribution, *, direct: bool) -> Quote:
    return Quote(
        text[s:e],
        s,
        e,
        att.speaker_key,
        att.speaker_name,
        att.speaker_span,
        att.lemma,
        direct,
        att.source_key,
        att.source_name,
    )
