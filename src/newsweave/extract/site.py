"""Where a site is: its host and the country its address names.

Read by extraction (the day in the site's time zone) and by annotation (the site's home country).
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Two-letter top-level domains sold to anyone (.tv, .io) say nothing of where a site is; the
# others are ISO codes but .uk (GB). US government and military domains are American.
GENERIC_COUNTRY_DOMAINS = frozenset({"ai", "am", "cc", "co", "fm", "io", "la", "ly", "me", "nu", "tk", "to", "tv", "ws", "eu"})
DOMAIN_COUNTRY = {"uk": "GB", "gov": "US", "mil": "US"}


def site_of(url: str | None) -> str:
    """The site an article comes from: its address's host without "www." ("" without an address)."""
    if not url:
        return ""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".").lower()
    return host.removeprefix("www.")


def domain_country(url: str | None) -> str | None:
    """The upper-case code a site's top-level domain names (``bbc.co.uk`` → GB, ``eldiario.bo`` → BO), or None
    for generic domains (``.com``, ``.tv``); the caller checks the code against its own list of countries."""
    domain = site_of(url).rsplit(".", 1)[-1]
    if domain in DOMAIN_COUNTRY:
        return DOMAIN_COUNTRY[domain]
    if len(domain) != 2 or not domain.isalpha() or domain in GENERIC_COUNTRY_DOMAINS:
        return None
    return domain.upper()
