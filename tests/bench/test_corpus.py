"""The bench's synthetic corpus is content the project accepts: every kind, no problem.

No timing here: speed is what `invoke bench` reports, never a test assertion.
"""

from __future__ import annotations

from plugins.content_model.check import check_tree
from plugins.content_model.kinds import DEFAULT
from tools.bench import corpus


def test_corpus_of_30_posts_passes_the_checker_and_covers_every_kind(tmp_path):
    made = corpus.generate(tmp_path / "content", 30, seed=10)

    report = check_tree(made.content, corpus.WITA, now=corpus.NOW)

    assert [str(p) for p in report.problems] == []
    assert set(made.kinds) == set(DEFAULT.posts)
    assert sum(made.kinds.values()) == len(made.posts) == 30
    posts = [
        e
        for e in report.entries.values()
        if e.kind is not None and e.kind is not DEFAULT.page and not e.kind.directory
    ]
    assert len(posts) == 30
    assert len({(e.kind.slug, e.slug) for e in posts}) == 30  # unique URLs
    assert any(e.kind is DEFAULT.page for e in report.entries.values())  # the sample pages
    # Every required field of each kind is written (read from the registry, not hard-coded).
    for entry in posts:
        required = {f.name for f in entry.kind.fields if f.required}
        assert required <= set(entry.values), entry.path
    # Images: some reused from content/gambar/, some drawn for the post.
    assert made.images_generated > 0 and made.images_reused > 0
    years = {e.values["date"].year for e in posts}
    assert len(years) >= 3


def test_corpus_is_deterministic(tmp_path):
    first = corpus.generate(tmp_path / "a", 12, seed=3)
    second = corpus.generate(tmp_path / "b", 12, seed=3)

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert files(first.content) == files(second.content)
