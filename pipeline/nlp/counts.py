"""The `factwire_counts` component: a number with the noun it counts ("1,953 counterfeiting suspects").

The counted noun is the number's syntactic head when it follows the number,
else the last noun of the noun phrase right after it. Years, dates,
percentages, ordinals, money, durations, measures and model numbers are not
counts, nor is "one of"; a part taken out of a counted whole ("22 of its 70
stores") counts the part. A number compared with a count just before it ("up
from 120") counts the same thing; "dozens of shops" counts shops at its lower
bound. Each span in `doc.spans["counts"]` carries its `CountHit`
(`span._.count`).
"""

from __future__ import annotations

import re
from decimal import Decimal

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.nlp.base import CountHit, OnDemandLemmas, Sentences, string_ids
from pipeline.nlp.boundaries import ends_line
from pipeline.nlp.money import MONEY
from pipeline.nlp.money_guards import unit_note
from pipeline.nlp.numbers import NUMBERS, looks_like_year, preceded_by, qualifier_before
from pipeline.normalize.money import currency_table
from pipeline.normalize.numbers import SCALES, parse_number
from pipeline.patterns import load_json

COUNTS = "counts"  # the key of doc.spans


PART_DETERMINERS = frozenset({"its", "their", "the", "our", "his", "her", "those", "these"})


def _taken_out(doc: Doc, part: Span) -> bool:
    """"22 of its ...", "500 of the ...": a number followed by "of" and the whole's determiner ("one of" stays none)."""
    return part.end + 2 < len(doc) and doc[part.end].lower_ == "of" and doc[part.end + 1].lower_ in PART_DETERMINERS \
        and part.text.lower() != "one"


