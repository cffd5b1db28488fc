"""Page planning: which pages exist, at which URL, with which view objects (no Jinja)."""
