"""The cascade: an organisation strategy with department strategies below it and teams below those.

All strategies of one document form a `Cascade`. A strategy names its parent by key
(`Strategy.parent`); an initiative names what it supports as `SupportLink`s to
initiatives of its parent strategy or of an ancestor further up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.limits import MAX_CASCADE_DEPTH, MAX_STRATEGIES
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.domain.support import SupportLink

_SUPPORTS = attrgetter("supports")


def order_parents_first(strategies: Iterable[Strategy]) -> list[Strategy]:
    """The strategies as a depth-first walk of the tree: each parent before its children.

    Siblings keep their given order; a strategy whose parent is not in the list is a root.
    A parent cycle is broken at the first strategy met (validate_cascade reports it). A
    scenario comes right after the strategy it is a scenario of.
    """
    items = list(strategies)
    keys = {s.key for s in items if s.key}
    children: dict[str, list[Strategy]] = {}
    roots: list[Strategy] = []
    for strategy in items:
        above = strategy.parent if strategy.scenario_of is None else strategy.scenario_of
        if above is not None and above in keys and above != strategy.key:
            children.setdefault(above, []).append(strategy)
        else:
            roots.append(strategy)
    for below in children.values():
        # Scenarios first: each follows the strategy it copies, before that one's children.
        below.sort(key=lambda s: s.scenario_of is None)
    ordered: list[Strategy] = []
    seen: set[int] = set()

    def walk(top: Strategy) -> None:
        # A loop, not recursion: a hostile document may nest thousands deep.
        todo = [top]
        while todo:
            strategy = todo.pop()
            if id(strategy) in seen:
                continue
            seen.add(id(strategy))
            ordered.append(strategy)
            todo.extend(reversed(children.get(strategy.key, []) if strategy.key else []))

    for root in roots:
        walk(root)
    for strategy in items:  # only strategies caught in a parent cycle are left
        walk(strategy)
    return ordered


@dataclass(frozen=True)
class SupportPair:
    """One alignment link, resolved: `child` initiative of `child_strategy` supports `parent`."""

    child_strategy: Strategy
    child: Initiative
    link: SupportLink
    parent_strategy: Strategy
    parent: Initiative


class Cascade:
    """The strategies of one document, parents before children, with tree helpers."""

    def __init__(self, strategies: Iterable[Strategy]) -> None:
        self.strategies = order_parents_first(strategies)
        self._by_key = {s.key: s for s in self.strategies if s.key}

    def __iter__(self) -> Iterator[Strategy]:
        return iter(self.strategies)

    def __len__(self) -> int:
        return len(self.strategies)

    @property
    def root(self) -> Strategy | None:
        """The first top-level strategy (the organisation strategy of a cascade)."""
        return self.strategies[0] if self.strategies else None

    def get(self, key: str) -> Strategy | None:
        return self._by_key.get(key)

    def find(self, key_or_name: str) -> Strategy | None:
        """A strategy by key, or else by name (for `--strategy KEY|NAME`)."""
        found = self.get(key_or_name)
        if found is not None:
            return found
        return next((s for s in self.strategies if s.name == key_or_name), None)

    def parent_of(self, strategy: Strategy) -> Strategy | None:
        return None if strategy.parent is None else self._by_key.get(strategy.parent)

    def children(self, strategy: Strategy) -> list[Strategy]:
        """The strategies right below `strategy`; scenarios never roll up into the cascade."""
        if not strategy.key:
            return []
        return [
            s
            for s in self.strategies
            if s.parent == strategy.key and s is not strategy and s.scenario_of is None
        ]

    def scenarios_of(self, strategy: Strategy) -> list[Strategy]:
        """The what-if copies of `strategy` (scenarios.py), in document order."""
        if not strategy.key:
            return []
        return [s for s in self.strategies if s.scenario_of == strategy.key and s is not strategy]

    def original_of(self, scenario: Strategy) -> Strategy | None:
        """The strategy a scenario was copied from (None for a plan of its own)."""
        return None if scenario.scenario_of is None else self._by_key.get(scenario.scenario_of)

    def ancestors(self, strategy: Strategy) -> list[Strategy]:
        """Parent, grandparent, ... within the document (stops at a cycle)."""
        found: list[Strategy] = []
        current = self.parent_of(strategy)
        while current is not None and current is not strategy and not _among(current, found):
            found.append(current)
            current = self.parent_of(current)
        return found

    def descendants(self, strategy: Strategy) -> list[Strategy]:
        found: list[Strategy] = []
        todo = self.children(strategy)
        while todo:
            child = todo.pop(0)
            if _among(child, found) or child is strategy:
                continue
            found.append(child)
            todo = self.children(child) + todo
        return found

    def depth(self, strategy: Strategy) -> int:
        return len(self.ancestors(strategy))

    def tree(self) -> list[tuple[int, Strategy]]:
        """(depth, strategy) for every strategy, parents first: the alignment view's rows."""
        return [(self.depth(s), s) for s in self.strategies]

    def resolve(self, link: SupportLink) -> tuple[Strategy, Initiative] | None:
        """The strategy and initiative a support link points at, or None if not in the document."""
        strategy = self._by_key.get(link.strategy)
        if strategy is None:
            return None
        initiative = strategy.initiatives.get(link.initiative)
        return None if initiative is None else (strategy, initiative)

    def support_pairs(self) -> list[SupportPair]:
        """Every alignment link that resolves, in document order of the supporting side.

        Scenarios' links are left out: they never roll up into the cascade.
        """
        pairs: list[SupportPair] = []
        for strategy in self.strategies:
            if strategy.scenario_of is not None:
                continue  # a what-if is not part of the cascade's alignment
            # Only initiatives with links, picked at C speed: this runs after every edit on
            # the Alignment tab, and most of 20,000 initiatives support nothing.
            for ini in filter(_SUPPORTS, strategy.initiatives.values()):
                for link in ini.supports:
                    target = self.resolve(link)
                    if target is not None:
                        pairs.append(SupportPair(strategy, ini, link, *target))
        return pairs

    def can_support(self, strategy: Strategy, link: SupportLink) -> str | None:
        """Why `strategy` may not hold `link` (a sentence), or None when it may."""
        if strategy.parent is None:
            return f"{_name(strategy)} has no parent strategy to support"
        ancestors = self.ancestors(strategy)
        keys = [a.key for a in ancestors]
        if link.strategy not in keys:
            if self._leaves_document(strategy, ancestors):
                return None  # the chain goes on in another file: cannot be checked here
            return (
                f"{link.strategy!r} is not a strategy above {_name(strategy)} "
                f"(a link may point to {', '.join(keys) or 'no strategy'})"
            )
        target = self._by_key[link.strategy]
        if link.initiative not in target.initiatives:
            return f"{link.strategy} has no initiative with key {link.initiative!r}"
        return None

    def _leaves_document(self, strategy: Strategy, ancestors: list[Strategy]) -> bool:
        top = ancestors[-1] if ancestors else strategy
        return top.parent is not None and top.parent not in self._by_key


