"""Dates and times of day: 2025年5月17日, 令和7年, 5月, 17日 (when a cue says it is a
date), 午後3時半, 2025/5/17, 15:00; as ISO 8601 style text."""

from __future__ import annotations

from .figures import exact_int, figure_after
from .records import Amount, Doc, Figure
from .vocabulary import AMPM, DATE_SEPARATORS, DAY_CUES, DAY_CUES_BEFORE, ERAS, YEAR_SPAN_CUES


def read_date(doc: Doc, fig: Figure, part: str, end: int) -> Amount | None:
    """Calendar dates and times of day said with 年 / 月 / 日 / 時; None when the figure
    is a span instead (3年, 3日かかる)."""
    n = exact_int(fig)
    if n is None:
        return None
    start = fig.start
    fields: dict[str, int] = {}
    if part in ("年", "年度", "年代"):
        era = doc.before(fig.start, ERAS)
        month = _next_part(doc, end, "月", 1, 12) if part == "年" else None
        if era:
            year, start = ERAS[era] + n, fig.start - len(era)
        elif month is not None and n < 100:  # 09年5月, 99年5月: two-digit years
            year = n + (2000 if n < 50 else 1900)
        elif 1000 <= n <= 2999 and (month is not None or not doc.after(end, YEAR_SPAN_CUES)):
            year = n
        else:
            return None
        if part == "年代":
            return Amount(start, end, "date", str(year)[:3], None, None, None, False) if year % 10 == 0 \
                else None
        fields["Y"] = year
        if part == "年度":
            return Amount(start, end, "date", _iso(fields), None, None, None, False)
    elif part == "月":
        if not 1 <= n <= 12:
            return None
        fields["M"] = n
    elif part == "日":
        cue = doc.after(end, DAY_CUES)
        if cue == "に" and figure_after(doc, end + 1) is not None:
            cue = None  # 1日に3回: a rate per day, not the first of the month
        if not 1 <= n <= 31 or not (cue or doc.before(fig.start, DAY_CUES_BEFORE)):
            return None
        fields["D"] = n
    else:  # 時, 時半: a time of day
        ampm = doc.before(fig.start, AMPM)
        if not 0 <= n <= 24:
            return None
        if ampm:
            start = fig.start - len(ampm)
            n += AMPM[ampm] if n < 12 else 0
        fields["h"] = n
        if part == "時半":
            fields["m"] = 30
    end = _extend_date(doc, fields, end)
    return Amount(start, end, "date", _iso(fields), None, None, None, False)


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


def _iso(f: dict) -> str:
    """ISO 8601 style: 2025-05-17, --05-17 (no year said), --05, ---17, T15:30."""
    if "Y" in f:
        out = f"{f['Y']:04d}" + (f"-{f['M']:02d}" if "M" in f else "") + (f"-{f['D']:02d}" if "D" in f else "")
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
        return Amount(fig.start, day.end, "date", _iso({"Y": n, "M": m, "D": d}), None, None, None, False)
    if sep in ":：" and 0 <= n <= 24 and pos + 3 <= len(text) and text[pos + 1:pos + 3].isdigit() \
            and (pos + 3 == len(text) or not text[pos + 3].isdigit()):
        minute = int(text[pos + 1:pos + 3])
        if minute < 60:
            return Amount(fig.start, pos + 3, "date", _iso({"h": n, "m": minute}), None, None, None, False)
    return None
