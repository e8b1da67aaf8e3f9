"""newsweave: read the world's news in many languages and turn it into stories that can be checked."""

__version__ = "0.1.0"
