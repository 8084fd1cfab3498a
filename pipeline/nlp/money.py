"""The `factwire_money` component: money amounts as written in news, each with its exact value.

A number run (`doc.spans["numbers"]`) with a currency symbol, code or word
beside it is an amount. Currency forms come from the CLDR-based currency
table (the tokenizer is taught to split them off digits: "HK$2", "$460m").
Ranges ("$5-7 million", "between 5 and 7 million dollars") give one amount per
end, "X or Y" and "X (about Y)" in two currencies two amounts linked as
equivalents, and "3 dollars 50 cents" one amount. A shared form ("kroner",
"francs") is the currency a country the story names used on its date
(`pipeline.nlp.money_context`); what only looks like a currency beside a
number ("won 4-2", "Euro 96", "eight pounds ( 3.5 kilos )") is left out
(`pipeline.nlp.money_guards`). A bare scaled number compared with the amount
before it ("3.4 million yuan, down from 14.9 million") takes its currency.
Each span in `doc.spans["money"]` carries its `MoneyHit` (`span._.money`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.nlp.base import MoneyHit, OnDemandLemmas, PhraseKeys, RebuiltOnLoad
from pipeline.nlp.money_context import Story, story_of
from pipeline.nlp.money_guards import (
    championship,
    names_a_thing,
    opens_next_number,
    product_code,
    unit_note,
    weight,
    word_before_number,
)
from pipeline.nlp.numbers import NUMBERS, looks_like_year, preceded_by, qualifier_before
from pipeline.normalize.money import Currency, currency_in_context, currency_table, money_amount
from pipeline.normalize.numbers import NUMBER_WORDS, SCALES, decimal_string, parse_number
from pipeline.normalize.qualifiers import qualifier
from pipeline.patterns import load_json

MONEY = "money"  # the key of doc.spans


@dataclass
class _Amount:
    """An amount being assembled: token extent, currency, the number as written, and its place in a range."""

    start: int
    end: int
    currency: Currency
    number: str
    basis: str
    relation: str | None = None
    between: bool = False


class MoneyFinder(RebuiltOnLoad):
    """Find money amounts: a number run with a currency symbol, code or word beside it."""

    def __init__(self, nlp: Language, rules: str) -> None:
        self.nlp, self.rules = nlp, rules
        self.build()

    def build(self) -> None:
        """Currency matchers from the currency table, tokenized as the pipeline's tokenizer splits them."""
        nlp, data = self.nlp, load_json(self.rules)
        self.table = currency_table()
        self.lemma = OnDemandLemmas(nlp)
        self.per_unit_markers = frozenset(data["per_unit_markers"])
        self.per_unit_nouns = frozenset(data["per_unit_nouns"])
        self.range_words = frozenset(data["range_words"])
        self.range_scales = frozenset(SCALES) | frozenset(data["range_scales"])
        self.equivalence_joiners = frozenset(data["equivalence_joiners"])
        self.verb_like_words = frozenset(data["verb_like_currency_words"])
        self.words_not_before = self.verb_like_words | frozenset(data["words_not_before_number"])
        self.time_after_unit = frozenset(data["time_after_unit"])
        self.weight_words = frozenset(data["weight_words"])
        self.comparison_cues = [tuple(cue.split()) for cue in data["comparison_cues"]]
        self.change_verbs = frozenset(data["change_verbs"])
        self.change_fillers = frozenset(data["change_fillers"])
        self.symbol_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.word_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        symbols, words = PhraseKeys(nlp.tokenizer, nlp.vocab), PhraseKeys(nlp.tokenizer, nlp.vocab, "LOWER")
        # a symbol as the tokenizer splits it alone, and as one token before digits
        self.symbol_matcher.add("CUR", [key for symbol in self.table.symbols
                                        for key in (symbols.key(symbol), (nlp.vocab.strings.add(symbol),))])
        # the matcher compares lower case, but "U.S." and "us$" tokenize by case
        self.word_matcher.add("CUR", [words.key(form) for word in self.table.words
                                      for form in ({word, word.title(), word.upper()}
                                                   if not word.replace(" ", "").isalpha() else {word})])

    def __call__(self, doc: Doc) -> Doc:
        by_end, by_start = self._currencies(doc)
        if not by_start:
            doc.spans[MONEY] = []
            return doc
        runs = list(doc.spans[NUMBERS])
        story = story_of(doc)
        amounts = self._amounts_at_numbers(doc, runs, by_end, by_start, story)
        sentences = _sentence_starts(doc) if amounts else []
        self._join_ranges(doc, runs, amounts)
        self._compared_amounts(doc, runs, amounts, sentences)
        singles = self._single_units(doc, by_start, story, {run.start for run in runs})
        ordered = sorted([*amounts.values(), *singles], key=lambda a: a.start)
        found = self._link_equivalents(doc, self._hits(doc, ordered, sentences))
        doc.spans[MONEY] = [span for span, _ in found]
        for span, (_, hit) in zip(doc.spans[MONEY], found):
            span._.money = hit
        return doc

    def _currencies(self, doc: Doc) -> tuple[dict[int, Span], dict[int, Span]]:
        """Currency mentions indexed by end token (left of a number) and start token (right of it)."""
        found = [doc[s:e] for _, s, e in self.symbol_matcher(doc)] + [doc[s:e] for _, s, e in self.word_matcher(doc)]
        by_end: dict[int, Span] = {}
        by_start: dict[int, Span] = {}
        for span in sorted(found, key=len):
            by_end[span.end] = span
            by_start[span.start] = span
        return by_end, by_start

    def _amounts_at_numbers(self, doc: Doc, runs: list[Span], by_end: dict[int, Span], by_start: dict[int, Span],
                            story: Story) -> dict[int, _Amount]:
        """The amounts found around number runs, by the index of their run."""
        amounts: dict[int, _Amount] = {}
        covered = -1
        for k, run in enumerate(runs):
            found = None if run.start < covered or unit_note(doc, run) \
                else self._currency_beside(doc, run, by_end, by_start, covered)
            if found is None:
                continue
            start, end, currency, form = found
            if form in self.table.needs_country and not self._country_shown(currency, story, by_start):
                continue
            resolved = currency_in_context(form, currency, story.countries, story.published)
            if resolved is None:
                continue  # "crowns", "marks" in a story of no country that used them
            covered = end
            number = run.text if end <= run.end or doc[end - 1].lower_ not in SCALES else f"{run.text} {doc[end - 1].text}"
            amounts[k] = _Amount(start, end, resolved[0], number, resolved[1])
        return amounts

    def _country_shown(self, currency: Currency, story: Story, by_start: dict[int, Span]) -> bool:
        """Whether the story names the currency's country or writes another form of it ("£", "pence" for "p")."""
        if currency.code[:2] in story.countries:
            return True
        return any(form.text not in self.table.needs_country and (other := self.table.lookup(form.text)) is not None
                   and other.code == currency.code for form in by_start.values())

    def _currency_beside(self, doc: Doc, run: Span, by_end: dict, by_start: dict,
                         covered: int) -> tuple[int, int, Currency, str] | None:
        """(start, end, currency, written form) of a money mention around a number run, or None.

        A form on each side is one amount over both ("$249 USD", "USD$23 billion dollar"), in the currency of
        the more specific form (a bare "dollars" names none)."""
        left = by_end.get(run.start)
        if left is not None and (left.text in self.table.attached_only and left[-1].whitespace_ or left.start < covered
                                 or word_before_number(self.table, left, self.words_not_before)
                                 or product_code(doc, run, left)):
            left = None  # "R5bn" is rand, "R 5" is not; "won 4-2", "Euro 96", "P1020 ingot" are no amounts
        right = self._currency_after(doc, run, by_start)
        if right is not None and opens_next_number(doc, right, left is not None):
            right = None  # "3 USD50 cards", "$ 20,000.00 $ 37,305.97"
        if left is not None and right is not None and right.text.lower() not in self.table.read_as_default \
                and self.table.lookup(right.text).code != self.table.lookup(left.text).code:
            right = None  # "$ 1,574,799 won this year": the sign decides, the word after is another word
        vague = right is not None and right.text.lower() in self.table.read_as_default
        mention = (left if vague else right) if left is not None and right is not None else left or right
        if mention is None:
            return None
        scale_after = right is not None and right.end < len(doc) and doc[right.end].lower_ in SCALES \
            and len(doc[right.end].text) > 2 and not any(t.lower_ in SCALES for t in run)
        currency = self.table.lookup(mention.text)
        if currency is None:
            return None
        start = left.start if left is not None else run.start
        end = right.end + scale_after if right is not None else run.end
        return start, end, currency, mention.text

    def _currency_after(self, doc: Doc, run: Span, by_start: dict) -> Span | None:
        """The currency written right after a number run, unless it is a weight, a verb or not glued where it must be."""
        right = by_start.get(run.end)
        if right is not None and right.text in self.table.attached_only and run[-1].whitespace_:
            right = None  # "43c" is cents, "43 c" is not
        if right is None and run.end + 1 < len(doc) and doc[run.end].text == "-":
            right = by_start.get(run.end + 1)  # "a 1.5-billion-euro deal"
            if right is not None and right.text.lower() not in self.table.words:
                right = None
        if right is not None and (weight(doc, run, right, self.table, self.weight_words) or championship(doc, right, run)):
            return None  # "23 pounds of marijuana", "a 7-pound baby", "six Euro ties"
        if right is not None and right.text.lower() in self.verb_like_words:
            scaled = any(t.lower_ in SCALES for t in run) or len(run.text) >= 4
            if not scaled and right[0].pos_ not in {"NOUN", "PROPN", "NUM", "X"} or _opens_name(doc, right):
                return None  # "won" the verb, "real" the adjective, "1 Real Madrid"; "360 trillion won" is money
        return right

    def _single_units(self, doc: Doc, by_start: dict[int, Span], story: Story, run_starts: set[int]) -> list[_Amount]:
        """"a dollar", "a euro": one unit of a currency, unless the word modifies a noun ("a dollar store") or a
        number follows it ("a USD$23 billion deal")."""
        found = []
        for start, mention in by_start.items():
            if start > 0 and doc[start - 1].lower_ in {"a", "an"} and mention.text.lower() in self.table.words \
                    and len(mention.text) > 2 and mention.text not in self.table.symbols \
                    and not mention.text.lower().endswith("s") and not _modifies_noun(doc, mention) \
                    and mention.end not in run_starts:
                resolved = currency_in_context(mention.text, self.table.lookup(mention.text), story.countries,
                                               story.published)
                if resolved is not None:
                    found.append(_Amount(start - 1, mention.end, resolved[0], "1", resolved[1]))
        return found

    def _hits(self, doc: Doc, amounts: list[_Amount], sentences: list[int]) -> list[tuple[Span, MoneyHit]]:
        """Each amount's span and value; a minor unit right after an amount of its currency completes it."""
        found: list[tuple[Span, MoneyHit]] = []
        minor_ends: set[int] = set()
        previous: tuple[str, int] | None = None  # the last major currency and its sentence
        for amount in amounts:
            sentence = bisect_right(sentences, amount.start)
            if previous is not None and previous[1] == sentence:
                amount.currency = amount.currency.after(previous[0])  # "S$1.20 ... 54 cents", "KD 5 ... 25 fils"
            if not amount.currency.is_minor:
                previous = amount.currency.code, sentence
            value = money_amount(amount.number, amount.currency)
            if value is None:
                continue
            if found and found[-1][0].end not in minor_ends and self._continues(doc, found[-1], amount):
                span, hit = found.pop()  # "3 dollars 50 cents" is one amount
                value = decimal_string(Decimal(hit.amount) + Decimal(value))
                amount = replace(amount, start=span.start, relation=hit.relation)
            if amount.currency.is_minor:
                minor_ends.add(amount.end)
            code, basis = self._code_in_parentheses(doc, amount.end) or (amount.currency.code, amount.basis)
            qualifier = "between" if amount.between else qualifier_before(doc, amount.start)
            found.append((doc[amount.start:amount.end], MoneyHit(
                amount=value, currency=code, basis=basis, qualifier=qualifier,
                per_unit=self._per_unit(doc, amount.end), relation=amount.relation)))
        return found

    def _per_unit(self, doc: Doc, end: int) -> str | None:
        """"$5 a share", "$80 per barrel", "$15/hour": the unit a price is per, else None."""
        if end + 1 < len(doc) and doc[end].lower_ in self.per_unit_markers:
            if doc[end].lower_ == "each":
                return "each"
            unit = doc[end + 1]
            after = doc[end + 2] if end + 2 < len(doc) else None
            if after is not None and after.lower_ in self.time_after_unit and not (
                    after.lower_ == "on" and any(c.dep_ == "pobj" for c in after.children)):
                return None  # "a year earlier", "a year ago", "a year on,": a time (not "a year on programmes")
            if unit.pos_ in {"NOUN", "PROPN"} or unit.lower_ in self.per_unit_nouns:
                return self.lemma(unit).lower()
        return None

    def _code_in_parentheses(self, doc: Doc, end: int) -> tuple[str, str] | None:
        """"$80 million (NZD)": a code in parentheses right after an amount says which currency it is."""
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            currency = self.table.symbols.get(doc[end + 1].text)
            if currency is not None and doc[end + 1].text.isupper():
                return currency.code, "explicit"
        return None

    @staticmethod
    def _continues(doc: Doc, last: tuple[Span, MoneyHit], amount: _Amount) -> bool:
        """Whether a minor-unit amount completes the amount before it ("$20 and 43c", "3 GBP 1 pence")."""
        span, hit = last
        between = doc[span.end:amount.start]
        return amount.currency.is_minor and hit.currency == amount.currency.code and hit.relation is None \
            and not any(t.lower_ in SCALES for t in span) and len(between) <= 1 \
            and all(t.lower_ in {"and", ","} for t in between)

    def _join_ranges(self, doc: Doc, runs: list[Span], amounts: dict[int, _Amount]) -> None:
        """Pair "$5-7 million", "5 to 7 million euros", "between $1.5 and $2 billion" as two ends.

        The end without a currency takes the other's; a low end without a
        scale takes the high end's when that keeps it the lower number.
        """
        for k in range(len(runs) - 1):
            low, high = amounts.get(k), amounts.get(k + 1)
            if low is None and high is None or (low or high).relation is not None:
                continue
            first = low.start if low else runs[k].start
            between = first > 0 and doc[first - 1].lower_ == "between"
            if not self._joined_as_range(doc, runs, k, low, high, between) \
                    or self._change_and_level(doc, first, runs[k], runs[k + 1]):
                continue
            if low is None:
                low = amounts[k] = replace(high, start=runs[k].start, end=runs[k].end, number=runs[k].text)
            if high is None:
                high = amounts[k + 1] = replace(low, start=runs[k + 1].start, end=runs[k + 1].end, number=runs[k + 1].text)
            scales = [t for t in runs[k + 1] if t.lower_ in self.range_scales]
            if scales and not any(t.lower_ in self.range_scales for t in runs[k]):
                bare_high = parse_number(" ".join(t.text for t in runs[k + 1] if t.lower_ not in self.range_scales))
                if bare_high is not None and parse_number(runs[k].text) < bare_high:
                    low.number = f"{runs[k].text} {scales[-1].text}"
            low.relation, low.between = "range_low", between
            high.relation = "range_high"

    def _joined_as_range(self, doc: Doc, runs: list[Span], k: int, low: _Amount | None, high: _Amount | None,
                         between: bool) -> bool:
        """Whether runs k and k+1 are the two ends of one range, one word between them."""
        joiner = doc[low.end if low else runs[k].end:high.start if high else runs[k + 1].start]
        if len(joiner) != 1 or joiner[0].lower_ not in self.range_words:
            return False
        if joiner[0].lower_ == "and" and not between:
            return False
        if low is None and (looks_like_year(runs[k]) or self._in_date(doc, runs[k])) \
                or high is None and self._in_date(doc, runs[k + 1]):
            return False  # "from £61 million in 2008 to £23 million": 2008 is a year; "to March 31 to 18 billion yen"
        if high is None and runs[k + 1].end < len(doc) and doc[runs[k + 1].end].pos_ in {"NOUN", "PROPN"}:
            return False  # "$8.2 billion to two consortia": the second number counts something else
        return True

    def _in_date(self, doc: Doc, run: Span) -> bool:
        """A number inside a date the model finds that has a word of its own: "March 31", not "between 10 and 20
        dollars"."""
        if run[0].ent_type_ != "DATE":
            return False
        date = next(ent for ent in doc.ents if ent.start <= run.start < ent.end)
        return any(t.is_alpha and t.lower_ not in NUMBER_WORDS and t.lower_ not in {"between", "and", "to", "from"}
                   and self.table.lookup(t.text) is None for t in date)

    def _change_and_level(self, doc: Doc, first: int, low: Span, high: Span) -> bool:
        """After a verb of change, "X to Y" is the change and the new level ("rose 12p to 245p", "gained 300 lira
        to 8,600", "rose by 500 to 39,200 rupees", "soared a further 4.10 guilders to 214.40") when the level is over three times the change; closer numbers
        are a range of the change ("rose 5 to 10 cents", "rose 5 to 7 million dollars")."""
        i = first - 1
        while i >= 0 and first - i <= 3 and doc[i].lower_ in self.change_fillers:  # "soar a further 4.10 guilders"
            i -= 1
        by = any(t.lower_ == "by" for t in doc[max(i, 0):first])
        if i < 0 or self.lemma(doc[i]).lower() not in self.change_verbs:
            return False
        if by:
            return True
        scaled = any(t.lower_ in self.range_scales for t in low)
        change, level = (parse_number(" ".join(t.text for t in run if scaled or t.lower_ not in self.range_scales))
                         for run in (low, high))
        return change is not None and level is not None and level > 3 * change

    def _compared_amounts(self, doc: Doc, runs: list[Span], amounts: dict[int, _Amount], sentences: list[int]) -> None:
        """"3.385 million yuan, down from 14.956 million", "US$5 billion on top of the four billion": a bare scaled
        number right after an amount in the same sentence, and compared with it, is in its currency."""
        for k in range(1, len(runs)):
            run, previous = runs[k], amounts.get(k - 1)
            if k in amounts or previous is None or previous.currency.is_minor or len(run) < 2 \
                    or not any(t.lower_ in SCALES for t in run) \
                    or bisect_right(sentences, run.start) != bisect_right(sentences, previous.start):
                continue
            after = doc[run.end] if run.end < len(doc) else None
            if after is not None and (names_a_thing(after) or after.like_num):
                continue  # "from 2.1 million passengers": a count
            if preceded_by(doc, run.start, self.comparison_cues):
                amounts[k] = _Amount(run.start, run.end, previous.currency, run.text, "context")

    def _link_equivalents(self, doc: Doc, found: list[tuple[Span, MoneyHit]]) -> list[tuple[Span, MoneyHit]]:
        """Link "7.9 billion yuan or 1.16 billion US dollars" and "€1.5 billion ($1.6 billion)"; number range ends."""
        linked = list(found)
        for i in range(len(found) - 1):
            (a, ha), (b, hb) = linked[i], linked[i + 1]
            if ha.currency != hb.currency and self._equivalence(doc[a.end:b.start]) and ha.relation is None \
                    and hb.relation is None:
                linked[i] = (a, replace(ha, relation="equivalent", related=i + 1))
                linked[i + 1] = (b, replace(hb, relation="equivalent", related=i))
        for i, (span, hit) in enumerate(linked):
            if hit.relation in {"range_low", "range_high"}:
                linked[i] = (span, replace(hit, related=i + 1 if hit.relation == "range_low" else i - 1))
        return linked

    def _equivalence(self, joiner: Span) -> bool:
        """"or", "(", "or about", "( about", "=": what joins an amount and the same value in another currency."""
        words = [t.lower_ for t in joiner]
        if joiner.text.strip().lower() in self.equivalence_joiners:  # not doc.text: it joins the whole Doc
            return True
        return len(words) > 1 and words[0] in {"(", "or"} and qualifier(words[1:]) is not None and len(words) <= 4


def _opens_name(doc: Doc, mention: Span) -> bool:
    """"Real Madrid": a capitalized word before another in running text opens a name."""
    after = doc[mention.end] if mention.end < len(doc) else None
    return mention.text.istitle() and after is not None and after.text.istitle() and not after.is_sent_start


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence (none known on a blank pipeline: one sentence)."""
    return [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else []


def _modifies_noun(doc: Doc, mention: Span) -> bool:
    """"a dollar store", "a euro-zone bank": the currency word is an adjective here."""
    after = doc[mention.end] if mention.end < len(doc) else None
    return after is not None and (after.text in {"-", "–"} or after.pos_ in {"NOUN", "PROPN", "ADJ"} and not after.is_punct)


@Language.factory("factwire_money", default_config={"rules": "money_rules.json"})
def make_money(nlp: Language, name: str, rules: str) -> MoneyFinder:
    return MoneyFinder(nlp, rules)
