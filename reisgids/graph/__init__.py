"""The content graph: references, backlinks, taxonomies and one URL per entry."""
