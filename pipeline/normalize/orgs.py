"""Organization names: clean a mention, key it for grouping, group mentions into organizations, and give each
organization a key that stays the same across articles and runs.

Grouping joins "Alibaba" and "Alibaba’s", "Toyota Motor Corp." and "Toyota",
and an acronym with its long form ("Alibaba Anti-Counterfeiting Alliance
(AACA)") so that each organization is one record.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache

from cleanco import basename

from pipeline.normalize.places import is_country
from pipeline.patterns import load_json

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ACRONYM_IN_PARENTHESES = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&]{1,7})\s*\)")  # "... Customs (GAC)"
_SMALL_WORDS = {"of", "and", "the", "for", "&", "de", "du", "la", "le", "des", "der", "und", "in", "on", "at", "a"}


def _key_words(text: str) -> list[str]:
    return [w for w in re.sub(r"[^\w&\s-]", " ", text.lower()).replace("-", " ").split() if w != "&"]


@cache
def _suffixes() -> tuple[tuple[str, ...], ...]:
    """Word sequences that do not tell two organizations apart: legal forms and words like Group, Holdings."""
    rules = load_json("org_rules.json")
    sequences = {tuple(_key_words(s)) for s in rules["legal_suffixes"] + rules["name_key_drops"]}
    return tuple(sorted((s for s in sequences if s), key=len, reverse=True))


@cache
def _legal_forms() -> frozenset[tuple[str, ...]]:
    """Legal forms as grouping words ("Co., Ltd." -> ("co", "ltd")); not those written after "&" ("& Partners"):
    joined by "&" they are part of the name, and alone they are a word of it ("Lightspeed Venture Partners")."""
    return frozenset(tuple(_key_words(s)) for s in load_json("org_rules.json")["legal_suffixes"]
                     if not s.startswith("&")) - {()}


@lru_cache(maxsize=65536)  # pure, and asked again for every mention of a name
def display_name(name: str) -> str:
    """The name an organization goes by: without the legal forms that end it, as written otherwise; a form joined
    by "&" is part of the name ("Tiffany & Co", "Marlow & Sons").

    >>> display_name("NovaGrid Technologies, Inc."), display_name("Kanemura Heavy Industries Co., Ltd.")
    ('NovaGrid Technologies', 'Kanemura Heavy Industries')
    >>> display_name("Siemens Energy AG"), display_name("Aarwerk Holding AG"), display_name("Tiffany & Co")
    ('Siemens Energy', 'Aarwerk Holding', 'Tiffany & Co')
    >>> display_name("Goldman Sachs & Co. LLC"), display_name("Inc."), display_name("Grupo Saltillo, S.A.B. de C.V.")
    ('Goldman Sachs & Co.', 'Inc.', 'Grupo Saltillo')
    >>> display_name("Lightspeed Venture Partners"), display_name("Marlow & Partners")
    ('Lightspeed Venture Partners', 'Marlow & Partners')
    """
    words = name.split()
    cut = True
    while cut:
        cut = False
        for size in (4, 3, 2, 1):
            rest = words[:-size]
            if len(words) > size and tuple(_key_words(" ".join(words[-size:]))) in _legal_forms() \
                    and "&" not in (rest[-1], words[-size]) and any(ch.isalnum() for ch in " ".join(rest)):
                words, cut = rest, True
                words[-1] = words[-1].rstrip(",")
                break
    return " ".join(words)


def clean_name(text: str, possessive_name: bool = False) -> str:
    """A mention as a name: no leading "the", no possessive, no trailing punctuation. A name that ends in "'s"
    (`possessive_name`: "Boatmen 's", "Ben & Jerry's") keeps it, written attached.

    >>> clean_name("the Alibaba’s")
    'Alibaba'
    >>> clean_name("General Motors,")
    'General Motors'
    >>> clean_name("Boatmen 's", possessive_name=True)
    "Boatmen's"
    """
    name = " ".join(text.split())
    name = _LEADING_THE.sub("", name)
    if possessive_name:
        return re.sub(r"\s+(['’]s)$", r"\1", name).strip(" ,;:-–—\"“”()")
    name = _POSSESSIVE.sub("", name)
    return name.strip(" ,;:-–—\"'“”‘’()")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A grouping key: lower case, no punctuation, no trailing legal forms (cleanco's, then ours).

    >>> name_key("Toyota Motor Corp.")
    'toyota motor'
    >>> name_key("Sears, Roebuck & Co.")
    'sears roebuck'
    >>> name_key("Group")
    'group'
    >>> name_key("Grupo Industrial Saltillo, S.A.B. de C.V."), name_key("Tata Steel"), name_key("Marel ehf")
    ('grupo industrial saltillo', 'tata steel', 'marel')
    """
    words = _key_words(clean_name(name))
    trimmed = True
    while trimmed:
        trimmed = False
        for suffix in _suffixes():
            if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
                del words[-len(suffix):]
                trimmed = True
                break
        while len(words) > 1 and words[-1] in _SMALL_WORDS:
            words.pop()
            trimmed = True
    return basename(" ".join(words)) or " ".join(words)  # then cleanco's legal forms of many countries


