"""What the home page costs a reader on mobile data.

- HTML + every stylesheet and script it loads: at most 60 KB.
- Everything the browser fetches for the first screen at 360x740 (images
  included), without scrolling: at most 250 KB. Images further down are lazy and
  must not be fetched.
"""

from __future__ import annotations

import pytest

from sitekit import local_path

HTML_CSS_JS_BUDGET = 60 * 1024
FIRST_SCREEN_BUDGET = 250 * 1024
PHONE = {"width": 360, "height": 740}


def test_home_html_css_js_within_60_kb(built_site):
    site = built_site
    soup = site.soup("/")
    parts = {"/": site.file_for("/").stat().st_size}
    hrefs = [
        link["href"] for link in soup.find_all("link", href=True) if "stylesheet" in (link.get("rel") or [])
    ]
    hrefs += [script["src"] for script in soup.find_all("script", src=True)]
    for href in hrefs:
        path = local_path("/", href)
        assert path is not None, f"the home page loads {href} from another site"
        file = site.file_for(path)
        assert file.is_file(), f"the home page loads {href}, which is not in the output"
        parts[path] = file.stat().st_size
    total = sum(parts.values())
    detail = ", ".join(f"{p} {n} B" for p, n in parts.items())
    assert total <= HTML_CSS_JS_BUDGET, (
        f"home HTML+CSS+JS is {total} B, budget {HTML_CSS_JS_BUDGET} B: {detail}"
    )


@pytest.mark.browser
def test_home_first_screen_within_250_kb(page, served_site):
    loaded: dict[str, int] = {}

    def on_response(response):
        try:
            loaded[response.url] = len(response.body())
        except Exception:  # a redirect or a cancelled load has no body
            loaded.setdefault(response.url, 0)

    page.set_viewport_size(PHONE)
    page.on("response", on_response)
    page.goto(served_site + "/", wait_until="load")
    page.wait_for_load_state("networkidle")
    total = sum(loaded.values())
    detail = "\n  ".join(
        f"{n:>7} B {url.removeprefix(served_site)}"
        for url, n in sorted(loaded.items(), key=lambda item: -item[1])
    )
    assert total <= FIRST_SCREEN_BUDGET, (
        f"the first screen of home at 360x740 loads {total} B, budget {FIRST_SCREEN_BUDGET} B:\n  " + detail
    )
