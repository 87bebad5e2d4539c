"""Dates and times of day: 2025年5月17日, 令和7年, 5月, 17日 (when a cue says it is a
date), 午後3時半, 2025/5/17, 15:00; as ISO 8601 style text."""

from __future__ import annotations

import calendar

from .figures import exact_int, figure_after
from .records import Amount, Doc, Figure
from .vocabulary import (
    AMPM, BC, CENTURY_EDGES, CENTURY_MIDDLE, DATE_SEPARATORS, DAY_CUES, DAY_CUES_BEFORE, DEICTIC_DATES, ERA_LAST, ERAS, FIRST_YEAR,
    HALVES,
    SPAN_HEDGES, SPAN_OVER, THIRDS, YEAR_SPAN_CUES,
)


def read_date(doc: Doc, fig: Figure, part: str, end: int, prev: Amount | None = None) -> Amount | None:
    """Calendar dates and times of day said with 年 / 月 / 日 / 時, centuries (世紀) and
    decades (年代); None when the figure is a span instead (3年, 3日かかる, 2000年くらい前).

    `prev` is the first end of a range whose second end this is (5月1日から|3日): the second
    end takes the larger parts it leaves out from the first, and needs no cue to be a date."""
    n = exact_int(fig)
    if n is None:
        return None
    if part in ("世紀", "世紀末"):
        return _century(doc, fig, n, part, end)
    start = fig.start
    fields: dict[str, int] = {}
    if part in ("年", "年度", "年代", "年前半", "年後半"):
        era = doc.before(fig.start, ERAS)
        bc = None if era else doc.before(fig.start, BC)
        month = _next_part(doc, end, "月", 1, 12) if part == "年" else None
        prev_year = prev.fields.get("Y") if prev is not None and prev.fields else None
        if era:
            year, start = ERAS[era] + n, fig.start - len(era)
        elif bc and part == "年" and n >= 1:
            year, start = 1 - n, fig.start - len(bc)
        elif prev_year is not None and n < 100 and prev_year >= 1000 and part in ("年", "年代"):
            year = prev_year // 100 * 100 + n  # 2020年から22年: the century of the first end
            year += 100 if year < prev_year else 0
        elif part == "年代" and n < 100 and n % 10 == 0:  # 90年代; 00年代 to 20年代 are this century's
            year = n + (2000 if n <= 20 else 1900)
        elif month is not None and n < 100:  # 09年5月, 99年5月: two-digit years
            year = n + (2000 if n < 50 else 1900)
        elif 1000 <= n <= 2999 and (month is not None or not _span_after(doc, end)):
            year = n
        else:
            return None
        if part == "年代":
            if (n if era else year) % 10:
                return None
            last = year + 9
            if era and era in ERA_LAST:  # 昭和60年代: 1985..1989, the era ends with 昭和64年
                last = min(last, ERAS[era] + ERA_LAST[era])
            end, low, high = _half(doc, end, year, last)
            return Amount(start, end, "date", None, _year(low), _year(high), None, False, fields={"Y": year})
        fields["Y"] = year
        if part == "年度":
            return _date(start, end, fields)
        if part != "年" or month is None:
            half = HALVES.get(doc.after(end, HALVES)) if part == "年" else None
            if part in ("年前半", "年後半") or half is not None:
                if half is None:
                    half = 0 if part == "年前半" else 1
                else:
                    end += 2
                low, high = (f"{_year(year)}-{6 * half + 1:02d}", f"{_year(year)}-{6 * half + 6:02d}")
                return Amount(start, end, "date", None, low, high, None, False, fields=fields)
    elif part == "月":
        if not 1 <= n <= 12:
            return None
        fields["M"] = n
    elif part == "日":
        cue = doc.after(end, DAY_CUES)
        if cue == "に" and figure_after(doc, end + 1) is not None:
            cue = None  # 1日に3回: a rate per day, not the first of the month
        if not 1 <= n <= 31 or not (prev is not None or cue or doc.before(fig.start, DAY_CUES_BEFORE)):
            return None
        fields["D"] = n
    else:  # 時, 時半: a time of day
        ampm = doc.before(fig.start, AMPM)
        if not 0 <= n <= 24:
            return None
        if ampm:
            start = fig.start - len(ampm)
            n += AMPM[ampm] if n < 12 else 0
        elif prev is not None and prev.fields and "h" in prev.fields and n < 12 and n <= prev.fields["h"]:
            n += 12  # 午後1時から3時, 10時から2時: the first such hour after the first end
        fields["h"] = n
        if part == "時半":
            fields["m"] = 30
    end = _extend_date(doc, fields, end)
    if prev is not None and prev.fields:
        _inherit(fields, prev.fields)
    if "M" in fields and "D" not in fields and "h" not in fields:
        third = doc.after(end, THIRDS)
        if third:
            return _third(start, end + len(third), fields, THIRDS[third])
    return _date(start, end, fields)


