"""Whether two claims' doers may be one (slots.participants_compatible), on small fictional
reports written for these tests."""

from __future__ import annotations

from newsprism.compare import slots
from tests.compare.conftest import reports_compared, units_of


def test_a_hyphenated_name_in_a_subject_is_the_doer_named_on_the_other_side() -> None:
    # "the CX-30" is keyed cx_30 on one side; the other's subject writes it with its hyphen
    pub = "2036-05-13"
    lead = "President Teodor Vask collapsed on stage in Ostrey on Monday."
    reports = (
        (f"{lead} The main share index, the CX-30, ended the day 4.1% down.", pub),
        (f"{lead} The CX-30 share index ended Monday 2.9 per cent down.", pub),
    )
    units = units_of(*reports)
    a = next(u for u in units if u.source == 0 and "4.1%" in u.text)
    b = next(u for u in units if u.source == 1 and "2.9 per cent" in u.text)
    assert slots.participants_compatible(a, b)
    (x,) = [x for x in reports_compared(*reports).contradictions if x.type == "number"]
    assert x.high and "4.1" in x.summary and "2.9" in x.summary
    # another index named in the subject is another doer
    other = units_of((f"{lead} The Velsa-40 share index ended Monday 2.9 per cent down.", pub))
    c = next(u for u in other if "2.9 per cent" in u.text)
    assert not slots.participants_compatible(a, c)
