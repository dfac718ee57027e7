"""Qt item models: thin adapters that show the domain objects in views."""