_ORDER = ("Y", "M", "D", "h", "m")


def _inherit(fields: dict, first: dict) -> None:
    """The parts larger than any said, taken from the range's first end (5月1日から|3日)."""
    said = [k for k in _ORDER if k in fields]
    if not said:
        return
    for k in _ORDER[:_ORDER.index(said[0])]:
        if k in first:
            fields[k] = first[k]


def _date(start: int, end: int, fields: dict) -> Amount:
    return Amount(start, end, "date", _iso(fields), None, None, None, False, fields=fields)


def _third(start: int, end: int, fields: dict, days: tuple[int, int]) -> Amount:
    """5月上旬 -> --05-01..--05-10; 下旬 ends on the month's last day (February's 29th when no year is said)."""
    first, last = days
    if last == 31:
        last = calendar.monthrange(fields.get("Y", 2000) if fields.get("Y", 0) > 0 else 2000, fields["M"])[1]
    return Amount(start, end, "date", None, _iso({**fields, "D": first}), _iso({**fields, "D": last}), None, False,
                  fields=fields)


def third_after(doc: Doc, first: Amount, pos: int) -> Amount | None:
    """A 旬 said alone as the second end of a range (5月上旬から|中旬): in the first end's month."""
    third = doc.after(pos, THIRDS)
    if third is None or not first.fields or "M" not in first.fields or "D" in first.fields:
        return None
    fields = {k: v for k, v in first.fields.items() if k in ("Y", "M")}
    return _third(pos, pos + len(third), fields, THIRDS[third])


def _century(doc: Doc, fig: Figure, n: int, part: str, end: int) -> Amount | None:
    """19世紀 -> 1801..1900; 紀元前3世紀 -> -0299..-0200; 前半 / 後半 halve it; 世紀末 and
    初頭 keep the whole century, 半ば its middle (1825..1876), approximate. None for a span of
    centuries (3世紀にわたって, 3世紀半)."""
    if n < 1 or doc.after(end, YEAR_SPAN_CUES) or doc.after(end, SPAN_OVER):
        return None
    bc = doc.before(fig.start, BC)
    start = fig.start - len(bc) if bc else fig.start
    low, high = ((n - 1) * 100 + 1, n * 100) if not bc else (1 - n * 100, -(n - 1) * 100)
    approximate = part == "世紀末"
    if not approximate:
        edge = doc.after(end, CENTURY_EDGES)
        middle = None if edge else doc.after(end, CENTURY_MIDDLE)
        if edge or middle:
            end, approximate = end + len(edge or middle), True
            if middle:
                low, high = low + 24, low + 75
        else:
            end, low, high = _half(doc, end, low, high)
    return Amount(start, end, "date", None, _year(low), _year(high), None, approximate, fields={"C": n})


def _half(doc: Doc, end: int, low: int, high: int) -> tuple[int, int, int]:
    """前半 / 後半 after a century or decade: its first or second half (years, inclusive)."""
    half = doc.after(end, HALVES)
    if half is None:
        return end, low, high
    size = (high - low + 1) // 2
    return (end + len(half), low, low + size - 1) if HALVES[half] == 0 else (end + len(half), low + size, high)


def _span_after(doc: Doc, end: int) -> bool:
    """After N年: a span of years (2000年前, 1000年以上, 2000年くらい前), not a calendar year."""
    if doc.after(end, YEAR_SPAN_CUES):
        return True
    hedge = doc.after(end, SPAN_HEDGES)
    return bool(hedge) and doc.after(end + len(hedge), YEAR_SPAN_CUES) is not None


def _year(y: int) -> str:
    """ISO 8601 year: four digits, a minus sign before the years before year 0 (1 BC)."""
    return f"{y:04d}" if y >= 0 else f"-{-y:04d}"


def _next_part(doc: Doc, pos: int, part: str, lo: int, hi: int, with_end: bool = False):
    """The value of `figure + part` at `pos` when it lies in lo..hi."""
    nxt = figure_after(doc, pos)
    if nxt is None:
        return None
    n = exact_int(nxt)
    if n is None or not lo <= n <= hi or not doc.text.startswith(part, nxt.end) \
            or nxt.end + len(part) not in doc.bounds:
        return None
    return (n, nxt.end + len(part)) if with_end else n


