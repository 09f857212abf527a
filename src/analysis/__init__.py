"""Text analysis of English news: tokens with offsets, word frequency, actors, sentiment."""

__version__ = "0.1.0"
