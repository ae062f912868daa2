"""A figure (or a day) one report gives where the others agree on another: the odd one out.

Five reports of one story that tell one fact with one figure ("the 94-page indictment", "a
94-page indictment", "runs to 94 pages") and a sixth that tells it with another ("the 104-page
indictment") disagree, though the sixth's sentence may match none of the others closely enough
for the claim pairs to be compared: the agreement of several reports on one figure, in sentences
like the odd one's, says which fact the odd figure is told of. A figure is odd only when
  - two or more other reports give one other figure of the same kind of thing, in sentences
    like its own (``alike``), and no report among them also gives the odd figure;
  - its own report never gives the others' figure (a report giving both tells two things);
  - the two figures cannot both be right and are not far apart (80 and 800 count two things),
    unless one is the other with a zero slipped in ("4,200" / "42,000 tonnes");
  - nothing around the two figures sets them apart (``disputed``: a part and its whole, two
    places, two moments).
The agreeing reports may name what they count in several ways ("23 people", "23 arrests"): the
odd report's own word ("19 louts") is then one more, unless its figure is only a bound ("over
50 arrests"). A day is read the same way ("met the rebels on Monday evening" in three reports,
"summoned the rebels on Sunday evening" in a fourth), the act's words standing for the kind of
thing counted. Pure logic: the comparison stage says which figures count one kind of thing and which
sentences are alike, and turns what is found into contradictions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

from newsprism.compare.slots import figure_bounds, zero_slipped
from newsprism.extract.types import Quantity

#: How many other reports must agree on the figure the odd one is set against
AGREEING = 2
#: How many times apart the two figures may be and still be one thing's (2,300 / 2,800 jobs is
#: one count told two ways; 85 / 409 branches is two)
ODD_APART = 1.6


@dataclass(frozen=True)
class Figure:
    """One figure one report gives, in one claim (``uid``)."""

    source: int
    uid: int
    quantity: Quantity


@dataclass(frozen=True)
class OddFigure:
    """A figure one report gives against one figure other reports agree on."""

    odd: Figure
    agreed: tuple[Figure, ...]  # one per agreeing report


def odd_figures(
    figures: Sequence[Figure],
    given: Mapping[int, set[float]],
    same_thing: Callable[[Figure, Figure], bool],
    alike: Callable[[Figure, Figure], bool],
    disputed: Callable[[Figure, Figure], bool],
) -> list[OddFigure]:
    """Every figure that is the odd one out (see the module's doc), with the agreeing figures;
    ``same_thing`` says whether two figures count or measure one kind of thing, ``alike``
    whether their sentences tell one fact, and ``disputed`` whether nothing around two figures
    says they are of two things (a part and its whole, two places, two moments); ``given``:
    per report, every figure it gives, whatever it counts ("up from 17 on Tuesday")."""
    out: list[OddFigure] = []
    for y in figures:
        agreed = _agreed_against(y, figures, given, same_thing, alike)
        if not agreed and y.quantity.qualifier not in _OPEN_BOUNDS:
            # the reports that agree name what they count in several ways ("23 people", "23
            # arrests"): the odd report's own word for it ("19 louts") is one more -- unless
            # the odd figure is only a bound ("over 50 arrests"), too loose a count to set
            # against another named otherwise
            agreed = _agreed_against(y, figures, given, _one_kind, alike)
            if len({_head(x.quantity.counts) for x in agreed}) < NAMED_WAYS:
                agreed = ()
        agreed = tuple(x for x in agreed if disputed(x, _counting_as(y, x)))
        if len(agreed) >= AGREEING:
            out.append(OddFigure(y, agreed))
    return out


#: qualifiers that make a figure a bound, not a count ("over 50", "at least 40", "up to 30")
_OPEN_BOUNDS = frozenset({">", ">=", "<", "<="})
#: How many different words for what they count the agreeing reports must use for the odd
#: report's word to count the same
NAMED_WAYS = 2


def _one_kind(x: Figure, y: Figure) -> bool:
    qx, qy = x.quantity, y.quantity
    return qx.kind == qy.kind and qx.unit == qy.unit and bool(qx.counts) == bool(qy.counts)


def _head(counts: str) -> str:
    return (counts.split() or [""])[-1].lower().rstrip("s")


def _counting_as(y: Figure, x: Figure) -> Figure:
    """``y`` as a count of what ``x`` counts, for the checks that read the words around it."""
    return Figure(y.source, y.uid, replace(y.quantity, counts=x.quantity.counts))


def _agreed_against(
    y: Figure,
    figures: Sequence[Figure],
    given: Mapping[int, set[float]],
    same_thing: Callable[[Figure, Figure], bool],
    alike: Callable[[Figure, Figure], bool],
) -> tuple[Figure, ...]:
    """The figures of one value that two or more other reports give against ``y``, one per
    report, or () when there are none or the reports do not all agree."""
    by_value: dict[float, dict[int, Figure]] = defaultdict(dict)
    for x in figures:
        if x.source == y.source or not _near(x.quantity, y.quantity):
            continue  # a figure far from y's counts another thing
        if same_thing(x, y) and alike(x, y):
            by_value[x.quantity.value].setdefault(x.source, x)
    by_value = _one_value_per_report(by_value)
    if len(by_value) != 1:
        return ()  # no other figure, or the others disagree among themselves too
    value, agreeing = next(iter(by_value.items()))
    if len(agreeing) < AGREEING or _bounded_alike(y.quantity, agreeing[min(agreeing)].quantity):
        return ()
    if value in given.get(y.source, ()):
        # the odd report gives the others' figure too: two things, or a figure since changed
        # ("23 people had now been arrested, up from 17")
        return ()
    if any(y.quantity.value in given.get(s, ()) for s in agreeing):
        return ()
    return tuple(agreeing[s] for s in sorted(agreeing))


def _one_value_per_report(
    by_value: dict[float, dict[int, Figure]],
) -> dict[float, dict[int, Figure]]:
    """A report that gives two values is read for the one more reports give: its other figure
    counts another thing ("60,000 social homes by 2037" and "about 38,000 homes nationally
    would be liable", against "60,000" twice more)."""
    backing = {value: len(told) for value, told in by_value.items()}
    out: dict[float, dict[int, Figure]] = defaultdict(dict)
    for value, told in by_value.items():
        for source, x in told.items():
            mine = [v for v, t in by_value.items() if source in t]
            if backing[value] >= max(backing[v] for v in mine):
                out[value][source] = x
    return dict(out)


def _near(a: Quantity, b: Quantity) -> bool:
    """Two figures that differ, yet are near enough to count one thing, or one the other with
    a zero slipped in, of one noun ("4,200" / "42,000 tonnes"; "240,000 members" is no slip
    for "2.4 million pensioners")."""
    lo, hi = sorted((abs(a.value), abs(b.value)))
    if not 0 < lo < hi:
        return False
    one_noun = bool(a.counts) and _head(a.counts) == _head(b.counts)
    return hi <= ODD_APART * lo or (one_noun and zero_slipped(lo, hi))


def _bounded_alike(a: Quantity, b: Quantity) -> bool:
    """Figures both can be right as qualified ("at least 410" / "at least 370", "about 40" /
    "42")."""
    (lo_a, hi_a), (lo_b, hi_b) = figure_bounds(a), figure_bounds(b)
    return lo_a <= hi_b and lo_b <= hi_a


# --- dates ---------------------------------------------------------------------------------------

#: How many days apart the odd day and the agreed one may be and still date one act ("on
#: Sunday evening" / "on Monday evening", "16 February" / "23 February")
DAYS_APART = 7


@dataclass(frozen=True)
class Dated:
    """One day one report dates an act to, in one claim (``uid``)."""

    source: int
    uid: int
    day: date


@dataclass(frozen=True)
class OddDate:
    """A day one report dates an act to against one day other reports agree on."""

    odd: Dated
    agreed: tuple[Dated, ...]  # one per agreeing report


def odd_dates(
    dated: Sequence[Dated],
    alike: Callable[[Dated, Dated], float],
    disputed: Callable[[Dated, Dated], bool],
    one_act: Callable[[Dated, Dated], bool] = lambda x, y: True,
) -> list[OddDate]:
    """Every day that is the odd one out, as for figures: two or more other reports date the act
    told most like its own (``alike``: how alike two acts are told, 0 for not at all) to one
    other day, and no other report dates it to its day; an act the odd report itself dates to
    their day, told more like theirs, is theirs (a report giving both days tells two acts)."""
    out: list[OddDate] = []
    for y in dated:
        best: dict[int, tuple[float, Dated]] = {}
        for x in dated:
            if x.source == y.source or abs((x.day - y.day).days) > DAYS_APART:
                continue
            score = alike(x, y)
            if score > 0 and x.day != y.day and not disputed(x, y):
                continue  # an act its day cannot set against y's ("announced yesterday that
                # he had been promoted" beside "the shooting on Wednesday"): no rival of it
            was, held = best.get(x.source, (0.0, x))
            # one claim of two days ("a video on March 11 and a second on March 16") is as
            # alike at both: the day y gives, if it is one of them, is the one read
            if score > 0 and (score, x.day == y.day) > (was, held.day == y.day):
                best[x.source] = (score, x)
        by_day: dict[date, dict[int, Dated]] = defaultdict(dict)
        for source, (_, x) in best.items():
            by_day[x.day][source] = x
        if y.day in by_day or len(by_day) != 1:
            continue  # another report dates it as y does, or the others disagree too
        day, agreeing = next(iter(by_day.items()))
        # an agreeing act the odd report itself dates to their day, in words more like theirs,
        # is another act ("informed the government on Wednesday" / "the board decided on
        # Tuesday ... we were informed on Wednesday")
        mine = [z for z in dated if z.source == y.source and z.day == day]
        agreed = tuple(
            x
            for s, x in sorted(agreeing.items())
            if not any(alike(z, x) >= alike(y, x) for z in mine) and disputed(x, y)
        )
        # the agreeing reports tell one act among themselves too, not each its own act that
        # day ("Athens was calm on Sunday", "students announced rallies on Sunday"): the most
        # of them that are all told alike, two of them by one act's words (``one_act``)
        agreed = _told_as_one(agreed, alike, one_act)
        if len(agreed) >= AGREEING:
            out.append(OddDate(y, agreed))
    return out


def _told_as_one(
    agreed: tuple[Dated, ...],
    alike: Callable[[Dated, Dated], float],
    one_act: Callable[[Dated, Dated], bool],
) -> tuple[Dated, ...]:
    """The most of the agreeing acts that are each told alike with every other, two of them by
    one act's words; () for none ("was shot dead last Thursday afternoon" and "was gunned down
    last Thursday" may share too few words, while each is told like two others). Leaving some
    out, at least three must remain."""
    # all of them, or, leaving some out, at least one more than the agreeing reports needed
    # (two of three told alike may be two acts as well as one)
    for size in [len(agreed), *range(len(agreed) - 1, AGREEING, -1)]:
        for group in combinations(agreed, size):
            pairs = list(combinations(group, 2))
            if all(alike(a, b) > 0 for a, b in pairs) and any(one_act(a, b) for a, b in pairs):
                return group
    return ()
