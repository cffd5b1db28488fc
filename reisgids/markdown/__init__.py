"""Markdown bodies to safe HTML: the public API of the Markdown stage."""
