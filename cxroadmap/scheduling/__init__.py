"""Scheduling: the planner over the domain (forward and backward passes, levelling)."""
