"""crosswire's quality and speed benchmarks against ../shared/data (see bench/README.md)."""
