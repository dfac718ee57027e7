"""The organisation's workspace: a PostgreSQL database shared by leaders, synced offline-first.

Only this package imports psycopg (server.py); the rest is plain Python and SQLite.
"""
