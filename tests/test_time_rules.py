"""The rules and their normalizers agree: a normalizer reads with g["name"] only groups its rule always
fills (the class of `KeyError: 'm2'`, which cost a whole document), and an expression whose normalizer
raises anyway costs that expression only, with a warning naming the document and the expression."""
import ast
import inspect
import re
try:                                   # Python 3.11+
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:                    # pragma: no cover
    import sre_constants
    import sre_parse

import pytest

from pipeline import extract_text
from pipeline.time import normalize as N
from pipeline.time.patterns import rules


def mandatory_groups(pattern: str) -> set[str]:
    """Named groups that take part in every match of the pattern (not under ?, *, {0,n} or one branch)."""
    parsed = sre_parse.parse(pattern)
    names = {v: k for k, v in parsed.state.groupdict.items()}
    out: set[str] = set()

    def walk(items, required):
        for op, av in items:
            if op is sre_constants.SUBPATTERN:
                gid, sub = av[0], av[-1]
                if gid is not None and required and gid in names:
                    out.add(names[gid])
                walk(sub, required)
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                walk(av[2], required and av[0] > 0)
            elif op is sre_constants.BRANCH:
                for branch in av[1]:
                    walk(branch, False)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(av[1], False)
    walk(parsed, True)
    return out


def subscripted_groups(fn) -> set[str]:
    """Keys a normalizer reads as g["key"] without ever testing g.get("key") (a KeyError when the
    group did not take part in the match)."""
    tree = ast.parse(inspect.getsource(fn))
    keys, checked = set(), set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "g"
                and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
            keys.add(node.slice.value)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "g" and node.args
                and isinstance(node.args[0], ast.Constant)):
            checked.add(node.args[0].value)
    return keys - checked


RULES = [r for r in rules() if r.name in N.NORMALIZERS]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_normalizer_reads_only_groups_its_rule_always_fills(rule):
    fn = N.NORMALIZERS[rule.name]
    optional = subscripted_groups(fn) - mandatory_groups(rule.regex.pattern) - {"parts"}
    assert not optional, (f"rules.jsonl rule {rule.name!r}: normalizer {fn.__name__} reads optional group(s) "
                          f"{sorted(optional)} with g[...]; use g.get(...) and handle the missing group")


def test_mandatory_groups_sees_optional_groups():
    assert mandatory_groups(r"(?P<a>x)(?:(?P<b>y)\s+)?(?P<c>z|(?P<d>w))") == {"a", "c"}


def test_every_rule_has_a_normalizer():
    missing = [r.name for r in rules() if r.name not in N.NORMALIZERS]
    assert not missing, f"rules.jsonl rules without a normalizer in normalize.py: {missing}"


def test_day_range_with_its_month_named_first():
    dates = extract_text("Talks were held between March 5-9, 1918 on the withdrawal.", doc_id="ww1")["dates"]
    got = [(r.text, r.value) for r in dates.itertuples()]
    assert got == [("between March 5-9, 1918", "1918-03-05/1918-03-09")]


def test_a_normalizer_that_raises_costs_one_expression(monkeypatch, nlp):
    def boom(g, ctx):
        raise ValueError("broken on purpose")
    monkeypatch.setitem(N.NORMALIZERS, "date_dmy", boom)
    tables = extract_text("On 4 May 1992 the town fell. In 1993 it was retaken.", doc_id="faulty", nlp=nlp)
    dates = {r.text: r for r in tables["dates"].itertuples()}
    assert dates["4 May 1992"].value == "" and dates["4 May 1992"].start_date == ""
    assert dates["1993"].value == "1993"
    warnings = tables["documents"].iloc[0]["warnings"]
    assert "'4 May 1992'" in warnings and "date_dmy" in warnings and "broken on purpose" in warnings
    assert re.search(r"at \d+-\d+", warnings)


def test_a_number_that_raises_costs_one_figure(monkeypatch, nlp):
    from pipeline.numbers import component
    real = component.values_of

    def flaky(g):
        if g.get("n1") == "300":
            raise ValueError("broken on purpose")
        return real(g)
    monkeypatch.setattr(component, "values_of", flaky)
    tables = extract_text("In 1993, 300 soldiers and 40 civilians were killed.", doc_id="faulty", nlp=nlp)
    assert list(tables["quantities"]["text"]) == ["40"]
    warnings = tables["documents"].iloc[0]["warnings"]
    assert "'300'" in warnings and "broken on purpose" in warnings and re.search(r"at \d+-\d+", warnings)


def test_day_numbers_and_units_hold_across_the_era():
    from pipeline.time.calendar import day_number, hist_unit_interval
    assert day_number("-0001-12-31") + 1 == day_number("0001-01-01")           # no year 0
    assert day_number("-0218-12-31") - day_number("-0218-01-01") == 364
    assert day_number("-0241-12-31") - day_number("-0241-01-01") == 365          # 241 BC: a leap year (astronomical -240)
    assert day_number("1 BC") is None
    assert hist_unit_interval("-0241-06-15", "year") == ("-0241-01-01", "-0241-12-31")
    assert hist_unit_interval("-0241-02-10", "month") == ("-0241-02-01", "-0241-02-29")
    assert hist_unit_interval("1941-02-10", "month") == ("1941-02-01", "1941-02-28")
