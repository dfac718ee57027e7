"""cxroadmap: plan a customer-experience strategy as a roadmap, see it and print it."""

__version__ = "0.1.0"

# Before any module of the package defines a dataclass (see common/dataclass_cache.py).
from cxroadmap.common import dataclass_cache

dataclass_cache.install()
