"""The file's strategies seen item by item, without encoding every item (sync reads few)."""

from __future__ import annotations

from cxroadmap.domain.model import Strategy
from cxroadmap.storage.workspace.items import INITIATIVE, Fields, ItemKey, item_value


class LocalView:
    """Values and shapes (which initiatives, dependencies, support links) of the strategies."""

    def __init__(self, strategies: list[Strategy]) -> None:
        self.by_key = {s.key: s for s in strategies}
        self._supporters: dict[tuple[str, str], list[ItemKey]] | None = None

    def value(self, item: ItemKey) -> Fields | None:
        strategy = self.by_key.get(item[0])
        return None if strategy is None else item_value(strategy, item[1], item[2])

    def initiatives(self, skey: str) -> set[str]:
        strategy = self.by_key.get(skey)
        return set() if strategy is None else set(strategy.initiatives)

    def dependencies(self, skey: str) -> set[tuple[str, str]]:
        strategy = self.by_key.get(skey)
        return set() if strategy is None else {d.pair for d in strategy.dependencies}

    def supporters(self, target: str, key: str) -> list[ItemKey]:
        """Initiatives (of any strategy) with a support link to `target`/`key`."""
        if self._supporters is None:
            index: dict[tuple[str, str], list[ItemKey]] = {}
            for s in self.by_key.values():
                for ini in s.initiatives.values():
                    for link in ini.supports:
                        index.setdefault((link.strategy, link.initiative), []).append(
                            (s.key, INITIATIVE, ini.key)
                        )
            self._supporters = index
        return list(self._supporters.get((target, key), []))
