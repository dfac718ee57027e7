"""The processes the SIGKILL harness kills, forked from one warm parent so each costs little.

The parent reads `MODE PROGRESS ARG...` lines on stdin, forks a child for each and answers
`pid N`. A child edits, imports, exports or backs up until it is killed, and writes what
it has committed to PROGRESS with unbuffered writes (they survive the kill).
"""

import os
import signal
import sys
import time

from cxroadmap.app import main
from cxroadmap.domain.model import Initiative
from cxroadmap.interop import jsonfile  # noqa: F401  (warm: the children import nothing)
from cxroadmap.storage.document import Document


def _say(fd: int, text: str) -> None:
    os.write(fd, f"{text}\n".encode())


def edits(fd: int, path: str) -> None:
    """Add initiatives K<n+1>, K<n+2>, … one committed edit at a time, saying each one."""
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        strategy = doc.load(sid)
        count = sum(1 for key in strategy.initiatives if key.startswith("K"))
        _say(fd, f"ready {count}")
        while True:
            count += 1
            strategy.initiatives[f"K{count}"] = Initiative(f"K{count}", f"Edit {count}", count % 9)
            doc.replace_strategy(sid, strategy)
            _say(fd, f"committed {count}")


def first_edits(fd: int, path: str) -> None:
    """Open, make one edit (the session's backup comes first), close; again and again."""
    _say(fd, "ready")
    while True:
        with Document.open(path) as doc:
            sid = doc.strategy_ids()[0]
            strategy = doc.load(sid)
            strategy.vision = f"{time.monotonic_ns()}"
            doc.replace_strategy(sid, strategy)


def command(fd: int, args: list[str]) -> None:
    _say(fd, "ready")
    while True:
        main(args)


def child(mode: str, progress: str, args: list[str]) -> None:
    fd = os.open(progress, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    if mode == "edits":
        edits(fd, args[0])
    elif mode == "backup":
        first_edits(fd, args[0])
    else:
        command(fd, args)


def serve() -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    print("warm", flush=True)
    for line in sys.stdin:
        mode, progress, *args = line.split("\t")
        args[-1] = args[-1].rstrip("\n")
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                child(mode, progress, args)
            finally:
                os._exit(0)
        print(f"pid {pid}", flush=True)


if __name__ == "__main__":
    serve()
