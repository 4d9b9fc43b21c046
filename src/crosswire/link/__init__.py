"""crosswire.link."""