def initials(name: str) -> set[str]:
    """Upper-case initials a name may be abbreviated to, with and without its small words.

    >>> sorted(initials("Alibaba Anti-Counterfeiting Alliance"))
    ['AACA']
    >>> sorted(initials("Yoox Net-a-Porter"))
    ['YNAP', 'YNP']
    >>> sorted(initials("Bank of America"))
    ['BA', 'BOA']
    """
    parts = [p for p in re.split(r"[\s-]+", clean_name(name)) if p and p[0].isalpha()]
    every = "".join(p[0] for p in parts).upper()
    significant = "".join(p[0] for p in parts if p.lower() not in _SMALL_WORDS or p[0].isupper()).upper()
    return {every, significant}


def is_acronym(name: str) -> bool:
    """Two to six capitals, possibly with an ampersand or digits ("AACA", "YNAP", "AT&T")."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,5}s?", name))


@dataclass
class OrgGroup:
    """Mentions of one organization while grouping: (text, start, end) plus the candidate names."""

    names: list[str] = field(default_factory=list)
    canonical: str | None = None
    mentions: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The gazetteer's name, accented as the article writes it ("Nestlé"), else the fullest name without its
        legal form."""
        if self.canonical:
            written = (display_name(clean_name(text)) for text, _, _ in self.mentions)
            return next((n for n in written if n != self.canonical and fold_accents(n) == fold_accents(self.canonical)
                         and n.casefold() != fold_accents(n)), self.canonical)
        full = [display_name(n) for n in self.names if not is_acronym(n)] or self.names
        return max(full, key=lambda n: (len(n.split()), len(n)))


@lru_cache(maxsize=65536)  # pure, and asked again for every mention of a name
def fold_accents(text: str) -> str:
    """Case folded without accents: "Nestlé" and "NESTLE" compare equal.

    >>> fold_accents("Nestlé"), fold_accents("Dassault Systèmes")
    ('nestle', 'dassault systemes')
    """
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).casefold()


def group_mentions(mentions: list[tuple[str, int, int, str | None]], text: str) -> list[OrgGroup]:
    """Group ORG mentions (text, start, end, gazetteer name or None) of one article into organizations.

    >>> t = "Toyota Motor Corp. said Toyota's unit and the Alibaba Anti-Counterfeiting Alliance (AACA) met AACA."
    >>> ms = [("Toyota Motor Corp.", 0, 18, None), ("Toyota", 24, 30, None),
    ...       ("Alibaba Anti-Counterfeiting Alliance", 47, 83, None), ("AACA", 85, 89, None), ("AACA", 95, 99, None)]
    >>> [(g.name, len(g.mentions)) for g in group_mentions(ms, t)]
    [('Toyota Motor', 2), ('Alibaba Anti-Counterfeiting Alliance', 3)]
    >>> t = "Ayala Land Inc. and its parent Ayala Corp."
    >>> [g.name for g in group_mentions([("Ayala Land Inc.", 0, 15, None), ("Ayala Corp.", 31, 42, None)], t)]
    ['Ayala Land', 'Ayala']
    """
    groups: dict[str, OrgGroup] = {}
    defined = _defined_acronyms(mentions, text)
    for mention_text, start, end, known in sorted(mentions, key=lambda m: m[1]):
        known = None if mention_text in defined else known
        name = known or clean_name(mention_text, possessive_name=True)  # a span holds "'s" only as part of a name
        if not name:
            continue
        key = f"={known}" if known else name_key(name)  # two gazetteer names never merge
        group = groups.setdefault(key, OrgGroup())
        group.names.append(name)
        group.canonical = group.canonical or known
        group.mentions.append((mention_text, start, end))
    _merge_into_known(groups)
    _merge_short_forms(groups)
    _merge_tails(groups)
    _merge_acronyms(groups, text)
    return sorted(groups.values(), key=lambda g: g.mentions[0][1])


