"""``undisclosed_promotion``: a brand pushed at the reader, with no disclosure.

No phrase of advertising is enough on its own: reporting quotes prices, names companies and
sometimes says "you". A sales pitch is where these signals meet in one sentence (or a
question and the sentence that answers it):

* **a brand or product**: a name that is not a person (a person is never the promoted
  product), a capitalised word the parser missed, or a web address; the name is off the
  article's topic (not in the title, not named outside the pitch);
* **a call to act**: a commercial verb aimed at the reader ("order", « téléchargez »,
  "buchen Sie", "reserve"), ``[promotion] call_to_act`` in ``lang/<iso>/trust.toml``;
* **an offer**: a price, a discount, a promotional code or a web address
  (``[promotion] offer``, ``price``, ``code``);
* **second-person address**: the reader as "you", « vous », "Sie", "usted"
  (``[promotion] second_person``);
* **advertising praise**: "award-winning products", « solutions clé en main »
  (``[promotion] praise``), what reporting leaves to the people it quotes;
* **a named promotional code** beside a discount or a price ("promo code SPRING20",
  « en présentant le code X » after « 30 % de remise »; ``[promotion] named_code``): a sale
  even in the third person, where no one calls or addresses the reader;
* **its own web address** beside a price ("VitaRebe … für 19,90 Euro unter vitarebe.de"): where
  to buy the very product named.

A sentence that gives an offer of its own lends its product to the sale told in the next one
(« X propose … à 49 euros. Réservez … avec le code Y. »), and its price to a next one that only
calls or gives a code (« X … à 499 euros. Passez les essayer. »); a named code is never the brand.

A flag needs the brand and at least two of the other six; nothing may disclose a
partnership (``[promotion] disclosure``), and a quoted speaker's words, the site's own prompts
(a login box, a subscription offer: ``boilerplate_leak``'s furniture), or a sentence that
attributes what it says ("…, the minister said"), are not the article's pitch. Where the
signals say "sale" on their own (an offer, and the reader called to act or addressed) and
nobody is reported, a name the recogniser reads as a person is taken as the brand: small
recognisers call any unknown pair of capitalised words a person ("Nerima Bank"). So is a name
where the reader is both addressed and called to act ("you can book your table … at X"), price
or none; and a name's words that name the article's own town do not make it part of the story.
"""

from __future__ import annotations

import re
from functools import cache

from newsweave.assess.leaks import furniture_pieces
from newsweave.assess.textual import Sentence, ends_with_pattern, find_patterns, mentions, overlaps, patterns, quoted_spans, time_spans
from newsweave.model import Article, Flag, Severity

