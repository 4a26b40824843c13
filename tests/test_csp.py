"""The Content-Security-Policy trusts the theme's inline scripts by hash, and never a script inside the content."""

from __future__ import annotations

from generator.site.csp import policy, script_hashes

THEME = "<script>var theme=1</script>"
PAGE = """<!doctype html><html><head><meta charset="utf-8">{head}</head><body>
<article class="md-content__inner md-typeset">{content}</article>
<footer></footer>{tail}</body></html>"""


def test_theme_scripts_are_hashed_and_content_scripts_are_not() -> None:
    html = PAGE.format(head=THEME, content="<p>text</p>", tail="<script>var tail=2</script>")
    assert len(script_hashes(html)) == 2
    injected = PAGE.format(
        head=THEME,
        content="<script>evil()</script></article><script>escaped()</script><article>",  # tries to close it early
        tail="<script>var tail=2</script>",
    )
    assert script_hashes(injected) == script_hashes(html)
    assert "'unsafe-inline'" not in policy(injected).split("script-src")[1].split(";")[0]


def test_pages_without_the_theme_article_hash_all_their_own_scripts() -> None:
    html = '<html><head><meta charset="utf-8"><script>a()</script></head><body><script>b()</script></body></html>'
    assert len(script_hashes(html)) == 2
