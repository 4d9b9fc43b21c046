"""crosswire.geo."""
