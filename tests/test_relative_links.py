"""Relative links between generated pages: the fast path in pages.relative agrees with posixpath.relpath."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from generator.site.pages import page_url, relative

segment = st.sampled_from(["entries", "tags", "a", "b", "media", "x.md", "y.jpg", "index.md", "p2.md"])
path = st.lists(segment, min_size=1, max_size=4).map("/".join)


@given(path, path)
def test_relative_equals_relpath(from_path: str, to_path: str) -> None:
    expected = posixpath.relpath(page_url(to_path), posixpath.dirname(page_url(from_path)) or ".")
    assert relative(from_path, to_path) == expected


def test_relative_examples() -> None:
    assert relative("index.md", "entries/a.md") == "entries/a.html"
    assert relative("entries/a.md", "entries/b.md") == "b.html"
    assert relative("tags/x.md", "entries/b.md") == "../entries/b.html"
    assert relative("entries/a.md", "media/a/p.jpg") == "../media/a/p.jpg"
    assert relative("a/b/c.md", "a/x.md") == "../x.html"
