"""What the worker's last plans read (validation's survey, the graph), reused where unchanged."""

from __future__ import annotations

from itertools import compress
from operator import is_, is_not, ne

from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.quick_checks import Ends, Survey, dependencies_fine, initiatives_fine
from cxroadmap.scheduling.graph import DependencyGraph, build_graph, link_offset
from cxroadmap.scheduling.scans import positions


class PlanMemo:
    """Validation's survey and the dependency graph of the last plans, for the next one.

    Only for strategies that are never changed once planned (ui/snapshots.py's copies,
    planned on the worker): there, an initiative or dependency that is the very object of
    an earlier plan has the same values, so its record tests need not run again, and
    when the keys and every dependency are the same objects the graph's structure (the
    topological order, the links' order) is the same. Everything else is done as a plain
    `schedule()` does it, and the result is the same: `survey` returns what
    `records_look_fine` would, and `graph` what `build_graph` would. Not thread-safe: one
    worker thread at a time.
    """

    def __init__(self) -> None:
        # The survey's inputs and results, per initiative position, all of one strategy
        # whose records all looked fine (a cache: an older one stays right for its objects).
        self._keys: list[str] = []
        self._values: list[Initiative] = []
        self._names: set[str] | None = None
        self._unusual: list[bool] = []
        self._durations: list[int] = []
        self._titles: list[str] = []
        self._deps: list[Dependency] = []
        self._ends: Ends | None = None
        # Bumped whenever the keys or the dependencies are not the very same objects.
        self._structure = 0
        # The last survey given, its strategy, and the structure it belongs to.
        self._given: tuple[Strategy, Survey] | None = None
        self._graph: DependencyGraph | None = None
        self._graph_structure = -1
        self._touching: list[list[int]] | None = None  # per position, its links' indices
        self._into: list[int] | None = None  # per link (dependency index), its place in `into`
        # Whether the last survey skipped the tests of initiatives seen before.
        self.reused = False

    def survey(self, strategy: Strategy) -> Survey | None:
        """What `records_look_fine(strategy)` returns, checking only records not seen."""
        self._given = None
        self.reused = False
        try:
            found = self._survey(strategy)
        except Exception:  # an odd value: the ordered checks raise what they raise
            return None
        if found is None:
            self.reused = False  # validation looks closer: as slow as a plain plan
        else:
            self._given = (strategy, found)
        return found

    def _survey(self, strategy: Strategy) -> Survey | None:
        initiatives = strategy.initiatives
        keys = list(initiatives)
        values = list(initiatives.values())
        names = {phase.name for phase in strategy.phases}
        n = len(keys)
        old = self._keys
        same_keys = self._names is not None and len(old) == n and all(map(is_, keys, old))
        changed: list[int] | None = None
        if not same_keys or names != self._names or not all(type(m) is str for m in names):
            found = initiatives_fine(initiatives, names)
            if found is None:
                return None
            unusual, durations, titles = found
            flags = [False] * n
            for i in positions(keys, unusual):
                flags[i] = True
        else:
            # Only the initiatives that are not the objects seen last time are tested
            # (the test of one reads only it, its key and the phase names).
            changed = list(compress(range(n), map(is_not, values, self._values)))
            found = initiatives_fine({keys[i]: values[i] for i in changed}, names)
            if found is None:
                return None
        deps = strategy.dependencies
        ends = self._ends
        same_deps = len(deps) == len(self._deps) and all(map(is_, deps, self._deps))
        if not (same_keys and same_deps) or ends is None:
            ends = dependencies_fine(strategy)
            if ends is None:
                return None
            self._structure += 1
            self._deps = list(deps)
        self._ends = ends
        if changed is None:
            self._keys, self._values, self._names = keys, values, names
            self._unusual, self._durations, self._titles = flags, durations, titles
        else:
            # The memo's own lists are patched, not made again: lists kept past the plan
            # are walked by the cyclic collector once it runs again (at 20,000 initiatives
            # every list of them costs it about a millisecond), those dropped are not.
            flags, durations, titles, kept = (
                self._unusual,
                self._durations,
                self._titles,
                self._values,
            )
            odd = set(found[0])
            for i, duration, title in zip(changed, found[1], found[2], strict=True):
                flags[i], durations[i], titles[i], kept[i] = (
                    keys[i] in odd,
                    duration,
                    title,
                    values[i],
                )
            unusual = list(compress(keys, flags))
            self.reused = True
        # Fresh lists: whoever reads a survey may keep it; the memo's own stay its own.
        return Survey(
            unusual,
            list(durations),
            list(titles),
            sum(durations) + ends.positive,
            list(ends.froms),
            list(ends.tos),
            list(ends.kinds),
            list(ends.lags),
        )

    def graph(self, strategy: Strategy, survey: Survey | None) -> DependencyGraph:
        """What `build_graph(strategy, survey)` returns, its structure kept from the last
        plan when the keys and dependencies are the same objects (offsets made again for
        the links of initiatives whose duration changed)."""
        given, self._given = self._given, None  # the survey is not kept past its plan
        if survey is None or given is None or given[0] is not strategy or given[1] is not survey:
            return build_graph(strategy, survey)
        last = self._graph
        if last is None or self._graph_structure != self._structure:
            made = build_graph(strategy, survey)  # raises CycleError on a cycle: not kept
            self._graph, self._graph_structure = made, self._structure
            self._touching = self._into = None
            return made
        durations = survey.durations
        if durations == last.durations:
            return last  # graphs are only read (the passes and apply_progress make new lists)
        # The last graph's lists are patched in place (nothing else holds them once its
        # plan is made; see survey on the collector) and a new graph object shares them
        # (its links' lists per initiative, `preds`/`succs`, are made again if asked for).
        kept, links, into = last.durations, last.links, last.into
        moved = list(compress(range(len(durations)), map(ne, durations, kept)))
        for i in moved:
            kept[i] = durations[i]
        deps = strategy.dependencies
        touching = self._links_touching(last)
        if self._into is None:
            self._into = [0] * len(into)
            for at, link in enumerate(into):
                self._into[link[3]] = at
        where = self._into
        for j in {j for i in moved for j in touching[i]}:
            p, s, _, _ = links[j]
            dep = deps[j]
            links[j] = into[where[j]] = (
                p,
                s,
                link_offset(dep.type, dep.lag, kept[p], kept[s]),
                j,
            )
        # The links' ends are the same: so is the column of successors.
        made = DependencyGraph(last.keys, kept, links, last.order, into, last.place, last.into_succ)
        self._graph = made
        return made

    def _links_touching(self, graph: DependencyGraph) -> list[list[int]]:
        """Per initiative position, the indices of the links with it at either end."""
        if self._touching is None:
            touching: list[list[int]] = [[] for _ in graph.keys]
            for p, s, _, j in graph.links:
                touching[p].append(j)
                touching[s].append(j)
            self._touching = touching
        return self._touching
