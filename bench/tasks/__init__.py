"""One module per benchmark task; each exposes run(data_dir, limit) -> dict of metrics."""
