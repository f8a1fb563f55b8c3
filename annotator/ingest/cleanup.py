"""Scraped-text cleanup, proposed and never applied silently.

`propose_cleanup` finds the page furniture a scraper leaves around an article: a language-switcher line at the top
("ua en ru"), the title repeated under itself with a photo caption, share/subscribe lines at the end, and the
blank lines those leave behind. It returns the cleaned text together with every dropped piece (code-point offsets
into the original, the piece's text and a reason), so that a preview can show exactly what goes. The rules are
conservative: when unsure, a line is kept.
"""

import re
from dataclasses import dataclass, field

SWITCHER = "language switcher"
REPEATED_TITLE = "repeated title"
CAPTION = "photo caption"
SHARE = "share/subscribe line"
BLANK = "extra blank lines"

_CORE_CODES = {"ua", "uk", "en", "ru", "eng", "ukr", "rus", "укр", "рус", "англ"}
_LANG_CODES = _CORE_CODES | {
    "de", "pl", "fr", "es", "it", "pt", "be", "kz", "kk", "ka", "ro", "hu", "cs", "cz", "sk", "lt", "lv", "et",
    "tr", "ar", "zh", "ja", "he", "nl", "bg", "sr", "hr", "az", "hy", "crh", "deu", "ger", "pol", "fra", "esp",
}
_SWITCHER_SEP = re.compile(r"[\s/|,·•]+")

_PHOTO_WORD = (r"фото\w*|photo(?:graph)?s?|світлин\w*|зображення|изображение|image|ілюстрац\w*|иллюстрац\w*"
               r"|illustration|колаж\w*|коллаж\w*|collage|скриншот\w*|screenshot|credit|знімок|снимок")
_AGENCY = (r"getty\s+images|reuters|afp|epa|ap|shutterstock|depositphotos|unsplash|wikimedia|уніан|униан"
           r"|укрінформ|укринформ|тасс|ріа|риа")
# "Фото: …", "Photo by …", "© …": an explicit caption or credit anywhere in a short line
_EXPLICIT_CREDIT = re.compile(rf"\b(?:{_PHOTO_WORD})\s*[:|]|\b(?:photo|image)s?\s+(?:by|courtesy)\b|©|\(c\)"
                              rf"|^\W*(?:фото|photo|ілюстративне|иллюстративное)\b", re.IGNORECASE)
# "… (Reuters)", "… / AFP", "… — фото пресслужби" at the end of the line
_TRAILING_CREDIT = re.compile(rf"[(\[/|—–]\s*[^()\[\]/|]*\b(?:{_PHOTO_WORD}|{_AGENCY})\b[^()\[\]/|]*[)\]]?\s*\.?\s*$",
                              re.IGNORECASE)
_CREDIT_WORD = re.compile(rf"\b(?:{_PHOTO_WORD}|{_AGENCY})\b", re.IGNORECASE)
MAX_CREDIT_WORDS = 6
MAX_CAPTION_CHARS = 200

_SOCIAL = (
    r"facebook|twitter|x|telegram|viber|whatsapp|linkedin|instagram|youtube|tiktok|threads|reddit|pinterest"
    r"|e-?mail|vk|вконтакте|одноклассники|ok|messenger|signal|google\s+news|bluesky|mastodon|rss"
    r"|copy\s+link|копіювати\s+посилання|скопіювати\s+посилання|копировать\s+ссылку|скопировать\s+ссылку"
)
_SOCIAL_ONLY = re.compile(rf"(?:(?:{_SOCIAL})(?:[\s,|/·•:;.\-–—]+|$))+", re.IGNORECASE)
_SHARE_WORDS = re.compile(
    r"(?:share(?:\s+this(?:\s+(?:article|story|post|page))?)?(?:\s+(?:on|via|in|to))?"
    r"|поділитис[яь]|поділись|поширити|поделиться|поделись|репост(?:нуть|нути)?)"
    r"(?:\s*[:.!…]?\s*)",
    re.IGNORECASE,
)
_FOLLOW_WORDS = re.compile(
    r"(?:subscribe|follow\s+(?:us|our)|join\s+(?:us|our)|підписуйте?с[яь]|підпишіться|підписатися|підписатись"
    r"|стежте\s+за|слідкуйте\s+за|приєднуйтес[яь]|подписывайтесь|подпишитесь|подписаться|следите\s+за"
    r"|присоединяйтесь)\b",
    re.IGNORECASE,
)
_READ_ALSO = re.compile(
    r"(?:читайте\s+(?:також|теж|также)|read\s+(?:also|more)|see\s+also|дивіться\s+також|смотрите\s+также)\b"
    r"|(?:more\s+on\s+this|по\s+темі|по\s+теме|на\s+тему|related)\s*(?::|$)",
    re.IGNORECASE,
)
MAX_SHARE_CHARS = 160
MAX_READ_ALSO_CHARS = 300
_BULLET = re.compile(r"^[\s\-–—•·*>#|►▶➡👉📌🔗📢✅]+", re.UNICODE)


