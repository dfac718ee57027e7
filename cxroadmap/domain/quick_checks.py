"""One quick pass over a strategy's initiatives and dependencies: True when none needs a look.

validate_strategy runs it first. When it says yes, the per-initiative and per-dependency
loops of the ordered checks (limits, fields, links) would all pass, so they are skipped
and the rest of the checks run in their usual order; when it says no (or stumbles on an
odd value), every check runs in its usual order. Either way the first error raised, and
its message, are the ones the ordered checks give. It is conservative by construction:
it tests, at once, what those loops test before they look closer, or more.

Why: those loops were most of validating, and validating a third of `schedule()` at
5,000 initiatives. Here each initiative is one compiled expression (from the registry,
so a new field is tested without a line here) in one compiled loop that reads each
field once, and lengths with the same limit are tested by their sum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from cxroadmap.domain.fields import LONG_TEXT, TEXT, record_env, record_test
from cxroadmap.domain.limit_checks import INITIATIVE_LIMITS, limit_test
from cxroadmap.domain.limits import (
    MAX_DATE,
    MAX_DURATION_DAYS,
    MAX_KEY_LENGTH,
    MAX_LAG_DAYS,
    MIN_DATE,
)
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.domain.registry import DEPENDENCY, INITIATIVE

_TYPES = frozenset(DEPENDENCY["type"].choices)
_BUILTINS = ("type", "str", "int", "float", "len")
_AND = "\n            and "
_IF = "        if not (\n            {}\n        ):\n            return None\n"


@dataclass(frozen=True)
class Survey:
    """What the quick pass found in a plan none of whose records needs a closer look."""

    # The keys of the initiatives that set a field most leave unset (`UNUSUAL`), in order.
    unusual: list[str]
    # Every initiative's duration and title, in order (the planner's, read once here).
    durations: list[int]
    titles: list[str]
    # The sum of the durations and of the positive lags (the limits' span check).
    work: int
    # Per dependency, in order: the positions of its from_key and to_key among the
    # initiatives (the planner's graph is made of these, looked up once here).
    froms: list[int]
    tos: list[int]
    # Per dependency, in order: its type (one of the four as filed) and its lag, so the
    # planner's graph reads these lists, not the dependencies again.
    kinds: list[str]
    lags: list[int]


def records_look_fine(strategy: Strategy) -> Survey | None:
    """None when an initiative or dependency of `strategy` needs a closer look, else what
    the pass found on the way (`Survey`).

    Initiatives: key as filed and short enough, duration and not-before date inside the
    limits, every field passing its registry test (`fields.record_test`) and its length
    limit (`limit_checks.limit_test`), a phase pin naming a phase. Dependencies: both ends
    exist, not on itself, no pair twice, a known type, a whole-number lag inside the limit.
    """
    try:
        names = {phase.name for phase in strategy.phases}
        found = initiatives_fine(strategy.initiatives, names)
        if found is None:
            return None
        ends = dependencies_fine(strategy)
        if ends is None:
            return None
        unusual, durations, titles = found
        work = sum(durations) + ends.positive
        return Survey(unusual, durations, titles, work, ends.froms, ends.tos, ends.kinds, ends.lags)
    except Exception:  # an odd value: the ordered checks raise what they raise
        return None


# What makes an initiative "unusual": a start bound, progress, links to touchpoints or
# other strategies, or being dropped. The checks and passes that only look at these
# (progress_checks, cx_validation, the planner's bounds and warnings) visit just those
# keys, where each was a loop over every initiative (a few at 5,000 cost 2 ms).
UNUSUAL = (
    "v_not_before is not None or v_phase is not None or v_actual_start is not None"
    " or v_actual_finish is not None or v_percent_complete"
    " or not (v_touchpoints == _empty and v_supports == _empty) or v_status == 'dropped'"
)


class Ends(NamedTuple):
    """What `dependencies_fine` read of the dependencies, each list in their order."""

    froms: list[int]  # the position of each one's from_key among the initiatives
    tos: list[int]  # and of its to_key
    positive: int  # the sum of the positive lags (the limits' span check)
    kinds: list[str]  # each one's type, one of the four as filed
    lags: list[int]


def dependencies_fine(strategy: Strategy) -> Ends | None:
    """The positions of each dependency's two ends, its type and lag, and the sum of the
    positive lags (`Ends`), or None when one needs a closer look (a missing end raises
    KeyError: the caller's None)."""
    initiatives = strategy.initiatives
    n = len(initiatives)
    position = dict(zip(initiatives, range(n), strict=True))
    types = _TYPES
    low, high = -MAX_LAG_DAYS, MAX_LAG_DAYS
    froms: list[int] = []
    tos: list[int] = []
    kinds: list[str] = []
    lags: list[int] = []
    positive = 0
    # The same pair twice: `successor[i]` is the to-end of the last link out of position
    # i so far. Roadmaps list links by successor (`tos` in order): every link between a
    # pair and its repeat then has the same to-end, so the repeat finds it there. Links in
    # another order get a set at the end. (A list of each successor's links cost 3 M at
    # 5k; a set of every pair, at 20k, a table the size of the L2 cache; telling the order
    # by sorting `tos`, 30k more L2 misses at 20k than this test in the loop.)
    successor = [-1] * n
    last = -1
    ordered = True
    for dep in strategy.dependencies:
        before = position[dep.from_key]
        after = position[dep.to_key]
        kind = dep.type
        lag = dep.lag
        # Equal positions are equal keys (the dictionary's own test), as in the ordered
        # check's `from_key == to_key`. Two comparisons, not a chained one (specialised).
        if not (
            before != after
            and successor[before] != after
            and kind in types
            and type(lag) is int
            and lag >= low
            and lag <= high
        ):
            return None
        successor[before] = after
        if after < last:
            ordered = False
        last = after
        # Method calls, not bound methods kept in locals: 3.11 runs `list.append` inline.
        froms.append(before)
        tos.append(after)
        kinds.append(kind)
        lags.append(lag)
        if lag > 0:
            positive += lag
    if not ordered and len(set(zip(froms, tos, strict=True))) != len(froms):
        return None
    return Ends(froms, tos, positive, kinds, lags)


def initiative_test_source() -> tuple[str, dict[str, object]]:
    """The source of the compiled loop over initiatives, and the names it uses."""
    env = record_env()
    # _empty: an empty list to compare with, never changed (no new list per initiative).
    env.update(_low=MIN_DATE, _high=MAX_DATE, _date=dt.date, _empty=[])
    fields = record_test(INITIATIVE, "v_{}", env)
    # A text field's own test makes it a str, so its length can join a sum: lengths at
    # most L each if their sum is (a long sum only sends the plan the slow way).
    texts = {f.name for f in INITIATIVE.values() if f.kind in (TEXT, LONG_TEXT)}
    summed: dict[int, list[str]] = {}
    rest = []
    for name, limit, kind in INITIATIVE_LIMITS:
        if name == "key":
            continue  # the key's own test below: equal to the filed key, which is short
        if limit is not None and name in texts:
            summed.setdefault(int(limit), []).append(f"len(v_{name})")
        else:
            limited = limit_test(((name, limit, kind),), "v_{}")
            # None first: a pin left unset skips the type() call (0.5 M at 5k).
            rest.append(
                f"(v_{name} is None or {limited})" if INITIATIVE[name].nullable else limited
            )
    sums = [f"{' + '.join(lengths)} <= {limit}" for limit, lengths in summed.items()]
    registry = _clauses(fields)
    # The planner's range; its lower end only if the registry's test lacks `>= 0` (one
    # comparison, not a chained one: 0.5 M at 5k).
    low = "" if "v_duration >= 0" in registry else f"{-MAX_DURATION_DAYS} <= "
    tests = [
        "type(key) is str",
        "not v_key != key",
        f"len(key) <= {MAX_KEY_LENGTH}",
        *registry,
        *sums,
        *(clause for limited in rest for clause in _clauses(limited)),
        "type(v_duration) is int",
        f"{low}v_duration <= {MAX_DURATION_DAYS}",
        "(v_not_before is None or type(v_not_before) is _date)",
        "(v_not_before is None or _low <= v_not_before <= _high)",
        "(v_phase is None or v_phase in phases)",
    ]
    # Each test once (the registry's, the limits' and the planner's overlap), in order,
    # a few to an `if`: one `if` of them all jumped so far that each jump took an
    # EXTENDED_ARG, and 3.11 specialises a comparison only when a jump follows it
    # (4 M instructions at 5k). test_quick_checks checks that none is left.
    unique = list(dict.fromkeys(tests))
    test = "".join(_IF.format(_AND.join(unique[at : at + 6])) for at in range(0, len(unique), 6))
    reads = "".join(f"        v_{name} = r.{name}\n" for name in INITIATIVE)
    # The builtins and the tests' names as parameters, so each is read as a fast local
    # (about 7 % of the loop).
    local = ", ".join(f"{name}={name}" for name in [*_BUILTINS, *sorted(env)])
    source = f"""
def fine(initiatives, phases, {local}):
    unusual = []
    durations = []
    titles = []
    for key, r in initiatives.items():
{reads}{test}        durations.append(v_duration)
        titles.append(v_title)
        if {UNUSUAL}:
            unusual.append(key)
    return unusual, durations, titles
"""
    return source, env


def _clauses(test: str) -> list[str]:
    """The parts of a test joined by `and` at its top level, a bracketed part made only of
    such parts opened up too: "a and (b and c)" gives a, b and c (so repeats can go)."""
    opened: list[str] = []
    for part in _top_level(test, " and "):
        inner = part[1:-1]
        if (
            part.startswith("(")
            and part.endswith(")")
            and _top_level(inner, ")") == [inner]  # one bracket around it all
            and len(_top_level(inner, " or ")) == 1
        ):
            opened.extend(_clauses(inner))
        else:
            opened.append(part)
    return opened


def _top_level(test: str, word: str) -> list[str]:
    """`test` split at each `word` outside brackets and quotes."""
    parts: list[str] = []
    depth = start = 0
    quote = ""
    for at, char in enumerate(test):
        if quote:
            quote = "" if char == quote else quote
        elif depth == 0 and test.startswith(word, at):
            parts.append(test[start:at])
            start = at + len(word)
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
    parts.append(test[start:])
    return parts


def _initiatives_check() -> Callable[
    [Mapping[str, Initiative], set[str]], tuple[list[str], list[int], list[str]] | None
]:
    """The compiled loop: None at the first initiative that needs a closer look, else the
    keys of the unusual ones, and every duration and title."""
    source, env = initiative_test_source()
    exec(source, env)
    return env["fine"]  # type: ignore[return-value]


initiatives_fine = _initiatives_check()