def _defined_acronyms(mentions: list[tuple[str, int, int, str | None]], text: str) -> set[str]:
    """Acronyms the article defines for a name the gazetteer does not know: "General Administration of Customs
    (GAC)" makes every "GAC" of the article the customs agency, not the gazetteer's carmaker.

    >>> t = "The General Administration of Customs (GAC) said GAC seized goods."
    >>> sorted(_defined_acronyms([("General Administration of Customs", 4, 37, None), ("GAC", 39, 42, "GAC")], t))
    ['GAC']
    """
    defined = set()
    for mention_text, _, end, known in mentions:
        opened = _ACRONYM_IN_PARENTHESES.match(text, end)
        if not known and opened and opened.group(1).rstrip("s") in initials(mention_text):
            defined.add(opened.group(1))
    return defined


def _merge_into_known(groups: dict[str, OrgGroup]) -> None:
    """A mention the gazetteer did not name joins the one gazetteer organization with the same key."""
    known_keys: dict[str, list[str]] = {}
    for key, group in groups.items():
        if group.canonical:
            for name in {group.canonical, *(m[0] for m in group.mentions)}:
                known_keys.setdefault(name_key(name), []).append(key)
    for key in [k for k, g in groups.items() if not g.canonical]:
        targets = sorted(set(known_keys.get(key, [])))
        if len(targets) == 1:
            _merge(groups, key, targets[0])


def _merge(groups: dict[str, OrgGroup], source: str, target: str) -> None:
    moved = groups.pop(source)
    into = groups[target]
    into.names += moved.names
    into.canonical = into.canonical or moved.canonical
    into.mentions = sorted(into.mentions + moved.mentions, key=lambda m: m[1])


def _merge_short_forms(groups: dict[str, OrgGroup]) -> None:
    """"Toyota" and "Toyota Motor Corp." are one organization when no other name starts with "Toyota" (not
    "Unilever" and its unit "Unilever Indonesia").

    The pair joins under the gazetteer's name when one has it; two gazetteer
    organizations never join.
    """
    keys = {key: name_key(group.name) for key, group in groups.items()}
    longer_names = _Extensions(keys, groups)
    for key in sorted(groups, key=lambda k: len(keys[k])):
        if key not in groups or is_acronym(groups[key].names[0]) or _has_legal_form(groups[key]):
            continue  # "Ayala Corp." is its own company beside "Ayala Land Inc."
        longer = longer_names.at_most_two(keys[key] + " ")
        if len(longer) != 1 or (groups[key].canonical and groups[longer[0]].canonical):
            continue
        if is_country(groups[longer[0]].name[len(groups[key].name):].strip()):
            continue  # "Unilever Indonesia" is Unilever's unit there, not Unilever
        if groups[key].canonical:
            _merge(groups, longer[0], key)
        else:
            _merge(groups, key, longer[0])


def _merge_tails(groups: dict[str, OrgGroup]) -> None:
    """"the Commission" after "European Commission", "Air Force" after "U.S. Air Force": a name that ends
    exactly one longer name is that organization, unless both are gazetteer names ("Bank of Ireland" is
    not the "Central Bank of Ireland").

    >>> gs = {k: OrgGroup([n], None, [(n, 0, 1)]) for k, n in (("european commission", "European Commission"),
    ...                                                         ("commission", "Commission"))}
    >>> _merge_tails(gs); [(g.name, len(g.mentions)) for g in gs.values()]
    [('European Commission', 2)]
    """
    keys = {key: name_key(group.name) for key, group in groups.items()}
    longer_names = _Extensions({key: k[::-1] for key, k in keys.items()}, groups)  # ends as starts, reversed
    for key in sorted(groups, key=lambda k: len(keys[k])):
        if key not in groups or is_acronym(groups[key].names[0]):
            continue
        longer = longer_names.at_most_two(keys[key][::-1] + " ")
        if len(longer) == 1 and not (groups[key].canonical and groups[longer[0]].canonical):
            _merge(groups, key, longer[0])


class _Extensions:
    """The groups whose grouping key starts with a given prefix, by binary search over the sorted keys, skipping
    groups merged away since (`groups` is watched): linear-logarithmic where comparing every pair was quadratic."""

    def __init__(self, keys: dict[str, str], groups: dict[str, OrgGroup]) -> None:
        self.groups = groups
        self.entries = sorted((text, key) for key, text in keys.items())
        self.texts = [text for text, _ in self.entries]
        self.next_alive = list(range(len(self.entries) + 1))  # union-find: the next entry still in `groups`

    def _alive(self, i: int) -> int:
        """The first entry from `i` on whose group is still there (len(entries) if none)."""
        path = []
        while True:
            while self.next_alive[i] != i:
                path.append(i)
                i = self.next_alive[i]
            if i == len(self.entries) or self.entries[i][1] in self.groups:
                break
            self.next_alive[i] = i + 1
        for j in path:
            self.next_alive[j] = i
        return i

    def at_most_two(self, prefix: str) -> list[str]:
        """Up to two group keys whose text starts with `prefix` (a prefix ending in a space)."""
        low = bisect_left(self.texts, prefix)
        high = bisect_left(self.texts, prefix[:-1] + chr(ord(prefix[-1]) + 1))
        found: list[str] = []
        i = self._alive(low)
        while i < high and len(found) < 2:
            found.append(self.entries[i][1])
            i = self._alive(i + 1)
        return found


