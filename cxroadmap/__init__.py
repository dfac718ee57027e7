"""cxroadmap: plan a customer-experience strategy as a roadmap, see it and print it."""

__version__ = "0.1.0"
