"""crosswire.engines."""
