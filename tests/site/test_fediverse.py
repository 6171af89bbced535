"""fediverse:creator appears exactly when the library has a Mastodon account."""

from __future__ import annotations

from bs4 import BeautifulSoup
from pelican.settings import read_settings

from sitekit import FIXTURE_CONTENT, SETTINGS, copy_content, make_images, run_build, shared_build
from tests.feeds.feedkit import settings_file


def test_mastodon_account_gives_fediverse_creator(tmp_path):
    """With social.mastodon set, every page names the account; without, none does."""
    library = read_settings(str(SETTINGS))["LIBRARY"]
    library = {**library, "social": {**library["social"], "mastodon": "https://mastodon.social/@perpus"}}
    content = copy_content(FIXTURE_CONTENT, tmp_path / "content")
    make_images(content)
    build = run_build(
        tmp_path / "out", content=content, settings=settings_file(tmp_path / "conf", LIBRARY=library)
    )
    assert build.returncode == 0, build.log
    pages = sorted((tmp_path / "out").rglob("index.html"))
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_bytes(), "lxml")
        tag = soup.find("meta", attrs={"name": "fediverse:creator"})
        assert tag is not None and tag["content"] == "@perpus@mastodon.social", page
    plain = shared_build(content=content)  # the fixture site's own build, when the images match
    assert plain.returncode == 0, plain.log
    home = BeautifulSoup((plain.output / "index.html").read_bytes(), "lxml")
    assert home.find("meta", attrs={"name": "fediverse:creator"}) is None
