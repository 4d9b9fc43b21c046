"""crosswire.nlp."""
