"""Content built from domain objects: the demo cascade and the starter templates."""
