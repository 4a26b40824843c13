"""Contributor and maintainer tools: new entries, spreadsheet import, diffs, translation and review status."""
