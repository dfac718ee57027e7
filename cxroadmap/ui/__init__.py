"""The desktop app (PySide6): windows, views, Qt models and the undo adapter."""
