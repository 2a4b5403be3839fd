"""Matching words against the held texts of SCO declarations: which documents a sentence means ('the New Delhi
Declaration of 2023', 'the Astana Declaration', 'those summits' declarations'), a quotation found verbatim, spliced
or reworded, and whether a document mentions or calls for a notion (with its usual variants)."""

from __future__ import annotations

import functools
import re

from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE
from ..reading.entities import CITIES
from ..reading.numbers import YEAR

DOC_RE = re.compile(rf"(?P<city>[A-Z][\w .'-]{{2,20}}?)\s+[Dd]eclaration(?:\s+of\s+(?:the\s+)?(?P<y>{YEAR}))?"
                    rf"|(?P<y2>{YEAR})\s+(?:SCO\s+)?(?:summit\s+)?[Dd]eclaration")

# A summit's joint statement, communiqué or final document named by the summit's city: its declaration.
SUMMIT_DOC = re.compile(rf"\b(?:(?:joint|final|closing)\s+)?(?:statement|communiqu[eé]|(?:final|outcome)\s+document)\s+"
                        rf"(?:issued\s+|adopted\s+|released\s+)?(?:after|at|of|from|following)\s+the\s+(?:(?P<y>{YEAR})\s+)?"
                        rf"(?:SCO\s+)?(?P<city>[A-Z][\w'-]{{2,20}}(?:\s[A-Z][\w'-]{{2,20}})?)\s+summit\b")


def documents(r) -> list[tuple[int, str | None]]:
    """(year, city) of each declaration a sentence names; a year of 0 is resolved from the city later."""
    docs: list[tuple[int, str | None]] = []
    for m in DOC_RE.finditer(r.text):
        if m.group("y2"):
            docs.append((int(m.group("y2")), None))
            continue
        city = next((c for c in CITIES if m.group("city").endswith(c)), None)
        year = int(m.group("y")) if m.group("y") else None
        if city or year:
            docs.append((year or 0, city))
    if not docs:  # "their statement after the Astana summit", "the communiqué of the 2019 Bishkek summit"
        for m in SUMMIT_DOC.finditer(r.text):
            city = next((c for c in CITIES if m.group("city").endswith(c)), None)
            if city:
                docs.append((int(m.group("y")) if m.group("y") else 0, city))
    if not docs and re.search(r"(?:those|these|the)\s+summits['’]?\s+declarations", r.text) and r.ctx.summits:
        docs = list(r.ctx.summits)
    said = re.search(r"\b(?:the|its|their)\s+(?:SCO\s+|summit\s+)?(?:(?:final|joint|summit['’]s)\s+declaration|declaration|"
                     r"(?:final|outcome)\s+document)\b", r.text, re.IGNORECASE)  # a summit's final document is its declaration
    quoted = [(q.start(), q.end()) for q in re.finditer(r"[“\"][^”\"]*[”\"]|(?:^|(?<=[\s:(]))[‘'](?:[^‘’']|(?<=\w)['’]"
                                                       r"(?=\w))*[’'](?=[\s.,;)]|$)", r.text)]
    cities = [m.code for m in r.mentions if m.kind == "city" and not any(a <= m.start < b for a, b in quoted)]
    # "at the Bishkek summit", "the summit in Bishkek": that city before any other the sentence names
    summit_cities = [m.code for m in r.mentions if m.kind == "city" and (re.match(r"\s+[Ss]ummit", r.text[m.end:]) or
                                                                          re.search(r"[Ss]ummit\s+in\s+$", r.text[:m.start]))]
    if not docs and said and summit_cities:
        docs = [(0, summit_cities[-1])]
    elif not docs and said and cities:  # "in Bishkek: the declaration says ...": the summit in the city it names
        year = next((t.year for t in r.times if t.year and not any(a <= t.start < b for a, b in quoted)), None)
        docs = [(year or 0, cities[-1])]
    elif not docs and said and r.ctx.summit_city:
        docs = [(r.ctx.date.year if r.ctx.date else 0, r.ctx.summit_city)]
    return docs


def resolve_document(ev, year: int, city: str | None, as_of) -> tuple[int | None, str]:
    """The year of a declaration named by city (the latest summit there by the as-of day) and its readable name."""
    if not year:
        frame = ev.summits()
        year = None
        if not frame.empty and city:
            rows = frame[frame["host_city"].str.startswith(city) & (frame["date"] <= as_of.day)]
            year = int(rows.iloc[-1]["year"]) if not rows.empty else None
    return year, f"{year or ''} {city or ''} Declaration".replace("  ", " ").strip()


