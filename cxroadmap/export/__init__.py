"""Export: the printable PDF roadmap (reportlab)."""
