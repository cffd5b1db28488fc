"""The web editor at /admin/: a Decap CMS config generated from the models, the vendored
editor bundle, and the local backend that `reisgids serve --editor` offers."""
