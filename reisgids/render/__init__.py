"""Rendering: Markdown bodies, view objects, Jinja templates and other outputs."""
