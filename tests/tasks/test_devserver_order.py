"""The dev server writes the saved posts' pages first (plugins/devserver/hook.py).

With a thousand posts the render memo looks at every article page; the one the
librarian just saved is written before all of them, so its browser reloads first.
"""

from __future__ import annotations

from types import SimpleNamespace

from plugins.devserver import hook


def _article(name: str) -> SimpleNamespace:
    return SimpleNamespace(
        source_path=f"/situs/content/pengumuman/{name}.md",
        save_as=f"pengumuman/{name}/index.html",
        template="article",
        url=f"pengumuman/{name}/",
        category=None,
    )


def _written_order(saved: set[str]) -> list[str]:
    articles = [_article(name) for name in ("baru", "tengah", "lama")]
    hidden = [_article("tersembunyi")]
    generator = SimpleNamespace(
        translations=[],
        articles=articles,
        hidden_translations=[],
        hidden_articles=hidden,
        context={},
        get_template=lambda name: name,
    )
    written: list[str] = []
    hook.saved_since_last_build(saved)
    hook._saved_posts_first(generator, lambda save_as, *args, **kwargs: written.append(save_as))
    assert generator.articles == articles  # the listing order itself is not touched
    return written


def test_the_saved_posts_are_written_first_the_rest_in_pelicans_order():
    order = _written_order({"/situs/content/pengumuman/lama.md", "/situs/content/pengumuman/tersembunyi.md"})
    assert order == [
        "pengumuman/lama/index.html",
        "pengumuman/tersembunyi/index.html",
        "pengumuman/baru/index.html",
        "pengumuman/tengah/index.html",
    ]


def test_with_nothing_saved_the_order_is_pelicans():
    assert _written_order(set()) == [
        "pengumuman/baru/index.html",
        "pengumuman/tengah/index.html",
        "pengumuman/lama/index.html",
        "pengumuman/tersembunyi/index.html",
    ]
