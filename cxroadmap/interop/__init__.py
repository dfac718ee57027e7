"""Interop: the cxroadmap/1 JSON interchange and other file formats."""