def _extend_date(doc: Doc, fields: dict, end: int) -> int:
    """Read the smaller parts that follow: 年 -> 月 -> 日 -> 時 -> 分."""
    if "Y" in fields:
        hit = _next_part(doc, end, "月", 1, 12, True)
        if hit is None:
            return end
        fields["M"], end = hit
    if "M" in fields and "D" not in fields:
        hit = _next_part(doc, end, "日", 1, 31, True)
        if hit is None:
            return end
        fields["D"], end = hit
    if "D" in fields and "h" not in fields:
        pos = end
        ampm = doc.after(pos, AMPM)
        if ampm:
            pos += len(ampm)
        hit = _next_part(doc, pos, "時半", 0, 24, True) or _next_part(doc, pos, "時", 0, 24, True)
        if hit is None:
            return end
        hour, end = hit
        fields["h"] = hour + (AMPM[ampm] if ampm and hour < 12 else 0)
        if doc.text[end - 1] == "半":
            fields["m"] = 30
    if "h" in fields and "m" not in fields:
        hit = _next_part(doc, end, "分", 0, 59, True)
        if hit is not None:
            fields["m"], end = hit
    return end


def date_order(value: str) -> tuple:
    """A key that orders ISO 8601 style texts of one form in time (-0299 before -0200)."""
    if value[:2] == "--" or value[:1] == "T":
        return (0, value)
    sign = -1 if value[:1] == "-" else 1
    digits = value[1:] if sign < 0 else value
    year = digits[:4]
    return (sign * int(year), digits[4:])


def iso(fields: dict) -> str:
    """A date's parts as ISO 8601 style text (see `_iso`)."""
    return _iso(fields)


def _iso(f: dict) -> str:
    """ISO 8601 style: 2025-05-17, --05-17 (no year said), --05, ---17, T15:30."""
    if "Y" in f:
        out = _year(f["Y"]) + (f"-{f['M']:02d}" if "M" in f else "") + (f"-{f['D']:02d}" if "D" in f else "")
    elif "M" in f:
        out = f"--{f['M']:02d}" + (f"-{f['D']:02d}" if "D" in f else "")
    elif "D" in f:
        out = f"---{f['D']:02d}"
    else:
        out = ""
    if "h" in f:
        out += f"T{f['h']:02d}:{f.get('m', 0):02d}"
    return out


def read_written_date(doc: Doc, fig: Figure) -> Amount | None:
    """2025/5/17, 2025-05-17, 2025.5.17 (year first, one separator) and 15:00. Other slashed
    or dotted figures (fractions, versions, phone numbers) are left alone."""
    text, n, pos = doc.text, exact_int(fig), fig.end
    if n is None or fig.kanji or pos >= len(text):
        return None
    sep = text[pos]
    if sep in DATE_SEPARATORS and 1000 <= n <= 2999:
        month = figure_after(doc, pos + 1)
        m = exact_int(month) if month else None
        if m is None or not 1 <= m <= 12 or month.end >= len(text) or text[month.end] != sep:
            return None
        day = figure_after(doc, month.end + 1)
        d = exact_int(day) if day else None
        if d is None or not 1 <= d <= 31 or doc.after(day.end, DATE_SEPARATORS):
            return None
        return _date(fig.start, day.end, {"Y": n, "M": m, "D": d})
    if sep in ":：" and 0 <= n <= 24 and pos + 3 <= len(text) and text[pos + 1:pos + 3].isdigit() \
            and (pos + 3 == len(text) or not text[pos + 3].isdigit()):
        minute = int(text[pos + 1:pos + 3])
        if minute < 60:
            return _date(fig.start, pos + 3, {"h": n, "m": minute})
    return None


def read_written_month_day(doc: Doc, fig: Figure, first: Amount) -> Amount | None:
    """3/10 as the second end of 2012/3/8~3/10: month and day, in the first end's year."""
    text, m, pos = doc.text, exact_int(fig), fig.end
    if m is None or fig.kanji or not first.fields or "D" not in first.fields or "Y" not in first.fields \
            or not 1 <= m <= 12 or pos >= len(text) or text[pos] not in DATE_SEPARATORS:
        return None
    day = figure_after(doc, pos + 1)
    d = exact_int(day) if day else None
    if d is None or not 1 <= d <= 31 or doc.after(day.end, DATE_SEPARATORS):
        return None
    return _date(fig.start, day.end, {"Y": first.fields["Y"], "M": m, "D": d})


def read_word_date(doc: Doc, k: int) -> Amount | None:
    """A date said without a figure at morpheme `k`: an era's first year (平成元年, with the
    month and day that follow) or a word relative to the time of speaking (昨日, 来週, 去年)."""
    m = doc.ms[k]
    word = doc.after(m.start, DEICTIC_DATES)
    if word:
        offset, unit = DEICTIC_DATES[word]
        return Amount(m.start, m.start + len(word), "relative_date", offset, None, None, unit, False)
    era = doc.after(m.start, ERAS)
    if era and ERAS[era] and doc.after(m.start + len(era), FIRST_YEAR):
        fields = {"Y": ERAS[era] + 1}
        end = _extend_date(doc, fields, m.start + len(era) + 2)
        return _date(m.start, end, fields)
    return None
