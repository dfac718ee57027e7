"""One laptop of the 20-client run: random edits and syncs for N seconds, then a report.

Run as `python workspace_client.py FILE SEED SECONDS`; prints JSON: sync latencies, the
keys of initiatives it added whose sync went through, conflicts it saw.
"""

import json
import random
import sys
import time

from cxroadmap.domain.edits import AddInitiative, ChangeInitiative
from cxroadmap.domain.model import Initiative
from cxroadmap.storage.document import Document
from cxroadmap.storage.workspace.copies import conflict_lines, resolve
from cxroadmap.storage.workspace.sync import sync

EDITABLE = ("CARE", "STORES", "CARE-T1")


def one_edit(doc, rng, name, n, added):
    pairs = [(sid, s) for sid, s in doc.load_all_with_ids() if s.key in EDITABLE]
    sid, strategy = rng.choice(pairs)
    if rng.random() < 0.4:
        key = f"{name}-{n}"
        edit = AddInitiative(Initiative(key, f"Added by {name}", duration=rng.randint(1, 9)))
        added.append((strategy.key, key))
    else:
        key = rng.choice(list(strategy.initiatives))
        field = rng.choice(["owner", "description", "pillar"])
        edit = ChangeInitiative(key, {field: f"{name}-{n}"})
    doc.write_change(sid, strategy, edit.apply(strategy))


def main():
    path, seed, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    rng = random.Random(seed)
    name = f"c{seed}"
    latencies, added, committed, conflicts = [], [], [], 0
    end = time.monotonic() + seconds
    n = 0
    with Document.open(path) as doc:
        while time.monotonic() < end:
            n += 1
            one_edit(doc, rng, name, n, added)
            began = time.perf_counter()
            report = sync(doc)
            latencies.append((time.perf_counter() - began) * 1000)
            committed.extend(added)
            added.clear()
            for line in conflict_lines(report.conflicts):
                conflicts += 1
                resolve(
                    doc, f"{line.key}.{line.field}", rng.choice(["mine", "theirs"]), line.strategy
                )
            time.sleep(rng.uniform(0.1, 0.6))
    print(json.dumps({"latencies": latencies, "added": committed, "conflicts": conflicts}))


if __name__ == "__main__":
    main()
