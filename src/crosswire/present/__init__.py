"""crosswire.present."""
