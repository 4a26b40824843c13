"""Rendering the validated database into pages: core HTML rendering, independent of MkDocs."""