def _among(strategy: Strategy, items: list[Strategy]) -> bool:
    # By identity: two strategies may hold equal data.
    return any(strategy is item for item in items)


def _name(strategy: Strategy) -> str:
    return strategy.key or repr(strategy.name)


def validate_cascade(strategies: Iterable[Strategy]) -> Cascade:
    """Check the cascade as a whole; each strategy on its own is checked by validate_strategy.

    Keys are unique; a parent must be in the document unless the strategy is the first
    one (a department exported alone keeps its parent's key); no parent cycles; every
    support link points upward at an initiative that exists. Raises ValidationError
    whose `where` starts with the strategy's key (or name).
    """
    items = list(strategies)
    check_cascade_limits(items)
    seen: dict[str, Strategy] = {}
    for strategy in items:
        if strategy.key in seen:
            raise ValidationError(f"{strategy.key}: strategy.key", "duplicate strategy key")
        if strategy.key:
            seen[strategy.key] = strategy
    cascade = Cascade(items)
    first = items[0] if items else None
    for strategy in items:
        label = _name(strategy)
        if strategy.parent is not None and strategy.parent not in seen and strategy is not first:
            raise ValidationError(
                f"{label}: strategy.parent", f"no strategy with key {strategy.parent!r}"
            )
        chain = [strategy]
        current = cascade.parent_of(strategy)
        while current is not None and not _among(current, chain):
            chain.append(current)
            current = cascade.parent_of(current)
        if current is strategy:
            keys = " -> ".join(s.key for s in [*chain, strategy])
            raise ValidationError(f"{label}: strategy.parent", f"parent cycle: {keys}")
        _check_scenario(strategy, seen, strategy is first)
    for strategy in cascade:
        for key, ini in strategy.initiatives.items():
            for j, link in enumerate(ini.supports):
                problem = cascade.can_support(strategy, link)
                if problem is not None:
                    raise ValidationError(
                        f"{_name(strategy)}: initiatives[{key}].supports[{j}]", problem
                    )
    return cascade


def _check_scenario(strategy: Strategy, seen: dict[str, Strategy], first: bool) -> None:
    """A scenario copies a plan of the document; nothing hangs below a scenario."""
    label = _name(strategy)
    parent = seen.get(strategy.parent) if strategy.parent is not None else None
    if parent is not None and parent.scenario_of is not None:
        raise ValidationError(
            f"{label}: strategy.parent", f"{parent.key!r} is a scenario; nothing can sit below it"
        )
    if strategy.scenario_of is None:
        return
    original = seen.get(strategy.scenario_of)
    if original is None:
        if first:
            return  # a scenario exported alone keeps its original's key, like a parent
        raise ValidationError(
            f"{label}: strategy.scenario_of", f"no strategy with key {strategy.scenario_of!r}"
        )
    if original.scenario_of is not None:
        raise ValidationError(
            f"{label}: strategy.scenario_of",
            f"{original.key!r} is itself a scenario; a scenario copies a plan of its own",
        )


def check_cascade_limits(strategies: list[Strategy]) -> None:
    """At most MAX_STRATEGIES strategies, nested at most MAX_CASCADE_DEPTH deep."""
    if len(strategies) > MAX_STRATEGIES:
        raise ValidationError(
            "strategies",
            f"the document has {len(strategies):,} strategies; at most {MAX_STRATEGIES} "
            "are allowed",
        )
    parent_of = {s.key: s.parent for s in strategies if s.key}
    for strategy in strategies:
        depth, current, met = 0, strategy.parent, {strategy.key}
        # A parent cycle ends the walk; validate_cascade names it with its own message.
        while current in parent_of and current not in met and depth <= MAX_CASCADE_DEPTH:
            met.add(current)
            depth, current = depth + 1, parent_of[current]
        if depth > MAX_CASCADE_DEPTH:
            raise ValidationError(
                f"{_name(strategy)}: strategy.parent",
                f"strategies are nested more than {MAX_CASCADE_DEPTH} deep",
            )