KIND = "undisclosed_promotion"
SEVERITY: Severity = "warning"
PERSON_LABELS = frozenset({"PERSON", "PER"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# A capitalised word (or a run of them) that is not the sentence's first word.
_BRAND_WORD = re.compile(r"(?<=[\w,;:(–-] )([A-ZÀ-Ý][\w&'’-]*[\w](?: [A-Z0-9][\w&-]*)*)")
_CODE = re.compile(r"[A-Z]{2,}\d{1,4}")
# A code after the word that names it: capitals and digits, or six capitals or more (not "ISBN", "TVA").
_CODE_AFTER = r"(?-i:[A-Z]{3,}\d{1,4}|[A-Z]{6,})\b"
# A number right before a capitalised word: the word is what it counts („5 Euro Startguthaben“, "10 Euros"), no brand.
_COUNTED = re.compile(r"\d(?:[\d.,]*\d)? ?$")
_ADDRESS = re.compile(r"\b[\w-]+\.(?:com|net|org|io|fr|de|es|co\.uk|app|shop|store)\b")
# An e-mail address: where to write to, found in contact blocks and reporters' sign-offs.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A telephone number written in groups ("04431 9988 2701", "+33 1 42 00 00"): a newsroom's or an
# author's box gives it beside the site's address.
_PHONE = re.compile(r"(?<![\w.,])\+?\d{2,5}(?:[ /-]\d{2,}){2,}(?![\w.,])")
# Words that name the reader's own world and are never a brand.
_NOT_BRANDS = frozenset({"I", "You", "We", "Vous", "Nous", "Je", "Sie", "Ihr", "Ihre", "Ihren", "Ihnen", "Usted", "Jetzt"})
SIGNALS = ("call_to_act", "offer", "second_person", "praise", "named_code", "own_address")
# Furniture reasons (``lang/<iso>/boilerplate.toml``) of the site speaking for itself.
SITE_PROMPTS = frozenset({"subscription_prompt", "site_prompt", "cookie_notice"})
# Confidence by number of signals beside the brand (2 or 3), from the planted tune half and
# the real-news false alarms (docs/quality.md).
CONFIDENCE = {2: 0.8, 3: 0.95, 4: 0.95}


def detect_undisclosed_promotion(article: Article) -> list[Flag]:
    """One flag per promoted brand, with the brand and the signals as evidence."""
    if find_patterns(patterns(article, "promotion", "disclosure"), f"{article.title or ''}\n{article.text}"):
        return []
    # A quoted speaker's words and the site's prompts for itself (a login box, a paywall: flagged
    # as furniture) are not the article's pitch; an app prompt stays, as "Download the X app" of
    # a third party is the pitch itself.
    quoted = quoted_spans(article) + _site_prompts(article)
    flags: list[Flag] = []
    seen: set[str] = set()
    all_sentences = _plain_sentences(article)
    for index, sentence in enumerate(all_sentences):
        window = _window(all_sentences, index)
        lead_sentence = _lead_sentence(article, all_sentences, index)
        lead_offers = _lead_offers(article, lead_sentence, quoted)
        signals = {name: _signal(article, name, window, quoted, lead_offers) for name in SIGNALS if name != "own_address"}
        signals["own_address"] = _own_addresses(article, window, quoted, signals["offer"])
        found = {name: spans for name, spans in signals.items() if spans}
        if lead_offers and "offer" not in found and ("named_code" in found or _calls(article, window, quoted)):
            found["offer"] = lead_offers  # the sale told over two sentences: the price before, the call or the code after
        if len(found) < 2 or _reports_someone(article, window):
            continue
        acts = found.get("call_to_act", [])
        pitched = _pitch_without_speaker(article, window, found)
        lead = lead_sentence if pitched else None
        pitch = (lead.start if lead else window[0], window[1])
        own = _not_codes(_brands(article, window, acts, pitched or _reader_called(found)), found.get("named_code", []))
        brands = [span for span in own if _core(article.text[span[0] : span[1]]) not in seen]
        brands = [span for span in brands if _off_topic(article, article.text[span[0] : span[1]], pitch)]
        # The lead's product may be the one the sale gives again by its web address: both are evidence.
        brands += [span for span in _lead_in_brands(article, lead, pitch, own, quoted, lead_offers)
                   if _core(article.text[span[0] : span[1]]) not in seen and span not in brands]
        if not brands:
            continue
        seen.update(_core(article.text[s:e]) for s, e in brands)
        flags.append(_flag(article, brands, found))
    return flags


def _lead_sentence(article: Article, all_sentences: list[Sentence], index: int) -> Sentence | None:
    """The sentence before a sale in the same paragraph, when it reports nobody: part of the pitch, where
    the product is often named before the call to act ("… your best bet is X. Download it …")."""
    if index == 0:
        return None
    lead = all_sentences[index - 1]
    if "\n" in article.text[lead.end : all_sentences[index].start] or _reports_someone(article, (lead.start, lead.end)):
        return None
    return lead


def _lead_offers(article: Article, lead: Sentence | None, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The offers (a price, a discount) of the sale's lead (``_lead_sentence``), if any: a sale told over two
    sentences gives its price in the first and its call to act or its code in the second (« … sont en
    promotion à 499 euros … . Passez les essayer », « … pour 3,90 euros par jour … . Ils la souscrivent …
    avec le code X. »); the second sentence sells with the first one's price, and a name in the first that
    the recogniser reads as a person or an unknown place is the product (``_lead_in_brands``), as in a
    one-sentence sale."""
    return [] if lead is None else _signal(article, "offer", (lead.start, lead.end), quoted)


def _lead_in_brands(article: Article, lead: Sentence | None, pitch: tuple[int, int], own: list[tuple[int, int]],
                    quoted: list[tuple[int, int]], lead_offers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The product a sale names in the sentence before it (``lead``, see ``_lead_sentence``): "… should try
    Brinebox, the weekly fish crate. Order before Friday with the code …", „Wer …, ist mit der App X am
    besten beraten. Einfach herunterladen …“. The lead lends its product when it calls the reader to act
    or speaks to the reader, when the sale names no product of its own (its call to act acts on the one
    named before), or when the sale names the same product again (its web address). A lead that speaks
    to nobody lends no person and no place: only one that sells makes a name the pitch's product. A
    site's sign-up box ("By registering you agree to receive emails from X. You may unsubscribe at any
    time.") offers nothing: its last sentence is no sale and has no lead."""
    if lead is None:
        return []
    acts = _signal(article, "call_to_act", (lead.start, lead.end), quoted)
    speaks = bool(acts or _signal(article, "second_person", (lead.start, lead.end), quoted))
    named_again = {_core(article.text[s:e].split(".")[0]) for s, e in own}
    return [span for span in _brands(article, (lead.start, lead.end), acts, speaks or bool(lead_offers))
            if (speaks or not own or _core(article.text[span[0] : span[1]]) in named_again)
            and _off_topic(article, article.text[span[0] : span[1]], pitch)]


def _not_codes(brands: list[tuple[int, int]], codes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names that are not the code a named-code phrase gives (« le code VENDANGE »): a code in capitals
    with no digit reads as a name, but it is the offer's evidence, and the product is named elsewhere."""
    return [(s, e) for s, e in brands if not any(cs <= s and e <= ce for cs, ce in codes)]


def _site_prompts(article: Article) -> list[tuple[int, int]]:
    """The site's prompts for itself (a login box, a subscription offer, a cookie notice) that
    ``boilerplate_leak`` finds in the text. Not a "read also" lead-in, whose headline and whatever
    is glued after it are someone else's words, nor an app prompt."""
    return [(start, end) for start, end, reason in furniture_pieces(article) if reason in SITE_PROMPTS]


def _plain_sentences(article: Article) -> list[Sentence]:
    """Sentences cut at end punctuation inside each line.

    Not the parser's sentences: small parsers cut a pitch in pieces at an unknown brand or
    a code ("… assurance habitation | Kalmora | avec le code READER25"), and the signals of
    one sentence must stay together.
    """
    cached = article.work.memo.get("trust_plain_sentences")
    if cached is not None:
        return cached
    found = []
    for line in re.finditer(r"[^\n]+", article.text):
        for piece in re.finditer(r"\S.*?(?:[.!?…](?=\s|$)|$)", line.group(0)):
            start, end = line.start() + piece.start(), line.start() + piece.end()
            if article.text[start:end].strip():
                found.append(Sentence(start, end, article.text[start:end]))
    article.work.memo["trust_plain_sentences"] = found
    return found


def _window(all_sentences: list[Sentence], index: int) -> tuple[int, int]:
    """The sentence, and the next one when this one is a question ("Looking for X? Try Y")."""
    sentence = all_sentences[index]
    if sentence.text.rstrip().endswith("?") and index + 1 < len(all_sentences):
        return sentence.start, all_sentences[index + 1].end
    return sentence.start, sentence.end


def _calls(article: Article, window: tuple[int, int], excluded: list[tuple[int, int]]) -> bool:
    """A call to act proper, not only a sale's terms (``[promotion] sale_terms``: "free delivery", „kostenlos“):
    a term sells beside a price in its own sentence, but a recall's "send it back free of charge" after a
    refund's price is no sale, so only a call makes a price in the sentence before part of the pitch."""
    spans = find_patterns(patterns(article, "promotion", "call_to_act"), article.text, *window)
    return any(not overlaps(*span, excluded) for span in spans)


def _signal(article: Article, name: str, window: tuple[int, int], excluded: list[tuple[int, int]],
            lead_offers: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    pats = patterns(article, "promotion", name)
    if name == "call_to_act":
        pats = pats + patterns(article, "promotion", "sale_terms")
    if name == "named_code":
        pats = _codes_named(pats)
    if name == "offer":
        pats = pats + patterns(article, "promotion", "price") + patterns(article, "promotion", "code")
    spans = [span for span in find_patterns(pats, article.text, *window) if not overlaps(*span, excluded)]
    if name == "named_code" and spans and not lead_offers and not _discount_beside(article, window, spans, excluded):
        return []
    if name == "offer" and _contact_block(article, window):
        spans = [(s, e) for s, e in spans if not _ADDRESS.search(article.text, s, e)]
    return spans


def _own_addresses(article: Article, window: tuple[int, int], excluded: list[tuple[int, int]],
                   offers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Web addresses whose name is a name the window gives ("VitaRebe … unter vitarebe.de"): where to buy
    the very product named, a second sign of a sale beside a price, where a reader is neither addressed nor
    called. Only beside an offer that is not itself an address (a price, a discount): the address alone
    is already the offer's evidence, and a source's own site ("X publishes them at x.com") sells nothing.
    Not in a contact block (an e-mail or a telephone number beside it: whom to ask). ``offers``: the
    window's own offer signal."""
    if _contact_block(article, window):
        return []
    if not any(not _ADDRESS.search(article.text, s, e) for s, e in offers):
        return []
    text = article.text[window[0] : window[1]]
    runs = [m.group(0) for m in _BRAND_WORD.finditer(text)]
    # The run ("Rebdünger VitaRebe", German nouns before a name) and each of its words.
    names = {re.sub(r"[\s&'’-]", "", name).lower() for run in runs for name in [run, *run.split()]}
    found = []
    for match in _ADDRESS.finditer(text):
        s, e = window[0] + match.start(), window[0] + match.end()
        if match.group(0).split(".")[0].replace("-", "").lower() in names and not overlaps(s, e, excluded):
            found.append((s, e))
    return found


@cache
def _codes_named(words: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """The words that name a code (``[promotion] named_code``: "promo code", « code promo », „Rabattcode“)
    followed by the code itself: capitals with digits ("SPRING20") or a long run of capitals ("APINSIDER").
    A word after the naming one ("batch code", « code de lot ») leaves no code."""
    return tuple(re.compile(rf"(?:{word.pattern})[ \t]*:?[ \t]*[«\"“„]?[ \t]*{_CODE_AFTER}", word.flags) for word in words)


def _discount_beside(article: Article, window: tuple[int, int], codes: list[tuple[int, int]],
                     excluded: list[tuple[int, int]]) -> bool:
    """A discount or a price in the window besides the named codes themselves: a code is a sale's
    when it buys something ("30 % de remise … en présentant le code X"), told in the third person
    as often as to the reader; a code alone may name anything."""
    return any(not overlaps(s, e, codes) for s, e in _signal(article, "offer", window, excluded))


def _contact_block(article: Article, window: tuple[int, int]) -> bool:
    """The window gives an e-mail address or a telephone number: contact details (a press office,
    a reporter's sign-off, an author's box), where the web addresses beside it say whom to ask, not
    where to buy."""
    return any(pattern.search(article.text, *window) for pattern in (_EMAIL, _PHONE))


def _flag(article: Article, brands: list[tuple[int, int]], found: dict[str, list[tuple[int, int]]]) -> Flag:
    brand = min(brands, key=lambda span: _looks_like_address_or_code(article.text[span[0] : span[1]]))
    name = article.text[brand[0] : brand[1]]
    what = {"call_to_act": "a call to act", "offer": "a price or offer", "second_person": "the reader addressed as “you”",
            "praise": "advertising praise", "named_code": "a promotional code", "own_address": "its own web address"}
    signs = " and ".join(what[key] for key in SIGNALS if key in found)
    message = f"“{name}” is pitched to the reader ({signs}) and nothing discloses a partnership."
    evidence = [article.span(start, end) for start, end in brands]
    for spans in found.values():
        evidence += [article.span(s, e) for s, e in spans if not any(s < be and bs < e for bs, be in brands)]
    unique = {(span.start, span.end): span for span in evidence}
    return Flag(KIND, SEVERITY, message, sorted(unique.values(), key=lambda span: span.start), CONFIDENCE[min(4, len(found))])


def _reports_someone(article: Article, window: tuple[int, int]) -> bool:
    """The sentence attributes what it says ("…, the minister said", « selon … »): a claim
    reported from someone, which the article does not make its own pitch. A speech verb whose object
    is the reader ("the app tells you …", ``[promotion] told_to_reader``) is the pitch's own voice."""
    cues = find_patterns(patterns(article, "source", "cues"), article.text, *window)
    told = find_patterns(patterns(article, "promotion", "told_to_reader"), article.text, *window)
    return any(not any(ts <= start and end <= te for ts, te in told) for start, end in cues)


def _pitch_without_speaker(article: Article, window: tuple[int, int], found: dict[str, list[tuple[int, int]]]) -> bool:
    """The window sells (an offer: a price, a code, a discount) with the reader addressed or called
    to act, or with a named code to buy it with, and reports nobody (no attribution cue): a person there would be a speaker or
    the one reported on, so a name that reads as a person is more likely an unknown brand
    ("Nerima Bank: abra su cuenta… 50 euros") that a small recogniser calls a person."""
    return "offer" in found and bool({"call_to_act", "second_person", "named_code"} & set(found)) \
        and not _reports_someone(article, window)


def _reader_called(found: dict[str, list[tuple[int, int]]]) -> bool:
    """The reader is both addressed and called to act with a commercial verb ("you can book your table
    online now at X"): where the window reports nobody, an unknown name in it is the place to buy, not a
    place or a person reported on, even with no price. It lends no product to the sentence before it
    (``_lead_in_brands`` needs a sale): a site's sign-up box ("… emails from X. You may unsubscribe at any
    time.") calls the reader but sells nothing."""
    return {"call_to_act", "second_person"} <= set(found)


def _brands(article: Article, window: tuple[int, int], acts: list[tuple[int, int]], pitched: bool = False) -> list[tuple[int, int]]:
    """Names in the window that are not people: parsed mentions, capitalised words, addresses.

    A name the parser calls a person stays a person, unless the window treats it as a
    product: it is what the call to act acts on ("Try Zentrik") or its web address is given,
    or the window is a pitch that reports nobody (``pitched``, see ``_pitch_without_speaker``).
    """
    start, end = window
    inside = [m for m in mentions(article) if start <= m.start and m.end <= end]
    addresses = article.text[start:end].lower()
    full_names = {m.text.lower() for m in mentions(article) if m.label in PERSON_LABELS and len(m.text.split()) > 1}
    people = [(m.start, m.end) for m in inside
              if m.label in PERSON_LABELS and _is_person(m.text, full_names) and not pitched
              and not _treated_as_product(article, m, acts, addresses)]
    # Places and peoples ("Europe", "German") are no product either; in a pitch, only a place the
    # gazetteer knows stays one (small recognisers call an unknown single name a place: "Kalmora").
    located = {(e.start, e.end) for e in article.entities if e.lat is not None}
    places = [(m.start, m.end) for m in inside
              if m.label in PLACE_LABELS and (not pitched or m.label == "NORP" or (m.start, m.end) in located)
              and not _treated_as_product(article, m, acts, addresses)]
    # A promotional code the recogniser took for a name ("RAIL25", or "FERVAL30 en caisse" with the words
    # after it) is evidence of the offer, not the brand.
    found = [(m.start, m.end) for m in inside if (m.start, m.end) not in people + places and not _CODE.match(m.text)]
    determiners = patterns(article, "promotion", "not_brand_before")
    times = time_spans(article)
    text = article.text[start:end]
    for pattern in (_BRAND_WORD, _ADDRESS):
        for match in pattern.finditer(text):
            s, e = start + match.start(), start + match.end()
            if match.group(0) in _NOT_BRANDS or overlaps(s, e, times) or overlaps(s, e, people):
                continue  # the reader, a weekday or a month, a person: not a brand
            if pattern is _BRAND_WORD and (any(char.isdigit() for char in match.group(0)) or _COUNTED.search(text, 0, match.start())):
                continue  # a promotional code is evidence of the offer, a word counted by a number ("5 Euro") a quantity
            if pattern is _BRAND_WORD and _after_determiner(article.text, s, determiners):
                # A common noun ("die Ergebnisse": German capitalises all nouns); a name may follow
                # it in the same run ("dem Filtersystem Aquapur").
                name_start = _name_after_noun(article.text, s, e)
                if name_start is None:
                    continue
                s = name_start
            if overlaps(s, e, places):
                continue  # a place
            if not any(fs < e and s < fe for fs, fe in found):
                found.append((s, e))
    return sorted(found)


def _name_after_noun(text: str, start: int, end: int) -> int | None:
    """Where the words after the run's first (a noun after its determiner) start, or None for a lone noun."""
    space = text.find(" ", start, end)
    return None if space < 0 else space + 1


def _after_determiner(text: str, start: int, determiners: tuple[re.Pattern[str], ...]) -> bool:
    before = text[max(0, start - 30) : start]
    return ends_with_pattern(determiners, before)


def _is_person(name: str, full_names: set[str]) -> bool:
    """A person's name has two words, or is the short form of one the article gives in full.

    Small parsers call any unknown single capitalised word a person ("Veltora"); news
    introduces a person by full name first.
    """
    if len(name.split()) > 1:
        return True
    return any(name.lower() in full.split() for full in full_names)


def _treated_as_product(article: Article, mention, acts: list[tuple[int, int]], window_text: str) -> bool:
    key = _core(mention.text)
    acted_on = any(-2 <= mention.start - end <= 2 for _, end in acts)
    return acted_on or bool(key and re.search(rf"\b{re.escape(key)}\.[a-z]{{2,5}}\b", window_text))


def _off_topic(article: Article, name: str, window: tuple[int, int]) -> bool:
    """The name is not in the title and not named outside the pitch: slipped in, not reported on."""
    key = _core(_own_words(article, name, window))
    if not key or len(key) < 3:
        return False
    if article.title and key in article.title.lower():
        return False
    start, end = window
    # A web address outside the pitch ("Plazas limitadas en altamarviajes.es.") is where to buy, no report on the name.
    outside = _ADDRESS.sub(" ", article.text[:start].lower() + " " + article.text[end:].lower())
    # A word that starts with the name counts too: the article about Kulmbach says "Kulmbacher".
    return re.search(rf"\b{re.escape(key)}", outside) is None


def _own_words(article: Article, name: str, window: tuple[int, int]) -> str:
    """The words of a name that are not themselves a name the article gives outside the pitch: a hotel or
    a shop named after the article's town ("Hotel Selva Montebravo" in a report on Montebravo's zoo) is
    on the article's topic only by its other words. The whole name when every word is such a name."""
    start, end = window
    elsewhere = {m.text for m in mentions(article) if m.end <= start or end <= m.start}
    words = [word for word in name.split() if word.strip(",.;:") not in elsewhere]
    return " ".join(words) if words and len(words) < len(name.split()) else name


def _looks_like_address_or_code(name: str) -> bool:
    """Web addresses and promo codes ("shop.com", "RAIL10") are evidence, not the brand's name."""
    return "." in name or any(char.isdigit() for char in name)


def _core(name: str) -> str:
    """The distinctive part of a name: its longest word, lower-cased."""
    words = re.findall(r"\w[\w&'’-]*", name)
    return max(words, key=len).lower() if words else ""