def held_declarations(ev, documents, as_of, verdicts: list, parts: list):
    """(year, readable name, text, url) of each declaration a claim names whose text the pack holds; each one it
    does not hold adds an unverifiable verdict to `verdicts` and its reason, naming the texts held, to `parts`."""
    for year, city in documents:
        year, doc = resolve_document(ev, year, city, as_of)
        held = ev.declaration_text(year) if year else None
        if held is None:
            verdicts.append(UNVERIFIABLE)
            years = ", ".join(map(str, ev.declaration_years())) or "none"
            parts.append(f"the text of the {doc} is not held (texts held: {years})")
            continue
        document = ev.declaration_document(year)
        if document != "declaration":  # another document of that summit: not the one the claim names
            verdicts.append(UNVERIFIABLE)
            parts.append(f"the text of the {doc} is not held: the pack holds the {year} summit's {document} instead, "
                         f"another document")
            continue
        yield (year, doc, *held)


# US spellings folded into British ones, so a quotation's spelling does not decide (defense/defence, -ize/-ise).
_SPELLING = [(re.compile(r"\b(\w{2,})iz(e|es|ed|ing|ation|ations)\b"), r"\1is\2"),
             (re.compile(r"\b(\w{2,})yz(e|es|ed|ing)\b"), r"\1ys\2"),
             (re.compile(r"\b(defen|offen|licen)se(s?)\b"), r"\1ce\2"),
             (re.compile(r"\b(col|lab|fav|neighb|hon|behavi|harb|endeav|vig)or(s|ed|ing|able|ite)?\b"), r"\1our\2"),
             (re.compile(r"\b(cent|theat)er(s?)\b"), r"\1re\2")]


def spelling(text: str) -> str:
    """Lower-case text with US spellings folded into British ones."""
    text = text.lower()
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return text


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", spelling(text))


@functools.lru_cache(maxsize=8)
def _document_forms(text: str) -> tuple[str, list[str]]:
    """A document's spelling-folded text and its words, once per document (the caller must not change the list)."""
    return spelling(text), words(text)


@functools.lru_cache(maxsize=256)
def find_quote(quote: str, text: str) -> tuple[str, str]:
    """Exact (normalised) → supported; the quote's parts found apart, or a near wording (≥ 75% of its words in one
    window) → partly supported; otherwise contradicted (the document does not say it). (A pure function of two
    strings: remembered, as a long text quotes the same declarations again and again.)"""
    if quote in text:
        return SUPPORTED, "found verbatim"
    folded, tw = _document_forms(text)
    if spelling(quote) in folded:
        return SUPPORTED, "found verbatim (spelling aside)"
    qw = words(quote)
    if not qw:
        return UNVERIFIABLE, "empty quotation"
    joined = " " + " ".join(tw) + " "
    if " " + " ".join(qw) + " " in joined:
        return SUPPORTED, "found verbatim (punctuation aside)"
    pieces = [words(x) for x in re.split(r"[,;:]", quote)]
    pieces = [x for x in pieces if len(x) >= 3]
    found = [x for x in pieces if " " + " ".join(x) + " " in joined]
    if pieces and len(found) == len(pieces) and len(pieces) > 1:
        return PARTLY, "every part is in the text, but not as one continuous passage"
    n = len(qw)
    best, best_at = 0.0, 0
    for i in range(0, max(1, len(tw) - n + 1)):
        window = tw[i:i + n]
        score = sum(1 for a, b in zip(window, qw) if a == b) / n
        if score > best:
            best, best_at = score, i
        if score == 1:
            break
    if best >= 0.75:
        return PARTLY, f"near wording: '{' '.join(tw[best_at:best_at + n])}'"
    if found:
        return PARTLY, f"{len(found)} of {len(pieces)} parts found"
    overlap = len(set(qw) & set(tw)) / len(set(qw))
    return CONTRADICTED, f"not in the text (best match {best:.0%} of the words in order; {overlap:.0%} of them " \
                         f"appear anywhere)"


# Usual variants of notions declarations are said to mention ("multipolarity" is written "multi-polarity",
# "multipolar world", "polycentric").
VARIANTS = {
    "multipolar": r"multi-?polar(?:ity)?|polycentric|multi-?polar world",
    "shanghai spirit": r"[\"']?shanghai spirit[\"']?",
    "belt and road": r"belt\W+and\W+road|\bbri\b|one\W+belt\W+one\W+road",
}
# Verbs of a call ("calls for", "urged", "advocated") found near a notion in the text.
CALL_VERBS = r"call(?:s|ed)?\s+(?:for|on)|urg(?:e|es|ed)|advocat(?:e|es|ed)|support(?:s|ed)?|stand\s+for|" \
             r"seek(?:s)?\s+to|agree(?:s|d)?\s+to|decide(?:s|d)?\s+to|will\s+(?:work|strive|continue)\s+to|" \
             r"favou?r(?:s|ed)?|promot(?:e|es|ed)|in favou?r of|commit(?:ted)?\s+to|reaffirm(?:s|ed)?|" \
             r"emphasi[sz](?:e|es|ed)|stress(?:es|ed)?|build(?:ing)?|establish(?:ing)?|form(?:ing|ation of)?"


