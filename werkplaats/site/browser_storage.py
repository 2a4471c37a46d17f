"""What this site stores in the browser: two lists, read by the privacy
statement (werkplaats.site.privacy) and checked in a real browser.

STORED: the visitors' pages (everything outside /admin/). Checked by
tests/test_browser.py (test_the_site_stores_only_what_the_privacy_page_says),
which visits several page types, searches, opens a result and opens the
menu on a phone, then reads cookies, localStorage, sessionStorage,
IndexedDB and Cache Storage. Empty: Material (without the features that
remember something: palette toggle, consent, content tabs linking,
repository facts) and Pagefind keep nothing there, and the site's own
scripts (docs/assets/) use no storage. If a feature ever needs storage,
add it here: the privacy page then names it, and the browser test then
expects it.

EDITORS: /admin/, Decap CMS, which only editors open and sign in to. It
is the same origin as the visitors' pages, so the privacy page names what
it keeps, for the editors. Taken from Decap CMS 3.16.3's source
(node_modules/decap-cms-core/src: backend.ts LocalStorageAuthStore,
reducers/entries.ts, components/Editor/EditorInterface.js; what-input,
which decap-cms-core loads; localforage, which decap-cms-lib-util loads,
for backups and the GitHub backend's file cache). Signing in with GitHub through the OAuth proxy (NetlifyAuthenticator)
stores nothing itself. Checked by tests/test_cms_e2e.py
(test_the_admin_stores_only_what_the_privacy_page_says): after a whole
editing session under `make cms` the admin's origin holds only these, the
sign-in among them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stored:
    kind: str  # "cookie", "localStorage", "sessionStorage", "IndexedDB" or "Cache Storage"
    name: str  # the cookie's, key's, database's or cache's name
    why: str  # in Dutch, for the privacy page: what it is for


KINDS = ("cookie", "localStorage", "sessionStorage", "IndexedDB", "Cache Storage")

STORED: tuple[Stored, ...] = ()

# The sign-in first: the one an editor most needs to know about.
SIGN_IN = Stored(
    "localStorage",
    "decap-cms-user",
    "dat je bent ingelogd, met de toegangssleutel van je GitHub-account. Die blijft staan tot je uitlogt",
)
EDITORS: tuple[Stored, ...] = (
    SIGN_IN,
    Stored("localStorage", "decap-cms.entries.viewStyle", "of je de berichten als lijst of als tegels ziet"),
    Stored("localStorage", "decap-cms.entries.sort", "hoe je de berichten hebt gesorteerd"),
    Stored("localStorage", "cms.right-pane", "welk paneel je naast het formulier ziet"),
    Stored("localStorage", "cms.split-pane-position", "hoe breed je het formulier hebt gemaakt"),
    Stored("localStorage", "cms.scroll-sync-enabled", "of het voorbeeld meescrolt met het formulier"),
    Stored(
        "sessionStorage",
        "what-input",
        "of je het laatst de muis, het toetsenbord of een aanraakscherm gebruikte. Weg als je het tabblad sluit",
    ),
    Stored("sessionStorage", "what-intent", "welke van die drie je nu gebruikt. Weg als je het tabblad sluit"),
    Stored(
        "IndexedDB",
        "localforage",
        "een reservekopie van een bericht dat je nog niet hebt opgeslagen, en een kopie van bestanden uit GitHub, zodat het beheer sneller werkt",
    ),
)
