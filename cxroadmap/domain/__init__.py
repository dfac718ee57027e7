"""The domain layer: plain Python objects for a strategy and its edits (standard library only).

Import from its modules (`cxroadmap.domain.model`, `.edits`, ...): the package re-exports nothing.
"""
