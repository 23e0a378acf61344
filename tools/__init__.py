"""Maintenance scripts: rebuild the derived data files, measure the code, snapshot the extraction."""