def notion_pattern(notion: str) -> str:
    """A regex for a notion and its usual variants, on normalised text."""
    key = notion.lower().strip(" \"'“”")
    if re.fullmatch(r"(?:the\s+)?(?:bri|obor)(?:\s+initiative)?", key):  # the acronyms of the Belt and Road Initiative
        key = "belt and road"
    key = re.sub(r"\b(?:bri|obor)\b", "belt and road initiative", key)  # "support for china's bri": its words
    for stem, pattern in VARIANTS.items():
        if stem in key.replace("-", ""):
            return pattern
    stems = [re.escape(w[:-1] if len(w) > 5 and w.endswith("s") else w) for w in words(key)]
    return r"\W+".join(stems) if stems else re.escape(key)


def find_notion(notion: str, text: str, called: bool) -> tuple[str, str]:
    """Whether a document mentions a notion (or calls for it: a call verb within 120 characters before it)."""
    pattern = notion_pattern(notion)
    hits = list(re.finditer(pattern, text))
    if not hits:
        near = _together(notion, text)
        if near:
            call = called and re.search(CALL_VERBS, near)
            return (SUPPORTED if not called or call else PARTLY), f"its words appear together: '…{near}…'"
        return CONTRADICTED, f"'{notion}' does not appear in the text (searched: {pattern})"
    if not called:
        return SUPPORTED, f"mentioned {len(hits)} time(s), e.g. '…{_context(text, hits[0])}…'"
    for hit in hits:
        window = text[max(0, hit.start() - 120):hit.start()]
        if re.search(CALL_VERBS, window):
            return SUPPORTED, f"called for: '…{_context(text, hit)}…'"
    return PARTLY, f"mentioned ({len(hits)} time(s)) but not as a call, e.g. '…{_context(text, hits[0])}…'"


_NOTION_STOP = {"more", "their", "with", "that", "this", "which", "from", "into", "other", "about", "they", "them",
                "making", "make", "holding", "hold", "carrying", "carry", "implementing", "implement", "ensuring",
                "ensure"}  # light verbs: 'making X effective' is said 'a more effective X', 'carrying out X' 'implement X'
# "counter-terrorism" is also written "anti-terrorist": a prefix of opposition keeps only the rest of the word.
_PREFIX = re.compile(r"^(?:counter|anti)-")
# Content words of a notion must all fall within this many characters of the text to count as said together.
WINDOW = 300


