"""Shared check of `cxroadmap set` refusing bad input: exit 2, one `error:` line, file untouched."""

import hashlib

from cxroadmap.app import main


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(doc, capsys, args, message):
    """`set DOC *args` exits 2 with one error line starting with `message`, and writes nothing."""
    before = digest(doc)
    capsys.readouterr()
    assert main(["set", str(doc), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {doc}: {message}"), err
    assert err.count("\n") == 1
    assert digest(doc) == before
