"""Roadmap views for presenting: timeline (Gantt), phase board, dependency graph, presentation."""
