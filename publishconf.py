"""Production settings: the development ones plus the absolute public URL."""

import sys
from pathlib import Path

# Pelican's quickstart convention: Pelican reads this file by path and does not put
# its folder on sys.path; this finds the pelicanconf.py beside it, whatever the working dir.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://perpustakaan.kotamobagukota.go.id"
PUBLIC_URL = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
STRICT_CONTENT = True
# Drafts (and posts dated later, which Pelican turns into drafts) are previewed
# locally under /draf/; on the public site they must not exist at all.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# Custom domain for GitHub Pages; None publishes without a CNAME file.
PUBLISH_CNAME = "perpustakaan.kotamobagukota.go.id"
