"""Typed content models: pure data, no I/O, no YAML, no Jinja, no Markdown."""
