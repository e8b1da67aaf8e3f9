"""Stage 1, ingest: find the input files and read them into raw documents or rejections."""

from newsweave.ingest.readers import ReadOptions, read_path
from newsweave.ingest.sources import expand_inputs

__all__ = ["ReadOptions", "expand_inputs", "read_path"]