def _has_legal_form(group: OrgGroup) -> bool:
    return not group.canonical and any(name_key(n) != " ".join(_key_words(clean_name(n))) for n in group.names)


def _merge_acronyms(groups: dict[str, OrgGroup], text: str) -> None:
    """A name written in parentheses right after another ("Abu Dhabi Future Energy Co (Masdar)", "... (AACA)")
    joins it; so does an acronym of another name's initials. The first such other group (in group order)
    takes it.

    Indexed, not compared pair by pair: each group is found by what stands in parentheses after its mentions
    and by its names' initials, and a group merged away is followed to the group that took it.
    """
    rank = {key: n for n, key in enumerate(groups)}
    owner = {key: key for key in groups}
    after_mentions, by_initials = _acronym_indexes(groups, text)

    def current(key: str) -> str:
        while owner[key] != key:
            owner[key] = owner[owner[key]]
            key = owner[key]
        return key

    for key in list(groups):
        if key not in groups:
            continue
        group = groups[key]
        acronym, first = group.names[0], group.mentions[0][0]
        if ")" in first or first != first.strip():  # not what the index holds: look at every group
            pattern = re.compile(r"\s*\(\s*" + re.escape(first) + r"\s*\)")
            defined = [k for k, other in groups.items() if any(pattern.match(text, e) for _, _, e in other.mentions)]
        else:
            defined = after_mentions.get(first, [])
        named = by_initials.get(acronym.rstrip("s"), []) if is_acronym(acronym) else []
        candidates = {current(k) for k in [*defined, *named]} - {key}
        if candidates:
            target = min(candidates, key=rank.__getitem__)
            _merge(groups, key, target)
            owner[key] = target


def _acronym_indexes(groups: dict[str, OrgGroup], text: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Groups by the text in parentheses right after one of their mentions ("... Alliance (AACA)" -> "AACA"),
    and by the initials of their names that are not acronyms themselves."""
    closing = [match.start() for match in re.finditer(r"\)", text)]
    after_mentions: dict[str, list[str]] = {}
    by_initials: dict[str, list[str]] = {}
    for key, group in groups.items():
        for _, _, end in group.mentions:
            opening = _OPENING.match(text, end)
            k = bisect_left(closing, opening.end()) if opening else len(closing)
            if k < len(closing):
                after_mentions.setdefault(text[opening.end():closing[k]].rstrip(), []).append(key)
        for name in group.names:
            if not is_acronym(name):
                for letters in initials(name):
                    by_initials.setdefault(letters, []).append(key)
    return after_mentions, by_initials


_OPENING = re.compile(r"\s*\(\s*")


def _slug(text: str) -> str:
    """Case folded, every run of characters other than letters and digits one hyphen; accents kept."""
    return re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", text).casefold()).strip("-")


def org_key(name: str, gazetteer_id: str | None = None) -> str:
    """A stable identity for an organization across articles and runs, from its own name only.

    'gz:' + the gazetteer id's slug when the organization is known, else 'name:' + the slug of the name's
    grouping key (`name_key`: no leading "the", possessive, legal form or "Group"/"Holdings" tail), case
    folded, accents kept as written ("Nestlé" and "NESTLÉ" are one key, "Nestle" another).

    >>> org_key("Alibaba Group Holding Ltd.", "Alibaba Group")
    'gz:alibaba-group'
    >>> org_key("Toyota Motor Corp."), org_key("TOYOTA MOTOR"), org_key("the Toyota Motor Corporation's")
    ('name:toyota-motor', 'name:toyota-motor', 'name:toyota-motor')
    >>> org_key("Nestlé S.A."), org_key("NESTLÉ"), org_key("Nestle")
    ('name:nestlé', 'name:nestlé', 'name:nestle')
    >>> org_key("AT&T Inc."), org_key("L’Oréal"), org_key("Straße AG")
    ('name:at-t', 'name:l-oréal', 'name:strasse')
    >>> org_key("Group"), org_key("!!")
    ('name:group', 'name:!!')
    """
    if gazetteer_id:
        return "gz:" + (_slug(gazetteer_id) or gazetteer_id.casefold())
    return "name:" + (_slug(name_key(unicodedata.normalize("NFC", name))) or name.strip().casefold())
