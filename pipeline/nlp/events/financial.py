"""Financial results: which metric a figure is, whose it is, and the earlier figures given for comparison.

A result is stated by a reporting verb with the metric as its object ("posted
a net profit of Rs 1,140 crore"), a change verb with the metric as its subject
("revenue rose 19 per cent to Rs 9,870 crore": the value is the figure *to*
or *at* which it stands, not the change), a swing ("swung to a net loss of"),
a forecast ("expects operating profit of", "cut its net profit forecast to"),
or "had sales of". The metric is read from the noun with its modifiers
("profit before tax", "net income", "operating profit forecast") through the
synonyms of `events.json` ("turnover" -> revenue, "net income" ->
net_profit). The company is the subject, the metric's owner ("Kmart's
revenue"), or the subject of the reporting verb ("X said that turnover
rose"); `context.py` fills it from earlier results when none is written. A
figure after "from", "compared with", "versus" or "than" is an earlier
period's result of its own (`comparisons`), completed, with its own metric
when written ("from a net profit of ¥85 billion") and its own period.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.coreference import FramePass
from pipeline.nlp.events.frames import Frame
from pipeline.nlp.events.triggers import Candidate

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
RIGHT_PREPS = frozenset({"before", "after", "from", "attributable"})
CHANGE_PREPS = frozenset({"to", "at"})
LEVEL_VERBS = frozenset({"reach", "total", "hit", "top", "exceed"})  # their object is the level, not a change


class Financials(FramePass):
    """Metric, company and comparison figures of financial results in one Doc."""

    def complete(self, frame: Frame) -> bool:
        """Set a result's metric, keep the values it states, and name its company when the clause does; False for
        a figure that is no company's result."""
        if frame.type != "financial_result":
            return True
        frame.metric = next((t for t in self._metric_words(frame) if self.metric_name(t)), None)
        if frame.metric is not None:
            frame.add("metric", value=self.metric_name(frame.metric))
            forecast = self.lexicon.status.forecast_modifiers  # "Sony announced an expected loss of 10 billion yen"
            if any(c.dep_ == "amod" and c.lower_ in forecast for c in frame.metric.children):
                frame.status = "planned"
        if frame.rule.name == "change":
            frame.retain(lambda r: r.role != "value" or self._changed_to(r.filler, frame))
        if not frame.has("company"):  # "X said revenue totaled ...": the metric's clause is what X said
            reporters = self.coreference.reporting_subject(frame.metric if frame.metric is not None else frame.token)
            if reporters and all(self.facts.is_public_body(org) for org in reporters):
                return False  # "retail sales rose 0.4% to $705 billion, the Commerce Department said": a statistic
            for org in reporters:
                frame.add("company", org)
        return True

    def _metric_words(self, frame: Frame) -> list[Token]:
        args, token = frame.args, frame.token
        if frame.rule.name == "change":
            return [*args.get("subj"), *args.get("pass")]
        if frame.rule.name == "had_result":
            return [token]
        if frame.rule.name == "forecast_noun":  # "its revenue forecast", "its forecast of operating profit"
            named = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                     for g in c.children if g.dep_ == "pobj"] + args.get("gov:prep:for")  # "raised it for 2025 sales"
            return [c for c in token.children if c.dep_ in MODIFIER_DEPS] + [token] + named
        return [*args.get("obj"), *args.get("obj.prep:in"), *args.get("prep:to"), *args.get("prep:in"),
                *args.get("obj.prep:of")]

    def metric_name(self, noun: Token) -> str | None:
        """The metric a noun phrase names ("net income" -> net_profit), or None."""
        left = sorted((c for c in noun.children if c.dep_ in MODIFIER_DEPS and c.i < noun.i), key=lambda t: t.i)
        right = [w for c in noun.children if c.dep_ == "prep" and c.lower_ in RIGHT_PREPS
                 for w in (c, *[g for g in c.children if g.dep_ == "pobj"])]
        words = [t.lower_ for t in left] + [noun.lower_] + [t.lower_ for t in right]
        head = len(left)
        for size in range(len(words), 0, -1):
            for start in range(max(0, head - size + 1), min(head, len(words) - size) + 1):
                metric = self.lexicon.metrics.get(tuple(words[start:start + size]))
                if metric is not None:
                    return metric
        return self.lexicon.metrics.get((self.lemma(noun),))

    def _changed_to(self, money: Span | None, frame: Frame) -> bool:
        """A change verb's value is the level reached ("rose to $5bn"), not the change ("rose by $1bn"). Any word
        of the amount may hang from "to": the parser often attaches "bn" of "to £1.3bn" to the verb."""
        if money is not None and self.lemma(frame.token) in LEVEL_VERBS and money.root.head == frame.token:
            # "its sales reached SEK 1.2 billion", "X said revenue totaled $4.2 billion": the object is the level
            # of a company's figure ("turnover on the stock exchange reached HK$121 billion" is no company's)
            metric = frame.metric
            return metric is not None and (any(c.dep_ == "poss" for c in metric.children)
                                           or bool(self.coreference.reporting_subject(metric)))
        return money is not None and any(self._under_change_prep(token, frame.token) for token in money)

    @staticmethod
    def _under_change_prep(token: Token, trigger: Token) -> bool:
        current = token
        while current.head != current and current != trigger:
            if current.dep_ == "pobj" and current.head.lower_ in CHANGE_PREPS:
                return True
            current = current.head
        return False

    def comparisons(self, frame: Frame) -> list[Frame]:
        """The earlier figures a result is compared with, each a completed result of its own."""
        if frame.type != "financial_result" or frame.comparison:
            return []
        found = []
        for money in self.facts.within("money", frame.domain):
            cue = self._cue(money, frame)
            if cue is None or frame.fills(money):
                continue
            other = Frame(frame.rule, Candidate(cue[0], cue, frame.candidate.rules), "completed", frame.args,
                          {t.i for t in cue[-1].subtree}, comparison=True)
            for org in frame.fillers("company"):
                other.add("company", org)
            other.add("value", money)
            noun = next((t for t in _between(money.root, cue[-1]) if self.metric_name(t)), None)
            metric = self.metric_name(noun) if noun is not None else next(
                (r.value for r in frame.roles if r.role == "metric"), None)
            if metric is not None:
                other.add("metric", value=metric)
            for date in self.facts.within("date", other.domain):
                other.add("period", date)
            found.append(other)
        if found:
            self._earlier_periods_to(frame, found)
        return found

    def _earlier_periods_to(self, frame: Frame, comparisons: list[Frame]) -> None:
        """"rose to $5m from $4m a year earlier": a period counted back ("a year ago", "the previous year") is the
        earlier figure's, wherever the parse hangs it, not the result's."""
        earlier = [r.filler for r in frame.roles if r.role == "period" and r.filler is not None
                   and any(t.lower_ in self.lexicon.words["earlier_period_words"] for t in r.filler)]
        if not earlier:
            return
        frame.retain(lambda r: r.filler not in earlier)
        for other in comparisons:
            if not other.has("period"):
                for date in earlier:
                    other.add("period", date)

    def _cue(self, money: Span, frame: Frame) -> Span | None:
        """The comparison words ("up from", "compared with", "narrower than") above an amount, as a span."""
        doc = money.doc
        for token in _between(money.root, frame.token):
            for cue in self.lexicon.comparison_cues:
                last = cue[-1]
                start = token.i - len(cue) + 1
                if token.lower_ == last and start >= 0 and all(doc[start + k].lower_ == w for k, w in enumerate(cue)):
                    return doc[start:token.i + 1]
        return None


def _between(token: Token, stop: Token) -> list[Token]:
    """The words from `token` up to (not including) `stop` or the root."""
    found, current = [], token
    while current != stop and current.head != current and len(found) < 10:
        current = current.head
        if current != stop:
            found.append(current)
    return found
