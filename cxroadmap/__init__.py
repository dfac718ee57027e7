"""cxroadmap: plan a customer-experience strategy as a roadmap, see it and print it."""

__version__ = "0.1.0"

# Before any module of the package defines a dataclass or compiles a regular expression
# (see common/dataclass_cache.py and common/regex_cache.py).
from cxroadmap.common import dataclass_cache, regex_cache

dataclass_cache.install()
regex_cache.install()