def light_stem(word: str) -> str:
    """A light stem, so that inflections meet ('developing'/'develop', 'territory'/'territories', 'lists'/'list')."""
    word = _PREFIX.sub("", word)
    for suffix in ("ies", "ing", "ism", "ist", "ed", "es", "s", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def content_stems(notion: str) -> list[str]:
    """A notion's content words (light stems): words of four letters or more, and acronyms ('WCO', 'UN')."""
    acronyms = {a.lower() for a in re.findall(r"\b[A-Z]{2,5}\b", notion)}
    return [light_stem(w) for w in words(notion)
            if (len(w) >= 4 and w not in _NOTION_STOP) or w in acronyms]


def share_of_words(notion: str, text: str) -> float:
    """The share of a notion's content words (light stems) found anywhere in the text."""
    stems = set(content_stems(notion))
    held = " " + " ".join(words(text))
    return sum(1 for s in stems if " " + s in held) / len(stems) if stems else 0.0


def passage_share(notion: str, text: str, width: int = 120) -> float:
    """The largest share of a notion's content words (light stems) found within one passage of `width` words."""
    stems = set(content_stems(notion))
    tw = words(text)
    if not stems or not tw:
        return 0.0
    best = 0
    for i in range(0, max(1, len(tw) - width + 1), 20):
        held = " " + " ".join(tw[i:i + width])
        best = max(best, sum(1 for s in stems if " " + s in held))
    return best / len(stems)


# A wording whose content words are mostly in the text (in one passage, or anywhere) is a rewording or a translation
# the text cannot refute; only one whose content words are essentially absent is contradicted.
MOSTLY = 0.7
ABSENT = 0.5


def wording_verdict(claimed: str, text: str, outcome: str, detail: str, quoted: bool = False) -> tuple[str, str]:
    """Never a contradiction on wording alone: a contradicted outcome becomes unverifiable when half or more of the
    content words are in the text (a quotation: partly supported when most stand in one passage, a translation's
    other wording); kept only when they are essentially absent."""
    if outcome != CONTRADICTED:
        return outcome, detail
    near, anywhere = passage_share(claimed, text), share_of_words(claimed, text)
    if quoted and near >= MOSTLY:
        return PARTLY, f"{detail}; but {near:.0%} of its content words stand in one passage: a different wording " \
                       "(perhaps a translation) of what the text says"
    if anywhere >= ABSENT:
        return UNVERIFIABLE, f"{detail}; but {anywhere:.0%} of its content words are in the text: the wording can " \
                             "neither confirm nor refute it"
    return outcome, detail


def _together(notion: str, text: str) -> str | None:
    """A passage of text holding every content word of a longer notion (their stems), or None."""
    stems = content_stems(notion)
    # "multipolar" is also spelt "multi-polar"; every other stem is escaped once (a hyphen in "build-up")
    stems = [next((pattern for stem, pattern in VARIANTS.items() if s.replace("-", "").startswith(stem.split()[0])),
                  re.escape(s)) for s in stems]
    if len(stems) < 2:
        return None
    first = [m.start() for m in re.finditer(stems[0], text)]
    for start in first:
        window = text[max(0, start - WINDOW):start + WINDOW]
        if all(re.search(s, window) for s in stems[1:]):
            return text[max(0, start - 60):start + 120].strip()
    return None


def _context(text: str, m, width: int = 90) -> str:
    return text[max(0, m.start() - width):m.end() + 40].strip()


# Words that end a lead-in before a listed notion ("should guard against A, B and C": A starts after 'against').
_LEAD_END = {"against", "for", "of", "on", "to", "with", "about", "from", "over", "including", "like", "as", "such",
             "the", "any", "all", "both", "and", "or"}


_ADJECTIVE = re.compile(r"(?:ic|al|ist|ous|ive|an|ent|ant|ar|ful|less|ed|ible|able)$|^(?:just|free|fair|open|equal)$",
                        re.IGNORECASE)


def listed_notions(notion: str) -> list[str]:
    """The items of a list of three or more short notions in a paraphrase ('member states should guard against
    xenophobia, racial discrimination and religious intolerance spreading' → the three notions), else []: each is a
    notion of its own, never the whole wording as one phrase."""
    m = re.search(r"([^,;]+)((?:,\s*[^,;]+){1,}?),?\s+(?:and|or)\s+([^,;]+)$", notion)
    if not m:
        return []
    middle = [x.strip() for x in m.group(2).split(",") if x.strip()]
    if not middle or any(len(x.split()) > 3 for x in middle):
        return []
    size = max(len(x.split()) for x in middle)
    head = m.group(1).split()
    cut = max((i + 1 for i, w in enumerate(head) if w.lower() in _LEAD_END), default=max(0, len(head) - size))
    tail = []  # the last item: up to three words, ending before a participle or a function word ('... spreading')
    for w in m.group(3).split()[:3]:
        if tail and (w.lower() in _LEAD_END or re.search(r"ing\W*$", w) or w.lower() in ("which", "that", "in", "at")):
            break
        tail.append(w.strip(" .,;\"'“”"))
    if size == 1 and len(tail) > 1 and all(_ADJECTIVE.search(x) for x in middle):
        return []  # "ethnic, religious and political groups": adjectives of one noun, one notion
    first, last = " ".join(head[cut:][-size:]), " ".join(tail)
    items = [x for x in (first, *middle, last) if x]
    return items if len(items) >= 3 else []


def find_listed(items: list[str], text: str) -> tuple[str, str] | None:
    """Each listed notion looked up on its own; one whose head word stands in the same passage with another modifier
    ('aggressive nationalism' for 'radical nationalism') is the same notion worded otherwise (a translation). None
    when no item is found (the wording is then judged as a whole)."""
    verdicts, found, missing = [], [], []
    for i, item in enumerate(items):
        outcome, _ = find_notion(item, text, False)
        while i == 0 and outcome != SUPPORTED and len(item.split()) > 1:  # the first item's lead-in is uncertain
            item = item.split(maxsplit=1)[1]
            outcome, _ = find_notion(item, text, False)
        head = words(item)[-1:] if len(words(item)) > 1 else []
        other = re.search(rf"\b(?!(?:{'|'.join(_LEAD_END)})\b)[a-z]{{4,}}[\s-]+{re.escape(head[0])}\b", text) \
            if head and outcome == CONTRADICTED else None
        if outcome == SUPPORTED or other:
            found.append(item if outcome == SUPPORTED else f"{item} (as '{other.group(0)}')")
            verdicts.append(SUPPORTED)
        else:
            missing.append(item)
            verdicts.append(UNVERIFIABLE)
    if not found:
        return None
    outcome = SUPPORTED if not missing else PARTLY
    return outcome, f"each listed notion looked up: found {', '.join(found)}" + \
        (f"; not found: {', '.join(missing)}" if missing else "")
