"""Today's date and Dutch date formatting.

"Today" comes from SITE_TODAY when set, so builds and tests never depend on
the wall clock. Dutch names come from Babel's CLDR data, not from the
operating system's locale (which may not have Dutch at all).
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

TZ = ZoneInfo("Europe/Amsterdam")
LOCALE = "nl_NL"


class TodayError(ValueError):
    pass


def site_today(environ: dict | None = None) -> dt.date:
    """The date the site is built for: SITE_TODAY (YYYY-MM-DD) or today in Amsterdam."""
    environ = os.environ if environ is None else environ
    value = environ.get("SITE_TODAY", "").strip()
    if not value:
        return dt.datetime.now(TZ).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise TodayError(f'SITE_TODAY "{value}" is geen datum (gebruik JJJJ-MM-DD)') from None


def dutch_date(day: dt.date) -> str:
    """'7 maart 2017'."""
    return format_date(day, "d MMMM y", locale=LOCALE)


def dutch_weekday_date(day: dt.date) -> str:
    """'donderdag 18 oktober 2018'."""
    return format_date(day, "EEEE d MMMM y", locale=LOCALE)


def dutch_month(day: dt.date) -> str:
    """'oktober 2018'."""
    return format_date(day, "MMMM y", locale=LOCALE)


def dutch_time(moment: dt.datetime | dt.time) -> str:
    """'19:00'."""
    return format_time(moment, "HH:mm", locale=LOCALE)


def source_date_epoch(environ: dict, today: dt.date) -> str:
    """SOURCE_DATE_EPOCH for a reproducible build: the given one, else midnight UTC of `today`.

    MkDocs dates the sitemap and the gzip header from it, so two builds for
    the same day are byte-identical whatever the time of day.
    """
    given = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return given
    return str(int(dt.datetime.combine(today, dt.time.min, tzinfo=dt.UTC).timestamp()))
