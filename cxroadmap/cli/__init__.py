"""The command line: argument parser and command implementations (the entry point is app.py)."""
