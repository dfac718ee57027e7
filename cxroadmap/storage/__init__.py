"""Storage: the .cxroadmap SQLite document written through SQLModel; rows never leave here."""
