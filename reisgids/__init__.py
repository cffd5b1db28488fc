"""reisgids: a static site generator for a reisgids zorg en welzijn (care and welfare guide)."""

__version__ = "0.1.0"
