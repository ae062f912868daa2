"""Pair features added for the errors found on ECB+: nested mentions, grammatical number, and the
happening a report left alone by the document grouping would join."""

from __future__ import annotations

import numpy as np

from newsprism.coref.docgroups import join_lone, nearest_larger
from newsprism.coref.engine import nested
from newsprism.coref.lexicon import norm
from newsprism.coref.matrices import nearest_groups
from newsprism.coref.mentions import ENTITY, MentionInfo


def mention(text: str, lemma: str, *, pronoun: str = "", proper: bool = False) -> MentionInfo:
    return MentionInfo(
        index=0,
        doc=0,
        start=0,
        end=len(text),
        kind=ENTITY,
        text=text,
        lemma=lemma,
        pos="PROPN" if proper else "NOUN",
        head=0,
        sentence=0,
        semantic="",
        pronoun=pronoun,
        proper=proper,
        key=None,
        words=frozenset(w for w in norm(text).split() if w not in ("a", "in", "the")),
    )


def test_a_name_inside_another_mention_is_nested_in_it() -> None:
    town = mention("Huntsville", "huntsville", proper=True)
    assert nested(town, mention("a unit in Huntsville", "unit", proper=True))
    assert nested(mention("prison", "prison"), mention("life in prison", "life"))
    # one head: the same thing named twice, not one inside the other
    assert not nested(town, mention("Huntsville, Texas", "huntsville", proper=True))
    assert not nested(mention("it", "it", pronoun="thing"), mention("it happened", "happen"))


def test_a_report_alone_in_its_group_looks_to_the_nearest_larger_group() -> None:
    docs = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9], [0.2, 0.95], [0.9, 0.0]])
    docs /= np.linalg.norm(docs, axis=1, keepdims=True)
    # groups: two happenings of two reports, then two reports left alone
    got = nearest_groups([0, 0, 1, 1, 2, 3], docs)
    assert got == [-1, -1, -1, -1, 1, 0]
    # with no larger group, the nearest of the others
    assert nearest_groups([0, 1, 2], docs[[0, 5, 2]]) == [1, 0, 0]
    assert nearest_groups([0, 0], docs[:2]) == [-1, -1]


def test_a_lone_report_near_a_group_joins_it_for_events() -> None:
    docs = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9], [0.2, 0.95], [-1.0, 0.2]])
    docs /= np.linalg.norm(docs, axis=1, keepdims=True)
    groups = [0, 0, 1, 1, 2, 3]
    near = nearest_larger(groups, docs)
    assert [g for g, _ in near] == [-1, -1, -1, -1, 1, 1]
    assert near[4][1] > 0.95 and near[5][1] < 0.2
    # the report near the second happening joins it; the one near nothing stays alone
    assert join_lone(groups, docs) == [0, 0, 1, 1, 1, 3]
    assert join_lone(groups, docs, threshold=1.1) == groups
    # two lone reports never join each other, nor anything when no group has two reports
    assert join_lone([0, 1, 2], docs[[0, 1, 4]]) == [0, 1, 2]
    # the joins do not depend on the order of the documents
    order = [5, 3, 0, 4, 2, 1]
    again = join_lone([groups[i] for i in order], docs[order])
    assert again == [join_lone(groups, docs)[i] for i in order]


def test_a_role_the_sentence_gives_a_name_matches_the_role_alone_elsewhere() -> None:
    from newsprism.coref.engine import role_match
    from newsprism.coref.mentions import MentionSpan, describe, sentence_index
    from newsprism.coref.run import name_roles
    from newsprism.extract import get_nlp

    texts = [
        "Trooper William Hakim, a bomb squad technician, was killed on Friday.",
        "The technician died when the bomb went off, police said.",
        "The Sixers fired coach Maurice Cheeks.",
    ]
    nlp = get_nlp()
    docs = [nlp(t) for t in texts]
    words = [(0, "William Hakim"), (1, "technician"), (2, "Maurice Cheeks"), (1, "police")]
    infos = []
    for d, w in words:
        at = texts[d].index(w)
        span = MentionSpan(d, at, at + len(w), ENTITY)
        infos.append(describe(docs[d], span, len(infos), sentence_of=sentence_index(docs[d])))
    hakim, technician, cheeks, police = name_roles(docs, tuple(infos))
    assert "technician" in hakim.roles and "coach" in cheeks.roles
    assert role_match(technician, hakim) and role_match(hakim, technician)
    assert not role_match(police, hakim) and not role_match(technician, cheeks)
