"""How much a text says: amounts of money (with scale and currency), percentages, fractions, multiples, number
words and ordinals, and the hedge before a figure ('more than', 'nearly', 'about')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from .prefilter import finditer, search

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "a": 1, "an": 1}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
            "twenty-fifth": 25}
# Ordinal words and suffixed numerals ("second", "2nd", "No. 2"), as a regex fragment.
ORDINAL_RE = r"(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d{1,2}(?:st|nd|rd|th))"
FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
             "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "one-quarter": 0.25,
             "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2,
             "a tenth": 0.1, "one tenth": 0.1, "one-tenth": 0.1}
SCALES = {"trillion": 1e12, "tn": 1e12, "trn": 1e12, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
          "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
# Currency words and symbols → ISO code (the data hold US dollars, and euros as Eurostat publishes them).
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "yuan": "CNY", "rmb": "CNY",
              "renminbi": "CNY", "ruble": "RUB", "rubles": "RUB", "roubles": "RUB", "rouble": "RUB", "euro": "EUR",
              "euros": "EUR", "€": "EUR", "eur": "EUR", "tenge": "KZT", "rupees": "INR", "rupee": "INR",
              "som": "KGS", "soms": "KGS", "sum": "UZS", "soums": "UZS", "somoni": "TJS", "manat": "TMT"}

YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"trillion|billion|million|thousand|tn|trn|bn|bln|mn|mln|b|m|k"
MONEY_RE = re.compile(
    rf"(?:(?P<cur1>US\$|USD|\$|€|EUR)\s?(?P<n1>{NUM})(?:\s?(?P<s1>{SCALE})\b)?"
    rf"(?:\s(?P<cur1b>dollars|yuan|rubles|roubles|euros))?"
    rf"|(?P<n2>{NUM})\s?(?P<s2>{SCALE})?\s(?:(?:US|U\.S\.|American)\s)?(?P<cur2>dollars|yuan|rmb|renminbi|rubles|"
    rf"roubles|euros|tenge|rupees|USD|EUR|soms?|soums|somoni|manat)\b)",
    re.IGNORECASE)
PERCENT_RE = re.compile(rf"(?P<n>{NUM})\s?(?:%|percent\b|per\s+cent\b|pc\b)(?P<pp>\s?points?)?"
                        rf"|(?P<n2>{NUM})\s?percentage points?", re.IGNORECASE)
FRACTION_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
                         + r")\b", re.IGNORECASE)
# Hedge phrases before a figure, with the hedge id tolerances.py documents.
HEDGES: list[tuple[str, str]] = [
    (r"just over|just above|slightly more than|a little over|slightly over|slightly above", "just over"),
    (r"just under|just below|slightly less than|a little under|slightly under|just shy of", "just under"),
    (r"more than|over|above|upwards of|in excess of|exceeded|exceeding|exceeds|topped|topping|tops|surpassed|"
     r"surpassing|surpasses|passed|beyond", "more than"),
    (r"at least|no less than|not less than", "at least"),
    (r"nearly|almost|close to|approaching|nearing|short of|near", "nearly"),
    (r"about|around|approximately|roughly|some|circa|approx\.|an estimated|estimated|~|on the order of|"
     r"in the region of|in the order of|at the level of|at around|at about|at roughly", "about"),
    (r"less than|under|below|fewer than|up to|not more than|no more than|at most", "less than"),
]
# The hedge words readers' patterns accept right before a figure (one list for every reader; hedge_id() and
# hedge_before() map the words matched to the hedge ids above), and an optional hedge with its space (no group).
HEDGE_WORDS = r"just\s+over|just\s+under|more\s+than|less\s+than|at\s+least|close\s+to|approximately|about|around|" \
              r"roughly|some|nearly|almost|over|under"
HEDGE = rf"(?:(?:{HEDGE_WORDS})\s+)?"
# A dollar amount as readers' patterns match it, hedge included (no group): "$4.5 billion", "about US$ 12bn".
MONEY = rf"{HEDGE}(?:US\$|\$|USD)\s?\d[\d.,]*\s?(?:trillion|billion|million|tn|bn|mn)?"
HEDGE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<h{i}>{p})" for i, (p, _) in enumerate(HEDGES))
                      + r")\s*(?:of\s+|to\s+|by\s+)?$", re.IGNORECASE)
# How many times, as written: "2.5", "three", "one and a half".
TIMES_NUM = r"(?:(?:one|two|three|four|five)\s+and\s+a\s+half|\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)"
# A multiple: "doubled", "tripled", "3-fold", "grew 2.5 times", "a threefold increase".
MULTIPLE_RE = re.compile(
    r"\b(?P<word>doubled(?!\s+down)|doubling|tripled|trebled|tripling|quadrupled|quadrupling|halved|halving|"
    rf"(?P<fold>{TIMES_NUM})[- ]?fold|"
    r"(?:increased|grown|grew|risen|rose|expanded|multiplied|jumped|surged|soared|climbed)\s+(?:by\s+)?"
    r"(?:(?:more than|over|nearly|almost|about|around|roughly|some|at least)\s+)?"
    rf"(?P<times>{TIMES_NUM})\s+times|"
    # "93 times higher than a year earlier", "three times as large as in 2019": a multiple over time
    rf"(?P<times2>{TIMES_NUM})\s+times\s+(?:higher|larger|bigger|"
    r"greater|more|as\s+(?:high|large|big|much))(?:\s+in\s+(?:19|20)\d\d)?\s+(?:than|as)\s+(?=a\s+year\s+(?:earlier|before|ago)|the\s+"
    r"(?:previous|prior|preceding)\s+year|last\s+year|(?:in\s+)?(?:19|20)\d\d\b))\b", re.IGNORECASE)
MULTIPLE_WORDS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5}


@dataclass(frozen=True)
class Amount:
    """An amount of money in a text: its span, value in units of its currency, and the precision written."""

    start: int
    end: int
    value: float
    currency: str
    half_unit: float
    hedge: str | None
    text: str


@dataclass(frozen=True)
class Percent:
    """A percentage or a fraction ('17.4%', 'one-third') as a share 0-1."""

    start: int
    end: int
    value: float
    half_unit: float
    hedge: str | None


def parse_number(text: str) -> tuple[float, int]:
    """'1,234.5' → (1234.5, 1): the value and its number of decimals (for the precision a writer implied)."""
    clean = text.replace(",", "")
    decimals = len(clean.split(".")[1]) if "." in clean else 0
    return float(clean), decimals


def number_word(word: str) -> float | None:
    """'3', '2.5', 'three' → the number; None otherwise ('a' and 'an' are not counts)."""
    word = word.lower()
    half = re.fullmatch(r"(\w+)\s+and\s+a\s+half", word)
    if half and half.group(1) in NUMBER_WORDS:  # "one and a half"
        return NUMBER_WORDS[half.group(1)] + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS and word not in ("a", "an") else None


def ordinal(word: str) -> int | None:
    """'2nd', 'second', 'No. 2' → 2."""
    word = word.lower()
    m = re.search(r"(\d+)", word)
    return int(m.group(1)) if m else ORDINALS.get(word)


def hedge_before(text: str, start: int, window: int = 40) -> str | None:
    """The hedge id of a hedge phrase right before position start (e.g. 'more than' in 'more than $42 bn')."""
    m = search(HEDGE_RE, text[max(0, start - window):start])
    if not m:
        return None
    for i, (_, hedge) in enumerate(HEDGES):
        if m.group(f"h{i}"):
            return hedge
    return None


def hedge_id(phrase: str | None) -> str | None:
    """The hedge id of a phrase ('more than' → 'more than', 'roughly' → 'about')."""
    if not phrase:
        return None
    return hedge_before(phrase + " ", len(phrase) + 1)


def amounts(text: str, start: int = 0, end: int | None = None, *, small: bool = False) -> list[Amount]:
    """Amounts of money in text[start:end] ('$240 billion', 'US$ 1.2 bn', '2 trillion rubles', '€3.1bn'); a bare
    '$900' only when small (a figure per head, not a trade total)."""
    out = []
    for m in finditer(MONEY_RE, text, start, len(text) if end is None else end):
        g = m.groupdict()
        number = g["n1"] or g["n2"]
        scale_word = (g["s1"] or g["s2"] or "").lower()
        cur = (g["cur1b"] or g["cur1"] or g["cur2"] or "").lower()
        currency = CURRENCIES.get(cur, "USD")
        value, decimals = parse_number(number)
        scale = SCALES.get(scale_word, 1.0)
        if scale == 1.0 and currency == "USD" and value < 1000 and not scale_word and not small:
            continue  # "$5" alone: not a trade figure
        out.append(Amount(m.start(), m.end(), value * scale, currency, 0.5 * 10 ** (-decimals) * scale,
                          mark_hedge(text, m.start(), m.end()) or hedge_before(text, m.start()), m.group(0)))
    return out


# A round figure named as a mark ("passing the $100 billion mark", "nearing the 50-billion threshold") is a bound
# the total crossed or approached, not the total itself: the verb before it gives the hedge.
_MARK_VERBS: list[tuple[str, str]] = [
    (r"approach\w*|near(?:ing|ed|s)?|close\s+to|nearly\s+\w+|almost\s+\w+", "nearly"),
    (r"(?:fell|fall(?:ing|s)?|dropp\w*|slipp\w*|remain\w*|stay\w*|was|is)?\s*(?:below|under)", "less than"),
    (r"pass\w*|surpass\w*|cross\w*|exceed\w*|top\w*|break\w*|broke(?:n)?(?:\s+through)?|(?:went|go(?:ing|es)?|"
     r"rose|risen|climbed)\s+(?:over|above|past|beyond)|over|above|beyond|past", "more than"),
    (r"reach\w*|hit(?:s|ting)?|achiev\w*|attain\w*|hit", "at least"),
]
_MARK_AFTER = re.compile(r"[\s-]*(?:mark|threshold|milestone|barrier)\b", re.IGNORECASE)
_MARK_BEFORE = re.compile(r"\b(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(_MARK_VERBS))
                          + r")\s+(?:the|a)\s+$", re.IGNORECASE)


def mark_hedge(text: str, start: int, end: int) -> str | None:
    """The hedge of a figure named as a mark ('crossed the $100 billion mark' → 'more than'), else None."""
    if not _MARK_AFTER.match(text, end):
        return None
    m = search(_MARK_BEFORE, text[max(0, start - 40):start])
    if not m:
        return None
    return next(hedge for i, (_, hedge) in enumerate(_MARK_VERBS) if m.group(f"m{i}"))


def percent_at(text: str, start: int, end: int) -> Percent | None:
    """The first percentage or fraction in text[start:end] as a share."""
    m = search(PERCENT_RE, text, start, end)
    if m:
        value, decimals = parse_number(m.group("n") or m.group("n2"))
        return Percent(m.start(), m.end(), round(value / 100, 12), 0.5 * 10 ** (-decimals) / 100,
                       hedge_before(text, m.start()))
    m = search(FRACTION_RE, text, start, end)
    if m:
        return Percent(m.start(), m.end(), FRACTIONS[m.group(0).lower()], 0.0,
                       hedge_before(text, m.start()) or "about")
    return None


def multiple_value(m: re.Match) -> float | None:
    """The multiple a MULTIPLE_RE match states ('doubled' → 2, '2.5 times' → 2.5, 'threefold' → 3)."""
    word = m.group("word").lower()
    for stem, value in MULTIPLE_WORDS.items():
        if word.startswith(stem):
            return value
    return number_word((m.group("fold") or m.group("times") or m.group("times2") or "").lower())


# Words for a large part: "the bulk of", "most of", "the majority of" (more than half), "almost all" (90% or more).
PART_WORDS: list[tuple[str, float, str]] = [
    (r"(?:almost|nearly|virtually|practically)\s+all", 0.9, "at least"),
    (r"the\s+(?:vast|overwhelming)\s+(?:bulk|majority)|the\s+lion['’]s\s+share", 0.75, "at least"),
    (r"the\s+bulk|most|the\s+majority|more\s+than\s+half|over\s+half|the\s+largest\s+part", 0.5, "more than"),
    (r"all", 1.0, "at least"),
]
PART_RE = re.compile(r"\b(?:" + "|".join(f"(?P<w{i}>{p})" for i, (p, _, _) in enumerate(PART_WORDS)) + r")\b",
                     re.IGNORECASE)


def share_at(text: str, start: int, end: int) -> Percent | None:
    """A share stated in text[start:end]: a percentage, a fraction, or words for a large part ('the bulk of')."""
    found = percent_at(text, start, end)
    if found:
        return found
    m = search(PART_RE, text, start, end)
    if m:
        for i, (_, value, hedge) in enumerate(PART_WORDS):
            if m.group(f"w{i}"):
                return Percent(m.start(), m.end(), value, 0.0, hedge)
    return None


# Ratio words: "half of", "a third of", "twice", "three times", "double".
RATIO_WORDS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
               "a quarter": 0.25, "one quarter": 0.25, "one-quarter": 0.25, "two thirds": 2 / 3,
               "two-thirds": 2 / 3, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "twice": 2.0, "double": 2.0,
               "triple": 3.0, "thrice": 3.0}
RATIO = rf"(?P<ratio>{TIMES_NUM}\s+times|" + \
        "|".join(sorted((re.escape(w) for w in RATIO_WORDS), key=len, reverse=True)) + r")"


def ratio_value(text: str) -> float | None:
    """'half' → 0.5, 'three times' → 3, 'twice' → 2."""
    text = text.lower().strip()
    if text in RATIO_WORDS:
        return RATIO_WORDS[text]
    m = re.match(rf"({TIMES_NUM})\s+times", text)
    return number_word(m.group(1)) if m else None


# "in yuan terms", "in rouble terms", "measured in local currency", "in national currency": the currency a change is
# measured in. Local and national currency are the reporting state's.
TERMS_RE = re.compile(r"\b(?:in|measured\s+in)\s+(?:(?P<cur>yuan|renminbi|rmb|roubles?|rubles?|tenge|soms?|soums?|"
                      r"somoni|manat|rupees?|dollars?|euros?|US\s+dollar|dollar|euro|rouble|ruble)|(?P<local>local|"
                      r"national)\s+currency)(?:\s+terms)?\b", re.IGNORECASE)


def terms_in(text: str, start: int, end: int) -> str | None:
    """The currency a change in text[start:end] is measured in ('in yuan terms' → 'CNY', 'in local currency' →
    'local'), or None."""
    m = search(TERMS_RE, text, start, end)
    if not m:
        return None
    if m.group("local"):
        return "local currency"
    word = m.group("cur").lower().replace("us ", "")
    return CURRENCIES.get(word) or CURRENCIES.get(word.rstrip("s")) or CURRENCIES.get(word + "s")
