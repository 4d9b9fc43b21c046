"""Who says what: statements attributed to a source ("according to X", "X said ...", quotes).

The `attribution` stage fills `article.claims`; `source_for_span` tells the figures and events stages
who gives a number or tells an event, so each record carries the source a reader would cite.
"""

from .attribution import AttributionStage, claims_covering, find_claims, source_for_span

__all__ = ["AttributionStage", "claims_covering", "find_claims", "source_for_span"]
