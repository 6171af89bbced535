"""A real consumer: feed2toot (Mastodon) reads the served feed in --dry-run mode.

With the README's template each toot must hold the post's title, its whole link
and every hashtag, and fit in Mastodon's 500 characters; with the summary in the
template, the summary must come out as plain text. The feed is the public build (publishconf.py, with
campaign tags), so links have their real length.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.feeds.feedkit import ALL_ATOM, ALL_RSS, SOCIAL_ATOM, SOCIAL_RSS, expected_summary

FEED2TOOT = Path(sys.executable).with_name("feed2toot")
# feed2toot logs each toot after a no-break space: "...visibility "public":\xa0<toot>".
DRY_RUN = re.compile(r'^Would toot with visibility "[a-z]+":\s', re.MULTILINE)
# The template the README gives staff: feed2toot appends the hashtags itself, and
# Mastodon's link preview shows the summary and the card.
TEMPLATE = r"{title}\n\n{link}"
# With the summary: feed2toot strips its tags (the card's <img>), but counts them
# when it decides how many hashtags still fit, so some may be left out.
SUMMARY_TEMPLATE = r"{title}\n\n{summary}\n\n{link}"
FEEDS = [ALL_RSS, ALL_ATOM, SOCIAL_RSS, SOCIAL_ATOM]


def _toots(base_url: str, path: str, folder: Path, template: str = TEMPLATE) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "feed2toot.ini"
    config.write_text(
        "[rss]\n"
        f"uri = {base_url}/{path}\n"
        f"toot = {template}\n"
        "[cache]\n"
        f"cachefile = {folder / 'cache.db'}\n"
        "[lock]\n"
        f"lock_file = {folder / 'feed2toot.lock'}\n"
        "lock_timeout = 60\n",
        encoding="utf-8",
    )
    env = dict(os.environ, NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost", HOME=str(folder))
    run = subprocess.run(
        [str(FEED2TOOT), "-c", str(config), "--dry-run", "--all", "--limit", "100"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 0, f"feed2toot failed (exit {run.returncode}):\n{run.stdout}\n{run.stderr}"
    return [part.rstrip("\n") for part in DRY_RUN.split(run.stderr)[1:]]


def _by_title(site, path: str, toots: list[str]) -> list[tuple[str, object]]:
    """(toot, its feed entry) for every toot; one toot per entry."""
    entries = site.parse(path).entries
    assert len(toots) == len(entries), f"{len(toots)} toots for {len(entries)} items"
    by_title = {entry.title: entry for entry in entries}
    pairs = []
    for toot in toots:
        title = toot.split("\n", 1)[0]
        assert title in by_title, f"the toot does not start with an item's title:\n{toot}"
        pairs.append((toot, by_title[title]))
    return pairs


def _check_fits_with_link(toot: str, entry) -> None:
    assert len(toot) <= 500, f"{len(toot)} characters:\n{toot}"
    assert entry.link in toot.split(), f"the whole link {entry.link} is not in:\n{toot}"
    assert not toot.endswith("..."), f"feed2toot cut the toot:\n{toot}"


@pytest.mark.parametrize("path", FEEDS)
def test_feed2toot_toots_fit_and_hold_title_link_and_hashtags(social_site, serve_folder, tmp_path, path):
    assert FEED2TOOT.is_file(), "feed2toot is not installed in this venv (pip install feed2toot==0.17)"
    toots = _toots(serve_folder(social_site.output), path, tmp_path)
    for toot, entry in _by_title(social_site, path, toots):
        _check_fits_with_link(toot, entry)
        words = set(toot.split())
        missing = [t.term for t in entry.tags if f"#{t.term}" not in words]
        assert not missing, f"hashtags {missing} are missing from:\n{toot}"


@pytest.mark.parametrize("path", [ALL_RSS, ALL_ATOM])
def test_feed2toot_with_the_summary_writes_it_as_plain_text(
    social_site, serve_folder, tmp_path, path, library_name
):
    """The card's <img> leaves no markup and no stray line: title, summary, link, hashtags."""
    assert FEED2TOOT.is_file(), "feed2toot is not installed in this venv (pip install feed2toot==0.17)"
    posts = {social_site.url(p): p for p in social_site.published}
    toots = _toots(serve_folder(social_site.output), path, tmp_path, SUMMARY_TEMPLATE)
    for toot, entry in _by_title(social_site, path, toots):
        _check_fits_with_link(toot, entry)
        post = posts[entry.id]
        title, summary, rest = toot.split("\n\n", 2)
        assert (title, summary) == (post.title, expected_summary(post, library_name)), toot
        assert "<img" not in toot and "src=" not in toot, toot
        link, *tags = rest.split()
        assert link == entry.link, toot
        assert set(tags) <= {f"#{t.term}" for t in entry.tags}, toot
