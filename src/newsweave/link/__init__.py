"""Stage 4, link: relate each article to what the store already holds (duplicates; later entities, stories)."""

from newsweave.link.duplicates import DuplicateMemory, find_duplicate, fingerprint

__all__ = ["DuplicateMemory", "find_duplicate", "fingerprint"]
