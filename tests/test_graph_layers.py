"""The graph's layers without networkx: the same columns, in the same order, as it gave."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
from pathlib import Path

import networkx as nx

from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.ui.views.graph_layout import layers

_SPEC = importlib.util.spec_from_file_location(
    "bench_dag", Path(__file__).resolve().parents[1] / "benchmarks" / "dag.py"
)
assert _SPEC is not None and _SPEC.loader is not None
bench_dag = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_dag)


def networkx_layers(strategy: Strategy) -> list[list[str]]:
    """The layering as it was computed with networkx (the reference)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(strategy.initiatives)
    graph.add_edges_from(d.pair for d in strategy.dependencies)
    order = {key: i for i, key in enumerate(strategy.initiatives)}
    position: dict[str, float] = {}
    result = []
    for generation in nx.topological_generations(graph):

        def rank(key: str) -> tuple[float, int]:
            preds = [position[p] for p in graph.predecessors(key)]
            return (sum(preds) / len(preds) if preds else float(order[key]), order[key])

        ordered = sorted(generation, key=rank)
        for i, key in enumerate(ordered):
            position[key] = float(i)
        result.append(ordered)
    return result


def test_layers_of_generated_roadmaps_are_networkx_layers():
    for n, seed in ((50, 1), (400, 2), (2000, 3)):
        strategy = bench_dag.layered_dag(n, seed=seed)
        assert layers(strategy) == networkx_layers(strategy)


def test_layers_of_random_graphs_with_repeated_links_are_networkx_layers():
    rng = random.Random(5)
    for _ in range(40):
        keys = [f"K{i}" for i in range(rng.randint(1, 30))]
        strategy = Strategy(name="s", start=dt.date(2027, 1, 4))
        strategy.initiatives = {k: Initiative(key=k, title=k, duration=1) for k in keys}
        for _ in range(rng.randint(0, 60)):
            a, b = sorted(rng.sample(range(len(keys)), 2)) if len(keys) > 1 else (0, 0)
            if a != b:
                strategy.dependencies.append(Dependency(keys[a], keys[b]))
        rng.shuffle(strategy.dependencies)
        assert layers(strategy) == networkx_layers(strategy)


def test_a_cycle_leaves_its_initiatives_in_a_last_column_instead_of_failing():
    strategy = Strategy(name="s", start=dt.date(2027, 1, 4))
    strategy.initiatives = {k: Initiative(key=k, title=k, duration=1) for k in "ABC"}
    strategy.dependencies = [Dependency("B", "C"), Dependency("C", "B")]
    assert layers(strategy) == [["A"], ["B", "C"]]