class CountFinder:
    """Find counts: a number run that is not money, a date or an identifier, with the noun it counts."""

    def __init__(self, nlp: Language, rules: str) -> None:
        data = load_json(rules)
        self.lemma = OnDemandLemmas(nlp)
        self.not_counted = frozenset(data["not_counted"])
        self.units_also_things = frozenset(data["units_also_things"])
        self.identifier_words = frozenset(data["identifier_words"])
        self.item_lemmas: dict[str, str] = data["item_lemmas"]
        self.elliptical_cues = [tuple(cue.split()) for cue in data["elliptical_cues"]]
        self.not_count_labels = frozenset(data["not_count_entity_labels"])
        self.range_words = frozenset(data["range_words"])
        self.approximate = {tuple(phrase.split()): value for phrase, value in
                            sorted(data["approximate_plurals"].items(), key=lambda kv: -len(kv[0].split()))}
        self._approximate_start_ids = string_ids({phrase[0] for phrase in self.approximate})
        self.english_currency_words = frozenset(load_json("currencies.json")["context_only"])  # "8 marks"

    def __call__(self, doc: Doc) -> Doc:
        taken = set()
        for span in doc.spans.get(MONEY, []):
            taken.update(range(span.start, span.end))
        for ent in doc.ents:
            if ent.label_ in self.not_count_labels:
                taken.update(range(ent.start, ent.end))
        runs = [r for r in doc.spans[NUMBERS] if not any(t.i in taken for t in r) and not self._is_identifier(doc, r)
                and r.text[0] not in "-−"]
        found = self._numbered(doc, runs) + self._approximate(doc, taken)
        found.sort(key=lambda pair: pair[0].start)
        doc.spans[COUNTS] = [span for span, _ in found]
        for span, (_, hit) in zip(doc.spans[COUNTS], found):
            span._.count = hit
        return doc

    def _numbered(self, doc: Doc, runs: list[Span]) -> list[tuple[Span, CountHit]]:
        """Counts of number runs: with their noun, as the low end of a range, or elliptical after another count."""
        heads = [self._counted_noun(doc, run) for run in runs]
        sentence = Sentences(doc)
        found: list[tuple[Span, CountHit]] = []
        whole_of: set[int] = set()  # "70 stores" of "22 of its 70 stores": the whole the part is taken from
        for k, (run, head) in enumerate(zip(runs, heads)):
            if k in whole_of:
                continue
            item_start = run.end
            if head is None and k + 1 < len(runs) and heads[k + 1] is not None and _taken_out(doc, run) \
                    and runs[k + 1].start == run.end + 2:
                head, item_start = heads[k + 1], runs[k + 1].end  # "close 22 of its 70 stores": 22 stores
                whole_of.add(k + 1)
            elif head is None and _taken_out(doc, run):
                head = self._taken_from(doc, run)  # "would close 155 of its locations": 155 locations
                item_start = run.end + 2
            if head is None and k + 1 < len(runs) and heads[k + 1] is not None and self._range_low(doc, run, runs[k + 1]):
                head, span_end = heads[k + 1], run.end  # "15 to 20 people": the low end counts people too
                item_text = doc[runs[k + 1].end:self._phrase_end(doc, head)].text
                found.append((run, CountHit(_low_end(run, runs[k + 1]), self._item_lemma(head), item_text,
                                            qualifier_before(doc, run.start))))
                continue
            elif head is None:
                same = found and sentence.bounds(found[-1][0].start) == sentence.bounds(run.start)
                previous = found[-1] if same else None
                if previous is not None and self._elliptical(doc, run):  # "up from 120 a year earlier": 120 stores
                    found.append((run, CountHit(parse_number(run.text), previous[1].item, None,
                                                qualifier_before(doc, run.start))))
                continue
            else:
                span_end = self._phrase_end(doc, head)
                item_text = doc[item_start:span_end].text
            found.append((doc[run.start:span_end], CountHit(parse_number(run.text), self._item_lemma(head), item_text,
                                                            qualifier_before(doc, run.start))))
        return found

    def _taken_from(self, doc: Doc, run: Span) -> Token | None:
        """The plural noun of "155 of its locations", "three of the companies" (no number in the whole)."""
        noun = self._scan_noun(doc, run.end + 2)
        return noun if noun is not None and noun.tag_ == "NNS" and not self._is_unit(noun) else None

    def _elliptical(self, doc: Doc, run: Span) -> bool:
        """A number compared with or added to a count just before it: "up from 120", "compared with 98", "versus
        75", "down from more than 1,000", "and plans to add another 100"."""
        return preceded_by(doc, run.start, self.elliptical_cues)

    def _approximate(self, doc: Doc, taken: set[int]) -> list[tuple[Span, CountHit]]:
        """"dozens of shops", "hundreds of thousands of people": counts at their lower bound, qualified "at least"."""
        found = []
        after = 0  # the words up to here belong to a phrase already read
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), self._approximate_start_ids)).tolist():
            if i < after or i in taken:
                continue
            phrase = next((p for p in self.approximate if i + len(p) < len(doc) and doc[i + len(p)].lower_ == "of"
                           and all(doc[i + k].lower_ == word for k, word in enumerate(p))), None)
            if phrase is None:
                continue
            end = after = i + len(phrase) + 1
            head = self._scan_noun(doc, end)
            if head is not None and not self._is_unit(head) and head.pos_ == "NOUN" \
                    and currency_table().lookup(head.text) is None:  # "millions of dollars" is not a count
                found.append((doc[i:head.i + 1], CountHit(Decimal(self.approximate[phrase]), self._item_lemma(head),
                                                          doc[end:head.i + 1].text, "at least")))
        return found

    def _item_lemma(self, head: Token) -> str:
        """Lemma of the counted noun; irregular plurals from the rules, acronym plurals ("SUVs") by hand; a noun
        glued to the word before it by a hyphen is one word ("T-shirts" -> t-shirt, "tram-trains" -> tram-train)."""
        doc, i = head.doc, head.i
        glued = i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha
        return f"{doc[i - 2].lower_}-{self._word_lemma(head)}" if glued else self._word_lemma(head)

    def _word_lemma(self, head: Token) -> str:
        if head.lower_ in self.item_lemmas:
            return self.item_lemmas[head.lower_]
        if re.fullmatch(r"[A-Z]{2,}s", head.text) or head.pos_ == "PROPN" and self.lemma(head) == head.text and \
                re.fullmatch(r"\w+[^s]s", head.text):
            return head.text[:-1].lower()  # "SUVs", "iPhones"
        return self.lemma(head).lower()

    def _range_low(self, doc: Doc, low: Span, high: Span) -> bool:
        """Whether `low` opens a range closed by `high`: "15 to 20", "15-20", "between 15 and 20"."""
        if high.start != low.end + 1 or doc[low.end].lower_ not in self.range_words:
            return False
        return doc[low.end].lower_ != "and" or (low.start > 0 and doc[low.start - 1].lower_ == "between")

    def _is_identifier(self, doc: Doc, run: Span) -> bool:
        before = doc[run.start - 1] if run.start > 0 else None
        if before is not None and run[0].is_digit and (before.pos_ == "PROPN" or before.is_upper):
            return True  # "Boeing 737", "S&P 500", "FTSE 100"
        if before is not None and before.text in self.identifier_words:
            return True
        if run.end < len(doc) and doc[run.end].text in {"%", "percent", "per", "/"}:
            return True
        if run.end + 1 < len(doc) and doc[run.end].text == "-" and not doc[run.end + 1].like_num:
            return True  # "two-thirds", "zero-carbon", "52-year-old": an adjective, not a count
        if run.text.lower() == "zero" or unit_note(doc, run):
            return True  # "( million markka unless stated )": the unit of a table
        if run.start >= 2 and doc[run.start - 1].text == "-" and not doc[run.start - 2].whitespace_ \
                and not doc[run.start - 1].whitespace_ and doc[run.start - 2].is_alpha:
            return True  # "tier-one suppliers", "Covid-19 cases": part of a compound word
        plural_after = run.end < len(doc) and doc[run.end].tag_ == "NNS"  # "the 800 jobs": a count written back
        if before is not None and before.lower_ in {"the"} and run.text.isdigit() and len(run.text) >= 3 \
                and not plural_after:
            return True  # "the 737", "the 2008 ..."
        return looks_like_year(run)

    def _counted_noun(self, doc: Doc, run: Span) -> Token | None:
        last = run[-1]
        nxt = doc[run.end] if run.end < len(doc) else None
        if nxt is None or nxt.lower_ == "of" or ends_line(last):
            return None
        if not last.whitespace_ and len(nxt.text) == 1 and nxt.is_alpha:
            return None  # a letter glued to the digits is a unit or a name: "2p", "99c", "1080p"
        head = None
        if last.head.i >= run.end and last.head.pos_ in {"NOUN", "PROPN"} and last.head.i - run.end <= 5:
            head = last.head
            if any(ends_line(t) for t in doc[run.end - 1:head.i]):
                head = None
        if head is None:
            head = self._scan_noun(doc, run.end)
        head = _plural_head_of_modifiers(head)
        while head is not None and head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and not head.whitespace_ \
                and not doc[head.i + 1].whitespace_ and doc[head.i + 2].is_alpha:
            head = doc[head.i + 2]  # "12 e-bikes" parsed with "e" as the noun: the word is the whole "e-bikes"
        if head is None or self._is_unit(nxt) or self._is_unit(head) and not (head.i > nxt.i and head.lower_ in
                                                                            self.units_also_things):
            return None  # a measure or duration, or "18 times earnings", "25 yr high"; "600,000 smart meters" count
        if head.pos_ == "PROPN" and not head.text.endswith("s") or not any(c.isalpha() for c in head.text):
            return None  # "463.73 +1.660": a table row
        if head.is_upper and head.i + 1 < len(doc) and doc[head.i + 1].text == ":":
            return None  # "AMT : 1,200,000 DATE : 09/05/96": the label of the next field
        if currency_table().lookup(head.text) is not None and head.lower_ not in self.english_currency_words:
            return None  # "1.2 bln SKR": money the money rules left out is no count of a currency
        return head

    def _is_unit(self, token: Token) -> bool:
        letters = re.sub(r"[^a-z]", "", token.lower_)
        return token.lower_ in self.not_counted or self.lemma(token).lower() in self.not_counted or letters in self.not_counted

    @staticmethod
    def _scan_noun(doc: Doc, start: int) -> Token | None:
        """The last noun of the adjective/noun sequence that starts at `start` (a word tagged as a preposition that
        is none, "3.2 lakh counterfeit batteries", modifies it too)."""
        noun = None
        for token in doc[start:start + 6]:
            if token.pos_ in {"NOUN", "PROPN"}:
                noun = token
            elif noun is None and (token.pos_ in {"ADJ", "VERB"} and token.tag_ in {"JJ", "JJR", "VBG", "VBN"}
                                   or token.pos_ == "ADP" and not token.is_stop and token.is_lower):
                continue
            else:
                break
            if ends_line(token):
                break
        return noun

    @staticmethod
    def _phrase_end(doc: Doc, head: Token) -> int:
        """End of the counted phrase: the head noun plus a directly coordinated noun ("countries and regions")."""
        end = head.i + 1
        if end + 1 < len(doc) and doc[end].lower_ in {"and", "or"} and not ends_line(head):
            nxt = doc[end + 1]
            if nxt.dep_ == "conj" and nxt.head.i == head.i and nxt.pos_ == "NOUN":
                end = nxt.i + 1
        return end


def _plural_head_of_modifiers(head: Token | None) -> Token | None:
    """"3 million flu vaccine doses": a number the parse hangs on a noun modifier counts the plural noun the
    modifiers lead to (not "5 star hotel", whose singular noun no number counts)."""
    word = head
    while word is not None and word.dep_ == "compound" and word.tag_ == "NN" and word.head.i == word.i + 1 \
            and not ends_line(word):
        word = word.head
    return word if word is not None and word is not head and word.tag_ == "NNS" else head


@Language.factory("factwire_counts", default_config={"rules": "count_rules.json"})
def make_counts(nlp: Language, name: str, rules: str) -> CountFinder:
    return CountFinder(nlp, rules)


def _low_end(low: Span, high: Span) -> Decimal | None:
    """The low end of a range, with the high end's scale when only that end writes it and it keeps the low end the
    lower number ("80-100 million new lines": 80 million)."""
    value = parse_number(low.text)
    scales = [t.text for t in high if t.lower_ in SCALES]
    if value is None or not scales or any(t.lower_ in SCALES for t in low):
        return value
    bare_high = parse_number(" ".join(t.text for t in high if t.lower_ not in SCALES))
    return parse_number(f"{low.text} {scales[-1]}") if bare_high is not None and value < bare_high else value

