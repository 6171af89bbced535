"""Development settings of the library's site. The library's profile is LIBRARY."""

# plugins.* import from anywhere: requirements.txt installs this project (pyproject.toml).
# Lower-case names: Pelican reads every upper-case name here as a setting.
from plugins.content_model.check import FILENAME_METADATA as filename_pattern
from plugins.content_model.kinds import BUILT_IN as built_in_kinds

# --- The library's profile: the one place staff edit who the library is. ---
LIBRARY = {
    "name": "Perpustakaan Kota Kotamobagu",
    "tagline": "Membaca, belajar dan berbagi bersama warga Kotamobagu",
    "address": {
        "street": "Jl. Ahmad Yani No. 12, Kelurahan Gogagoman",
        "locality": "Kotamobagu",
        "region": "Sulawesi Utara",
        "postal_code": "95711",
        "country": "ID",
    },
    "geo": {"latitude": 0.7286, "longitude": 124.3192},
    "map_url": "https://www.openstreetmap.org/?mlat=0.7286&mlon=124.3192#map=17/0.7286/124.3192",
    "opening_hours": [
        {"days": ["senin", "selasa", "rabu", "kamis"], "opens": "08:00", "closes": "16:00"},
        {"days": ["jumat"], "opens": "08:00", "closes": "11:30"},
        {"days": ["sabtu"], "opens": "09:00", "closes": "14:00"},
    ],
    "phone": "+62 434 21234",
    "email": "perpustakaan@kotamobagukota.go.id",
    "social": {
        "facebook": "https://www.facebook.com/perpustakaankotamobagu",
        "instagram": "https://www.instagram.com/perpustakaankotamobagu",
        "x": "https://x.com/perpuskotamobagu",
    },
    "hashtags": ["PerpustakaanKotamobagu", "KotamobaguMembaca"],
    "logo": "gambar/logo-perpustakaan.png",
    # "photo": "gambar/gedung.jpg",  # a photo of the building: the library's image in search results
    "colors": {"primary": "#0b5d4b", "accent": "#9c3d12"},
}

SITENAME = LIBRARY["name"]
SITEURL = ""
# Absolute base of the public site, for what must be absolute even in a local
# build: canonical links, Open Graph, JSON-LD, feeds. publishconf.py sets it to SITEURL.
PUBLIC_URL = "http://127.0.0.1:8000"
AUTHOR = "Tim Perpustakaan"
DEFAULT_LANG = "id"
TIMEZONE = "Asia/Makassar"  # WITA
LOCALE = ("C.UTF-8",)  # dates are formatted by Babel, not the OS locale

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
# Every cache: Pelican's own (when CACHE_CONTENT is on: files named after its
# generators), cards in kartu/, image sizes in gambar/. `invoke clean` empties it.
CACHE_PATH = ".cache"
# Pelican's reader cache: an unchanged Markdown file (by digest) is not rendered
# again. Only the reader's output is kept, so every plugin still sees each post on
# every build; plugins.render_memo empties it when code, theme or settings change.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha256"
GZIP_CACHE = False  # rewritten on every build: plain pickle is faster
PLUGINS = [
    "pelican.plugins.yaml_metadata",
    "plugins.output_guard",
    "plugins.site_profile",
    "plugins.content_model",
    "plugins.html_policy",
    "plugins.indonesian_dates",
    "plugins.opening_hours",
    "plugins.listings",
    "plugins.responsive_images",
    "plugins.social_cards",
    "plugins.page_meta",
    "plugins.share_kit",
    "plugins.feeds",
    "plugins.calendars",
    "plugins.posters",
    "plugins.render_memo",
]

# Strict mode stops the build at the first content problem (publish, preview).
STRICT_CONTENT = False
# Fix "now" for reproducible builds (tests); None means the real clock.
BUILD_NOW = None

# --- Content layout: one folder per kind, which is also its URL. ---
# The kinds of posts, one module each (plugins/content_model/kinds/); plugins.content_model
# reads posts from one folder per kind (ARTICLE_PATHS), pages from halaman/ and each
# directory kind's pages (partners: mitra/). The built-in ones are listed in
# plugins/content_model/kinds/__init__.py; add a new kind's module after them, e.g.
# [*built_in_kinds, "plugins.site_kinds.tantangan_membaca"].
CONTENT_KINDS = [*built_in_kinds]
STATIC_PATHS = ["gambar", "unduhan"]
USE_FOLDER_AS_CATEGORY = True
FILENAME_METADATA = filename_pattern
SLUGIFY_SOURCE = "basename"
FORMATTED_FIELDS = []  # summaries stay plain text (cards and feeds reuse them)
WITH_FUTURE_DATES = False  # a post dated later waits for a build after its time
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
DRAFT_URL = "draf/{category}/{slug}/"  # kinds may share a slug, so drafts keep the kind
DRAFT_SAVE_AS = "draf/{category}/{slug}/index.html"
DRAFT_PAGE_URL = "draf/halaman/{slug}/"
DRAFT_PAGE_SAVE_AS = "draf/halaman/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "tagar/{slug}/"
TAG_SAVE_AS = "tagar/{slug}/index.html"
TAGS_URL = "tagar/"
TAGS_SAVE_AS = "tagar/index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
INDEX_SAVE_AS = "index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives", "404"]
# The home page is a fixed selection, not a paginated list; the archive is a
# compact list, so it takes more per page.
PAGINATED_TEMPLATES = {"tag": None, "category": None, "archives": 100}
DEFAULT_PAGINATION = 12
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman-{number}/", "{base_name}/halaman-{number}/index.html"),
)

# Social cards (plugins/social_cards): every key optional, defaults shown.
SOCIAL_CARDS = {
    "jpeg_quality": 85,  # first quality tried; lowered in steps of 5 if a card is over max_bytes
    "max_bytes": 300_000,  # WhatsApp shows no preview for larger images
    "workers": None,  # processes drawing cards; None = one per core
}

# Posts in the feeds' window (the newest N): the only ones auto-posters still
# pick up, and so the only ones that get the Instagram and story card sizes.
FEED_MAX_ITEMS = 30

# Feeds (plugins/feeds), all under /umpan/. "utm": campaign tags on item links of the
# social feeds (RSS, Atom, Instagram), never on guids or in JSON Feed; None = none.
# Changing "utm" changes every item's link; feed2fedi de-duplicates by link and
# would post the whole window again, so set it once, before the first auto-post.
# "library_hashtags": add LIBRARY["hashtags"] to every item's categories.
FEEDS = {"utm": None, "library_hashtags": True}

# Calendars (plugins/calendars): an .ics for each event and kalender/semua.ics to
# subscribe to, explained on /kalender/. Renaming the folder breaks every subscription.
CALENDARS = {"folder": "kalender"}

# Pelican's own feed writer stays off: plugins/feeds replaces it.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}

# Responsive sizes generated for every post image (pixels wide).
IMAGE_WIDTHS = [360, 720, 1080]
# Escape every value by default; post bodies are marked |safe where rendered.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
READERS = {"rst": None, "html": None}  # Markdown only; avoids docutils noise
