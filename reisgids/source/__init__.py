"""Reading the site from disk: which files exist, and what each one says."""
