"""Scaling out: the Dask runner (``newsweave run --dask``), the folder watcher, generated corpora."""
