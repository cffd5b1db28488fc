"""Browser tests (a package, so its conftest and test modules do not shadow the top ones)."""