@dataclass(frozen=True)
class Dropped:
    """A piece of the original text that the cleanup removes: [start, end) in code points."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Cleanup:
    text: str
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.dropped)


@dataclass(frozen=True)
class _Line:
    start: int  # first character
    end: int  # after the last character, before the line break
    stop: int  # after the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def propose_cleanup(text: str, lang: str | None = None) -> Cleanup:
    """The cleaned text and the pieces dropped from `text`, in order; the text itself is not changed.

    `lang` is accepted for callers that know it; the rules check all of uk/en/ru because a page's furniture is
    often in another language than its article.
    """
    lines = _lines(text)
    content = [i for i, line in enumerate(lines) if not line.blank]
    top, first_kept = _top(text, lines, content)
    dropped_at_top = max((d.end for d in top), default=0)
    tail = [i for i in content if first_kept is not None and i > first_kept and lines[i].start >= dropped_at_top]
    bottom = _bottom(text, lines, tail[1:])
    pieces = sorted(top + bottom, key=lambda d: d.start)
    pieces = sorted(pieces + _blank_pieces(text, pieces), key=lambda d: d.start)
    return Cleanup(apply(text, pieces), pieces)


def apply(text: str, dropped) -> str:
    """`text` with the dropped ranges removed; they must be in order, inside the text and not overlap."""
    parts, pos = [], 0
    for piece in dropped:
        if not pos <= piece.start <= piece.end <= len(text):
            raise ValueError(f"dropped range [{piece.start}, {piece.end}) is out of order or outside the text")
        parts.append(text[pos : piece.start])
        pos = piece.end
    parts.append(text[pos:])
    return "".join(parts)


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(_Line(pos, pos + len(body), pos + len(raw), body))
        pos += len(raw)
    return lines


def _piece(text: str, start: int, end: int, reason: str) -> Dropped:
    return Dropped(start, end, text[start:end], reason)


def _whole(text: str, line: _Line, reason: str) -> Dropped:
    return _piece(text, line.start, line.stop, reason)


# --- top: language switcher, repeated title, photo caption --------------------------------------------------


def _top(text: str, lines: list[_Line], content: list[int]) -> tuple[list[Dropped], int | None]:
    """Pieces dropped at the top, and the index of the line kept as the title (None if nothing is left)."""
    pieces = []
    rest = list(content)
    if len(rest) > 1 and is_language_switcher(lines[rest[0]].text):
        pieces.append(_whole(text, lines[rest.pop(0)], SWITCHER))
    if not rest:
        return pieces, None
    title = lines[rest[0]]
    pieces += _title_repeat(text, title, [lines[i] for i in rest[1:3]])
    return pieces, rest[0]


def _title_repeat(text: str, title: _Line, following: list[_Line]) -> list[Dropped]:
    """The repeat of `title` among the next two content lines, and a photo caption before or after it."""
    key = _key(title.text)
    if not key or not following:
        return []
    first, second = following[0], following[1] if len(following) > 1 else None
    if _key(first.text) == key:
        pieces = [_whole(text, first, REPEATED_TITLE)]
        if second is not None and is_caption(second.text):
            pieces.append(_whole(text, second, CAPTION))
        return pieces
    if second is not None and is_caption(first.text) and _key(second.text) == key:
        return [_whole(text, first, CAPTION), _whole(text, second, REPEATED_TITLE)]
    return _title_with_caption(text, title, first)


def _title_with_caption(text: str, title: _Line, line: _Line) -> list[Dropped]:
    """A line made of the title followed by a caption ("Title Somebody speaking (photo: Agency)")."""
    words = title.text.split()
    if len(words) < 3:
        return []
    pattern = r"\s*" + r"\s+".join(re.escape(w) for w in words) + r"(?=[\s:.,;—–-])\s*"
    match = re.compile(pattern, re.IGNORECASE).match(line.text)
    if match is None or not is_caption(line.text[match.end() :]):
        return []
    cut = line.start + match.end()
    return [_piece(text, line.start, cut, REPEATED_TITLE), _piece(text, cut, line.stop, CAPTION)]


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def is_language_switcher(line: str) -> bool:
    """A line made only of 2-4 distinct language codes, one of them uk/en/ru ("ua en ru", "UA | EN", "uk/en/de")."""
    tokens = [t for t in _SWITCHER_SEP.split(line.strip().casefold()) if t]
    return (2 <= len(tokens) <= 4 and len(set(tokens)) == len(tokens) and set(tokens) <= _LANG_CODES
            and bool(set(tokens) & _CORE_CODES))


def is_caption(line: str) -> bool:
    """A short line that names a photo or its credit ("Фото: Reuters", "… (photo: Getty Images)", "© AFP").

    An agency named inside a sentence ("Reuters said the talks…") does not make a caption.
    """
    stripped = line.strip()
    if not 0 < len(stripped) <= MAX_CAPTION_CHARS:
        return False
    if _EXPLICIT_CREDIT.search(stripped) or _TRAILING_CREDIT.search(stripped):
        return True
    return len(stripped.split()) <= MAX_CREDIT_WORDS and _CREDIT_WORD.search(stripped) is not None


# --- bottom: share / subscribe / read-also lines -------------------------------------------------------------


def _bottom(text: str, lines: list[_Line], candidates: list[int]) -> list[Dropped]:
    """Share/subscribe lines at the very end, walking up until the first line that is not one."""
    found = []
    for i in reversed(candidates):
        if not is_share_line(lines[i].text):
            break
        found.append(_whole(text, lines[i], SHARE))
    return found[::-1]


def is_share_line(line: str) -> bool:
    """A page-furniture line: share buttons, subscribe/follow calls, "read also" links, social network names."""
    body = _BULLET.sub("", line).strip()
    if not body:
        return False
    if _SOCIAL_ONLY.fullmatch(body):
        return True
    share = _SHARE_WORDS.match(body)
    if share and (share.end() == len(body) or _SOCIAL_ONLY.fullmatch(body[share.end() :].strip())):
        return True
    if _FOLLOW_WORDS.match(body):
        return len(body) <= MAX_SHARE_CHARS
    return bool(_READ_ALSO.match(body)) and len(body) <= MAX_READ_ALSO_CHARS


# --- blank lines left behind --------------------------------------------------------------------------------


def _blank_pieces(text: str, pieces: list[Dropped]) -> list[Dropped]:
    """Blank lines that the dropped pieces leave at the start, at the end, or as a run of two or more."""
    if not pieces:
        return []
    kept = _kept_segments(text, pieces)
    result = "".join(text[a:b] for a, b, _ in kept)
    seams, removed = set(), 0
    for piece in pieces:
        seams.add(piece.start - removed)
        removed += piece.end - piece.start

    def touches(lo: int, hi: int) -> bool:
        return any(lo <= seam <= hi for seam in seams)

    removals = []
    lead = re.match(r"(?:[^\S\n]*\n)+", result)
    lead_end = lead.end() if lead and touches(0, lead.end()) else 0
    if lead_end:
        removals.append((0, lead_end))
    trail = re.search(r"(?<=\n)\s*\Z", result[lead_end:])
    trail_start = lead_end + trail.start() if trail else len(result)
    if trail_start < len(result) and touches(trail_start, len(result)):
        removals.append((trail_start, len(result)))
    for run in re.finditer(r"(?<=\n)(?:[^\S\n]*\n){2,}", result[:trail_start]):
        if run.start() >= lead_end and touches(run.start(), run.end()):
            last_blank = result.rindex("\n", run.start(), run.end() - 1) + 1
            removals.append((run.start(), last_blank))
    return [_piece(text, a, b, BLANK) for lo, hi in removals for a, b in _to_original(kept, lo, hi)]


def _kept_segments(text: str, pieces: list[Dropped]) -> list[tuple[int, int, int]]:
    """(original start, original end, start in the result) for every stretch of text that is kept."""
    kept, pos, out = [], 0, 0
    for piece in [*pieces, Dropped(len(text), len(text), "", "")]:
        if piece.start > pos:
            kept.append((pos, piece.start, out))
            out += piece.start - pos
        pos = max(pos, piece.end)
    return kept


def _to_original(kept: list[tuple[int, int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The original ranges behind the result range [lo, hi)."""
    ranges = []
    for a, b, r in kept:
        s, e = max(lo, r), min(hi, r + b - a)
        if s < e:
            ranges.append((a + s - r, a + e - r))
    return ranges
