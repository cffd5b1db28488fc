"""reisgids: a static site generator for a reisgids zorg en welzijn (care and welfare guide)."""

__version__ = "0.2.0"
