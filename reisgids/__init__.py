"""reisgids: a static site generator for a reisgids zorg en welzijn (care and welfare guide)."""

from pathlib import Path

__version__ = "0.2.0"
# the built-in themes, package data; here so that modules that must stay light (the build
# cache's namespace, cache_open.py) and the configuration name the same folder
BUILTIN_THEMES = Path(__file__).resolve().parent / "themes"
