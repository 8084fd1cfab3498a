"""The events component on the real model: each event type, its statuses, and the constructions that state them.

Each case is a sentence written for this test (invented companies, general
English) with the event read from it by hand: type, trigger, status and the
roles with the text of the fact that fills each. Roles are compared as a set;
an event's roles in the record are refs into the article's facts, resolved
back to their text here (an organization by its name, legal form left out).
"""

import pytest
from spacy.matcher import DependencyMatcher

from pipeline.extraction import extract
from pipeline.nlp.base import Children
from pipeline.nlp.events.relations import SlotPatterns
from pipeline.nlp.events.triggers import find_candidates
from pipeline.records import Article


def events(text: str) -> list[tuple[str, str, str, frozenset[str]]]:
    article = extract(text)
    return [(e.type, e.trigger.text, e.status, frozenset(_role(article, r.role, r.ref, r.value) for r in e.roles))
            for e in article.events]


def _role(article: Article, role: str, ref: str | None, value: str | None) -> str:
    if ref is None:
        return f"{role}={value}"
    kind, index = ref.split("/")
    fact = getattr(article, kind)[int(index)]
    return f"{role}={getattr(fact, 'name', None) or fact.text}"


def event(kind: str, trigger: str, status: str, *roles: str) -> tuple[str, str, str, frozenset[str]]:
    return kind, trigger, status, frozenset(roles)


CASES = {
    "acquisition agreed": (
        "Harmon Textiles Inc. agreed to buy Lorrey Fabrics Corp. for $420 million in cash.",
        [event("acquisition", "buy", "announced", "acquirer=Harmon Textiles", "target=Lorrey Fabrics",
               "value=$420 million")]),
    "acquisition passive": (
        "Lorrey Fabrics Corp. was acquired by Harmon Textiles Inc. for $420 million last year.",
        [event("acquisition", "acquired", "completed", "acquirer=Harmon Textiles", "target=Lorrey Fabrics",
               "value=$420 million")]),
    "acquisition in a relative clause, result in the main clause": (
        "Lorrey Fabrics, which Harmon Textiles bought in 2019 for $300 million, reported sales of $1.2 billion.",
        [event("acquisition", "bought", "completed", "acquirer=Harmon Textiles", "target=Lorrey Fabrics",
               "value=$300 million", "date=2019"),
         event("financial_result", "reported", "completed", "company=Lorrey Fabrics", "value=$1.2 billion",
               "metric=sales")]),
    "acquisition of a stake, from a seller": (
        "Harmon Textiles Inc. bought a 20% stake in Lorrey Fabrics Corp. from Pelham Ventures for $80 million.",
        [event("acquisition", "bought", "completed", "acquirer=Harmon Textiles", "target=Lorrey Fabrics",
               "seller=Pelham Ventures", "value=$80 million")]),
    "acquisition negated": (
        "Harmon Textiles Inc. has no plans to sell Lorrey Fabrics Corp., its chief executive said.",
        [event("acquisition", "sell", "negated", "seller=Harmon Textiles", "target=Lorrey Fabrics")]),
    "acquisition noun called off": (
        "Harmon Textiles Inc. called off its planned $420 million takeover of Lorrey Fabrics Corp.",
        [event("acquisition", "takeover", "negated", "acquirer=Harmon Textiles", "target=Lorrey Fabrics",
               "value=$420 million")]),
    "acquisition planned": (
        "Harmon Textiles Inc. is considering a bid for Lorrey Fabrics Corp.",
        [event("acquisition", "bid", "planned", "acquirer=Harmon Textiles", "target=Lorrey Fabrics")]),
    "investment with apposition": (
        "Pelham Ventures invested $25 million in Quillfish Labs, a Denver software start-up.",
        [event("investment", "invested", "completed", "investor=Pelham Ventures", "recipient=Quillfish Labs",
               "value=$25 million")]),
    "investment round led by": (
        "Quillfish Labs raised $40 million in a Series B round led by Pelham Ventures.",
        [event("investment", "raised", "completed", "investor=Pelham Ventures", "recipient=Quillfish Labs",
               "value=$40 million")]),
    "investors named by participation and inclusion": (
        "Quillfish Labs raised $40 million in a round led by Pelham Ventures, with participation from existing "
        "backers Orrin Capital and the Asian Development Bank.",
        [event("investment", "raised", "completed", "investor=Pelham Ventures", "investor=Orrin Capital",
               "investor=Asian Development Bank", "recipient=Quillfish Labs", "value=$40 million")]),
    "investors including, recipient in apposition at the sentence start": (
        "Quillfish, a Denver-based software start-up, raised $12 million from investors including Orrin Capital.",
        [event("investment", "raised", "completed", "investor=Orrin Capital", "recipient=Quillfish",
               "value=$12 million")]),
    "a deal struck to buy is announced": (
        "Harmon Textiles struck a deal to buy Lorrey Fabrics for $300 million.",
        [event("acquisition", "buy", "announced", "acquirer=Harmon Textiles", "target=Lorrey Fabrics",
               "value=$300 million")]),
    "layoffs announced as a noun are announced": (
        "Dorsey Motors announced 420 layoffs at its Ohio plant.",
        [event("job_cuts", "layoffs", "announced", "company=Dorsey Motors", "count=420 layoffs")]),
    "a hyphenated partnership noun in talks is planned": (
        "Dorsey Motors is in talks with Vessmark Corp. about a tie-up in batteries.",
        [event("partnership", "tie-up", "planned", "member=Dorsey Motors", "partner=Vessmark")]),
    "contract won to build goods for a buyer named in the clause": (
        "Norvik Shipyards won a $300 million order to build four ferries for Lorrey Lines.",
        [event("contract", "won", "completed", "supplier=Norvik Shipyards", "buyer=Lorrey Lines", "value=$300 million",
               "count=four ferries")]),
    "contract signed by a public body, which buys": (
        "The Ministry of Transport signed a $90 million contract with Harmon Textiles for 5,000 uniforms.",
        [event("contract", "signed", "completed", "buyer=Ministry of Transport", "supplier=Harmon Textiles",
               "value=$90 million", "count=5,000 uniforms")]),
    "a headline's 'X to Verb' is announced": (
        "Dorsey Motors to Close Two Plants\n\nDorsey Motors said demand for its vans had slumped.",
        [event("job_cuts", "Close", "announced", "company=Dorsey Motors", "count=Two Plants")]),
    "an agreement signed to acquire is the acquisition's, no contract": (
        "Harmon Textiles said it has signed a definitive agreement to acquire Lorrey Fabrics for $310 million.",
        [event("acquisition", "acquire", "announced", "acquirer=Harmon Textiles", "target=Lorrey Fabrics",
               "value=$310 million")]),
    "'the company' after a sentence about another company's product is that company": (
        "Harmon Textiles agreed to buy Lorrey Fabrics. Lorrey's looms run in 40 mills. "
        "The company made a profit of $12 million in 2023.",
        [event("acquisition", "buy", "announced", "acquirer=Harmon Textiles", "target=Lorrey Fabrics"),
         event("financial_result", "made", "completed", "company=Lorrey Fabrics", "value=$12 million",
               "metric=profit", "period=2023")]),
    "contract signed with a company the text calls a supplier": (
        "Dorsey Motors signed a five-year deal with German supplier Lorrey Fabrics to deliver 3,000 seat covers.",
        [event("contract", "signed", "completed", "buyer=Dorsey Motors", "supplier=Lorrey Fabrics",
               "count=3,000 seat covers")]),
    "goods supplied under a deal: a contract, made": (
        "Kestrel Rail Ltd. will supply 90 trains to Toriva Group under a deal valued at 2.1 billion euros.",
        [event("contract", "supply", "completed", "supplier=Kestrel Rail", "buyer=Toriva Group",
               "value=2.1 billion euros", "count=90 trains")]),
    "a partnership signed to develop projects is no contract": (
        "Orvane Energy has inked a partnership with Tarn Power to develop hydrogen projects.",
        [event("partnership", "partnership", "completed", "member=Orvane Energy", "partner=Tarn Power")]),
    "who signs an order places it and buys": (
        "Orvane Airlines firmed up an order with Boeing for 20 jets.",
        [event("contract", "firmed up", "completed", "buyer=Orvane Airlines", "supplier=Boeing", "count=20 jets")]),
    "rivals beaten to a deal are no goods": (
        "Tarn Logistics beat three rivals to a five-year deal to run Orvane Stores' warehouses.",
        [event("contract", "beat", "completed", "supplier=Tarn Logistics")]),
    "who buys goods is the buyer, whatever its name says": (
        "Orvane Services will buy 12 trucks for $2 million.",
        [event("contract", "buy", "announced", "buyer=Orvane Services", "count=12 trucks", "value=$2 million")]),
    "a builder named by its short form is still the builder": (
        "Orvane Construction Services will build the mall. Jim Hale, the owner of the site, signed a contract with "
        "Orvane to assemble the development.",
        [event("contract", "signed", "completed", "supplier=Orvane Construction Services")]),
    "goods supplied to a buyer under a deal placed on the goods: made": (
        "Kestrel Rail Ltd. will supply Toriva Group with 90 trains under a deal valued at 2.1 billion euros.",
        [event("contract", "supply", "completed", "supplier=Kestrel Rail", "buyer=Toriva Group",
               "value=2.1 billion euros", "count=90 trains")]),
    "goods to be delivered for a price: a contract, announced": (
        "Norvik Shipyards will deliver 40 ferries to Lorrey Lines for $700 million.",
        [event("contract", "deliver", "announced", "supplier=Norvik Shipyards", "buyer=Lorrey Lines",
               "value=$700 million", "count=40 ferries")]),
    "a contract's value and scope in the next sentence, not its term": (
        "Dorsey Air has ordered 12 Kestrel jets. The order is worth about $4 billion. "
        "Norvik Shipyards won a contract from Lorrey Lines. The contract, which runs until 2034, covers 14 ferries.",
        [event("contract", "ordered", "completed", "buyer=Dorsey Air", "supplier=Kestrel", "count=12 Kestrel jets",
               "value=$4 billion"),
         event("contract", "won", "completed", "supplier=Norvik Shipyards", "buyer=Lorrey Lines", "count=14 ferries")]),
    "a later deal of a company with no earlier event refers to none; one of a party does": (
        "Dorsey Air Ltd. wants new jets, while Lorrey Air Ltd. has ordered 12 Kestrel jets. "
        "The Dorsey Air order is worth $1 billion. "
        "Harmon Textiles agreed to buy Vessmark Corp. in March. Dorsey Motors agreed to buy Toriva Group. "
        "The Vessmark deal is valued at $2 billion.",
        [event("contract", "ordered", "completed", "buyer=Lorrey Air", "supplier=Kestrel", "count=12 Kestrel jets"),
         event("acquisition", "buy", "announced", "acquirer=Harmon Textiles", "target=Vessmark",
               "value=$2 billion"),
         event("acquisition", "buy", "announced", "acquirer=Dorsey Motors", "target=Toriva Group")]),
    "a buyer named before the contract noun, unless a subject buys": (
        "Kestrel Rail Ltd. has been awarded a $450 million Toriva Group contract. "
        "The Ministry of Transport awarded Norvik Shipyards a $90 million Lorrey Lines contract.",
        [event("contract", "awarded", "completed", "supplier=Kestrel Rail", "buyer=Toriva Group",
               "value=$450 million"),
         event("contract", "awarded", "completed", "buyer=Ministry of Transport", "supplier=Norvik Shipyards",
               "value=$90 million")]),
    "a deal noun whose verb closes it: that verb's tense and date": (
        "Lorrey Capital's acquisition of Vessmark Corp. will close in March 2025. "
        "Dorsey Motors' purchase of Toriva Group closed in June 2024.",
        [event("acquisition", "acquisition", "announced", "acquirer=Lorrey Capital", "target=Vessmark",
               "date=March 2025"),
         event("acquisition", "purchase", "completed", "acquirer=Dorsey Motors", "target=Toriva Group",
               "date=June 2024")]),
    "money put 'into' a company: the company receives, the subject invests": (
        "Lorrey Capital injected $15 million into Vessmark Corp. last year.",
        [event("investment", "injected", "completed", "investor=Lorrey Capital", "recipient=Vessmark",
               "value=$15 million")]),
    "a company paid under an order is no authority": (
        "A court ordered Dorsey Motors to pay $539 million to Harmon Textiles.",
        [event("penalty", "pay", "completed", "penalized=Dorsey Motors", "value=$539 million")]),
    "the merger of two companies: both merge, as when they merge by a verb": (
        "The merger of Harmon Textiles and Lorrey Fabrics in 2019 created Europe's largest mill group. "
        "The merger between Kestrel Rail Ltd. and Toriva Group was approved in May 2024.",
        [event("acquisition", "merger", "completed", "acquirer=Harmon Textiles", "acquirer=Lorrey Fabrics",
               "date=2019"),
         event("acquisition", "merger", "announced", "acquirer=Kestrel Rail", "acquirer=Toriva Group",
               "date=May 2024")]),
    "'we' in a quote is the company of the person quoted": (
        "\"We will close 12 stores by June,\" Dorsey Motors chief executive Anna Berg told reporters.",
        [event("job_cuts", "close", "announced", "company=Dorsey Motors", "count=12 stores")]),
    "jobs lost 'with the loss of' a closure": (
        "Norvik Shipyards will shut its yard in Kemi, Finland, with the loss of 410 jobs.",
        [event("job_cuts", "shut", "announced", "company=Norvik Shipyards", "count=410 jobs")]),
    "a company bought in a deal that values it: the value; a stake: not": (
        "Toriva Group agreed to be acquired by Dorsey Motors in a deal that values the group at $2 billion. "
        "Harmon Textiles bought a 10% stake in Vessmark Corp. in a deal that values the company at $1 billion.",
        [event("acquisition", "acquired", "announced", "acquirer=Dorsey Motors", "target=Toriva Group",
               "value=$2 billion"),
         event("acquisition", "bought", "completed", "acquirer=Harmon Textiles", "target=Vessmark")]),
    "a company's forecast of a metric, kept or raised: a planned result": (
        "Vessmark Corp. kept its forecast of full-year operating profit of $3.5 billion. "
        "Dorsey Motors raised its forecast for 2025 revenue to $4 billion.",
        [event("financial_result", "forecast", "planned", "company=Vessmark", "value=$3.5 billion",
               "metric=operating_profit"),
         event("financial_result", "forecast", "planned", "company=Dorsey Motors", "value=$4 billion",
               "metric=revenue", "period=2025")]),
    "a period counted back is the earlier figure's": (
        "LONDON, March 5, 2025 (Reuters) - Vessmark Corp. said net sales rose 5% to $3 billion, against $2.8 billion "
        "in the same quarter a year ago.",
        [event("financial_result", "rose", "completed", "company=Vessmark", "value=$3 billion", "metric=sales"),
         event("financial_result", "against", "completed", "company=Vessmark", "value=$2.8 billion", "metric=sales",
               "period=the same quarter a year ago")]),
    "the price a buyer pays in a participle": (
        "Dorsey Motors completed its acquisition of Toriva Group on Friday, paying $310 million.",
        [event("acquisition", "acquisition", "completed", "acquirer=Dorsey Motors", "target=Toriva Group",
               "value=$310 million")]),
    "whose decision or plan it is does the act": (
        "Dorsey Motors' decision to shed 900 roles drew criticism. The decision by Vessmark Corp. to close 12 "
        "stores surprised analysts.",
        [event("job_cuts", "shed", "announced", "company=Dorsey Motors", "count=900 roles"),
         event("job_cuts", "close", "announced", "company=Vessmark", "count=12 stores")]),
    "a company's figure 'reached' or 'totaled': the level it names": (
        "Dorsey Motors said its sales reached $1.2 billion in 2023. Vessmark Corp. said revenue totaled $4.2 "
        "billion in 2024.",
        [event("financial_result", "reached", "completed", "company=Dorsey Motors", "value=$1.2 billion",
               "metric=sales", "period=2023"),
         event("financial_result", "totaled", "completed", "company=Vessmark", "value=$4.2 billion",
               "metric=revenue", "period=2024")]),
    "a speaker's surname that is also a company's name does not report for that company": (
        "Dorsey Motors Inc. will close two plants. Chief Financial Officer Amanda Harmon said revenue rose 11% to "
        "$1.08 billion. Its engines power trucks made by Harmon Textiles Inc.",
        [event("job_cuts", "close", "announced", "company=Dorsey Motors", "count=two plants"),
         event("financial_result", "rose", "completed", "company=Dorsey Motors", "value=$1.08 billion",
               "metric=revenue")]),
    "goods built for a buyer under a contract: a contract": (
        "Norvik Shipyards will build six cruise ships for Lorrey Lines under a $1 billion contract.",
        [event("contract", "build", "completed", "supplier=Norvik Shipyards", "buyer=Lorrey Lines",
               "value=$1 billion", "count=six cruise ships")]),
    "a takeover 'by' X that the other agrees to, and an offer made for a company": (
        "Lorrey Fabrics agreed to a $200 million takeover by Harmon Textiles. "
        "Dorsey Motors has made an offer of $2 billion for Toriva Group.",
        [event("acquisition", "takeover", "announced", "acquirer=Harmon Textiles", "target=Lorrey Fabrics",
               "value=$200 million"),
         event("acquisition", "offer", "completed", "acquirer=Dorsey Motors", "target=Toriva Group",
               "value=$2 billion")]),
    "a count 'including' a part of it is one count": (
        "Dorsey Motors will cut 500 jobs, including 200 engineers, by 2026.",
        [event("job_cuts", "cut", "announced", "company=Dorsey Motors", "count=500 jobs", "date=2026")]),
    "a noun's agent through 'announced by' / 'proposed by'": (
        "The 1,200 job cuts announced by Dorsey Motors in January will fall on its research units. "
        "The merger proposed by Harmon Textiles and Lorrey Fabrics would create Europe's largest mill group.",
        [event("job_cuts", "job cuts", "announced", "company=Dorsey Motors", "count=1,200 job cuts"),
         event("acquisition", "merger", "planned", "acquirer=Harmon Textiles", "acquirer=Lorrey Fabrics")]),
    "who invests in a venture is its investor": (
        "Harmon Textiles and Lorrey Fabrics formed a joint venture. The two companies will invest $90 million "
        "in the venture.",
        [event("partnership", "joint venture", "completed", "member=Harmon Textiles", "partner=Lorrey Fabrics"),
         event("investment", "invest", "announced", "investor=Harmon Textiles", "investor=Lorrey Fabrics",
               "value=$90 million")]),
    "job cuts, two verbs two events": (
        "Dorsey Motors will cut 1,500 jobs and close 12 plants by 2026.",
        [event("job_cuts", "cut", "announced", "company=Dorsey Motors", "count=1,500 jobs", "date=2026"),
         event("job_cuts", "close", "announced", "company=Dorsey Motors", "count=12 plants", "date=2026")]),
    "job cuts in reported speech, pronoun": (
        "Dorsey Motors said on Tuesday it had laid off 300 workers.",
        [event("job_cuts", "laid off", "completed", "company=Dorsey Motors", "count=300 workers")]),
    "job cuts denied": (
        "Dorsey Motors denied it would cut 2,000 jobs.",
        [event("job_cuts", "cut", "negated", "company=Dorsey Motors", "count=2,000 jobs")]),
    "job cuts beside a halt: the halt stops its own object": (
        "Dorsey Motors suspended production at its Ohio plant and laid off 300 workers.",
        [event("job_cuts", "laid off", "completed", "company=Dorsey Motors", "count=300 workers")]),
    "job cuts under a suspended plan": (
        "Dorsey Motors suspended plans to lay off 300 workers.",
        [event("job_cuts", "lay off", "negated", "company=Dorsey Motors", "count=300 workers")]),
    "hiring planned, staff and stores": (
        "Grantley Foods plans to hire 800 people and open 40 stores next year.",
        [event("hiring", "hire", "planned", "company=Grantley Foods", "count=800 people"),
         event("hiring", "open", "planned", "company=Grantley Foods", "count=40 stores")]),
    "hiring completed": (
        "Grantley Foods said it had hired 250 engineers in 2023.",
        [event("hiring", "hired", "completed", "company=Grantley Foods", "count=250 engineers", "date=2023")]),
    "financial result with metric synonym and period": (
        "Vessmark Corp. reported net income of $85 million for the second quarter of 2024.",
        [event("financial_result", "reported", "completed", "company=Vessmark", "value=$85 million",
               "metric=net_profit", "period=the second quarter of 2024")]),
    "financial result forecast by the company": (
        "Vessmark Corp. expects revenue of $2.1 billion in 2025.",
        [event("financial_result", "expects", "planned", "company=Vessmark", "value=$2.1 billion",
               "metric=revenue", "period=2025")]),
    "financial result with a comparison figure": (
        "Dorsey Motors posted a net loss of $45 million, compared with a profit of $12 million a year earlier.",
        [event("financial_result", "posted", "completed", "company=Dorsey Motors", "value=$45 million",
               "metric=net_loss"),
         event("financial_result", "compared with", "completed", "company=Dorsey Motors", "value=$12 million",
               "metric=profit")]),
    "penalty by a regulator": (
        "The Securities and Exchange Commission fined Vessmark Corp. $12 million on Monday.",
        [event("penalty", "fined", "completed", "authority=SEC", "penalized=Vessmark", "value=$12 million")]),
    "penalty in a headline's passive without 'was', with its agent": (
        "Harmon Textiles fined $3 million by Ontario Securities Commission\n\nThe regulator said it misled investors.",
        [event("penalty", "fined", "completed", "authority=Ontario Securities Commission", "penalized=Harmon Textiles",
               "value=$3 million")]),
    "penalty in a headline's passive without 'was' or agent": (
        "Lorrey Fabrics fined over late filings\n\nThe company said it would appeal.",
        [event("penalty", "fined", "completed", "penalized=Lorrey Fabrics")]),
    "penalty passive": (
        "Dorsey Motors was fined $5 million by the Financial Conduct Authority.",
        [event("penalty", "fined", "completed", "authority=FCA", "penalized=Dorsey Motors", "value=$5 million")]),
    "contract awarded": (
        "The Ministry of Transport awarded Kestrel Rail Ltd. a contract worth $900 million in March 2024.",
        [event("contract", "awarded", "completed", "buyer=Ministry of Transport", "supplier=Kestrel Rail",
               "value=$900 million", "date=March 2024")]),
    "contract won, with a count": (
        "Kestrel Rail Ltd. won a $900 million contract from the Ministry of Transport to build 40 trains.",
        [event("contract", "won", "completed", "buyer=Ministry of Transport", "supplier=Kestrel Rail",
               "value=$900 million", "count=40 trains")]),
    "enforcement, two verbs and a helping company": (
        "Police in Lagos seized 3,000 counterfeit handbags and arrested 12 suspects, helped by Toriva Group.",
        [event("enforcement", "seized", "completed", "count=3,000 counterfeit handbags", "helper=Toriva Group"),
         event("enforcement", "arrested", "completed", "count=12 suspects", "helper=Toriva Group")]),
    "enforcement with a value": (
        "Customs officers seized fake watches worth $2 million in June.",
        [event("enforcement", "seized", "completed", "authority=Customs", "value=$2 million")]),
    "partnership, no direction": (
        "Toriva Group and Mellish Holdings formed a joint venture in 2022.",
        [event("partnership", "joint venture", "completed", "member=Toriva Group", "partner=Mellish Holdings",
               "date=2022")]),
    "partnership announced": (
        "Toriva Group and Mellish Holdings said they would form a joint venture to build batteries.",
        [event("partnership", "joint venture", "announced", "member=Toriva Group", "partner=Mellish Holdings")]),
}


@pytest.mark.parametrize("text,expected", CASES.values(), ids=CASES.keys())
def test_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text", [
    "Analysts expect Vessmark Corp. to report revenue of $2 billion.",
    "Shares of Vessmark Corp. rose 4% to $52.10 on Tuesday, giving it a market value of $8 billion.",
    "Vessmark Corp. may cut up to 500 jobs if sales keep falling.",
    "Harmon Textiles Inc. will buy back $200 million of its own shares.",
    "Richard Hale ran a shipping line for a decade. When Hale joined Mellish Holdings in 2019, he said little.",
    "Maria Okafor left the bank in May. Okafor joined Toriva Group as finance chief in June.",
    "Lawmakers spoke of the risks of buying Lorrey Fabrics Corp.",
    "There are fears of 500 job cuts at Dorsey Motors.",
    "Harmon Textiles Inc. will sell Lorrey Fabrics printers in its stores.",
    "Dorsey Motors sold 300 Vessmark Corp. engines last year.",
    "Vessmark Corp. sold over ten million Kalvos last year.",
    "Vessmark Corp. has sold 2 million Walkmans since March.",
    "Fifteen bodies have been recovered from the wreck.",
    "Joining the European Union will force Vessmark Corp. to cut import duties.",
    "Harmon Capital partner Joost van der Meulen will join Lorrey Fabrics' board.",
    "Two Harmon Textiles directors will join Lorrey Fabrics' board, which will expand to 14.",
    "Anthony Brill left in July. Before joining Lorrey Capital, Brill was a financier at Harmon Textiles.",
    "Vessmark Corp. ordered 40 dealers to stop selling the car.",
    "Dorsey Motors wins national design award",
    "Vessmark Corp. said the plants take part in the Trans-Pacific Partnership on Clean Trade.",
    "Harmon Textiles' investment arm Lorrey Capital paid Dorsey Motors $100 million for a ship in 2007.",
    "Dorsey Motors thanked its staff, saying \"we've got to keep on doing this sort of work\".",
    "\"We have got to grow jobs and get the town back to work,\" Harmon Textiles Inc. said.",
    "Harmon Textiles joined rival Lorrey Fabrics in raising prices.",
    "The FCC said it had started its review of the merger.",
    "Vessmark Corp. said multi-million dollar losses, combined with rising costs, were factors in the decision.",
    "Dorsey Motors headed a consortium that took control of a parts maker in 2019.",
    "Vessmark Corp. extended the warranty on its printers to three years from the date of purchase.",
    "Dorsey Motors negotiated the purchase of 22 new Kestrel jets from a Brazilian maker.",
    "A takeover of Lorrey Fabrics would draw close scrutiny from regulators, lawyers said.",
    "Vessmark Corp. launched a new booking tool for small hotels, which it will sell for $20 a month.",
    "Vessmark Corp. has made three acquisitions in the past two years.",
    "Analysts at Lorrey Capital cut their estimates for Vessmark Corp. Lorrey now expects a net profit of $410 million "
    "for the year, down from $520 million.",
    "Vessmark Corp. supplies engines to Dorsey Motors and Harmon Textiles.",
    "Norvik Shipyards delivered 12 ferries last year.",
    "Turnover on the Lorrey Stock Exchange reached $121 billion.",
    "For Vessmark Corp., an offer to host the content is a small expense.",
    "The minister said winning the Vessmark project was an achievement for the region.",
    "If the merger goes ahead, the combined group would have annual sales of roughly $30 billion.",
    "If approved, the deal would create 500 jobs at Dorsey Motors.",
    "Harmon Insurance paid out £2.3 billion in claims after the storms, the most in its history.",
    "The regulator has fined banks a total of £1.2 billion over the past decade.",
    "Harmon Water has been fined six times since 2015 for pollution incidents.",
    "The competition watchdog said it would look closely at any bid for Lorrey Fabrics.",
])
def test_no_event_in_estimates_prices_hypotheticals_risks_buybacks_goods_and_people_joining(text):
    assert events(text) == []


@pytest.mark.parametrize("text, authority", [
    ("Vessmark Corp. agreed to pay $3 million to settle charges brought by the Federal Trade Commission.",
     ["authority=FTC"]),
    ("Vessmark Corp. agreed to pay $3 million to settle a lawsuit by the Department of Justice over claims.",
     ["authority=Department of Justice"]),
    ("Vessmark Corp. agreed to pay $3 million to settle a lawsuit by Harmon Textiles.", []),
], ids=["charges brought by", "a lawsuit by (hung on the verb)", "a company's lawsuit: no authority"])
def test_penalty_authority_behind_what_is_settled(text, authority):
    assert events(text) == [event("penalty", "pay", "announced", "penalized=Vessmark", "value=$3 million",
                                  *authority)]


def test_a_public_body_buying_from_a_supplier_is_the_buyer_it_names_no_company_for():
    text = "The Spanish government has ordered 25 firefighting aircraft from Kestrel Rail Ltd. for $1 billion. " \
           "The government ordered 4,000 policemen to guard the site."
    assert events(text) == [event("contract", "ordered", "completed", "supplier=Kestrel Rail", "value=$1 billion",
                                  "count=25 firefighting aircraft")]


def test_contract_value_and_count_after_a_deal_to_supply():
    text = "Vessmark Corp. signed a deal with Toriva Group to supply 200 buses worth $150 million."
    assert events(text) == [event("contract", "signed", "completed", "supplier=Vessmark", "buyer=Toriva Group",
                                  "count=200 buses", "value=$150 million")]


def test_talks_with_a_consortium_form_no_partnership():
    text = "Harmon Textiles confirmed talks with a consortium of Dutch insurers about selling its textile unit."
    assert [e for e in events(text) if e[0] == "partnership"] == []


def test_every_ref_points_at_a_fact_and_the_record_round_trips():
    article = extract("Harmon Textiles Inc. agreed to buy Lorrey Fabrics Corp. for $420 million. Dorsey Motors "
                      "said it would cut 1,500 jobs by 2026.")
    assert [e.type for e in article.events] == ["acquisition", "job_cuts"]
    assert Article.model_validate_json(article.model_dump_json()) == article
    for e in article.events:
        assert article.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert all(r.ref is not None for r in e.roles)


# one sentence of clauses chained by "and", each with a round "led by" an investor (the one `>>` pattern): the
# descendants of each trigger are found by number (relations.py), not by walking its subtree
CHAINED = " and ".join(f"Kelvra {k} raised $5 million in a round led by Ostrel {k}" for k in range(1, 40)) + "."


def test_slot_patterns_match_what_spacys_dependency_matcher_matches(nlp):
    """The slots are matched from each trigger (relations.py); spaCy's matcher over the whole Doc finds the same."""
    finder = nlp.get_pipe("factwire_events")
    spacy_matcher = DependencyMatcher(nlp.vocab)
    for name, pattern in finder.lexicon.slots:
        spacy_matcher.add(name, [pattern])
    compared, led = 0, 0
    for text in [*(text for text, _ in CASES.values()), CHAINED]:
        doc = nlp(text)
        triggers = [c.token for c in find_candidates(doc, finder.lexicon, finder.lemma)]
        for trigger in triggers:  # as the component does while it runs
            trigger.lemma_ = finder.lemma(trigger)
        roots = {t.i for t in triggers}
        theirs = sorted((nlp.vocab.strings[key], tuple(ids)) for key, ids in spacy_matcher(doc) if ids[0] in roots)
        matched = finder.slot_patterns(triggers, Children(doc))
        ours = sorted((name, tuple(t.i for t in tokens)) for name, tokens in matched)
        assert ours == theirs, text
        compared += len(ours)
        led += sum(name == "led" for name, _ in ours)
    assert compared > 50 and led > 30


def test_slot_patterns_refuse_what_they_cannot_match(nlp):
    trigger = {"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "buy"}}
    with pytest.raises(ValueError, match="operator"):
        SlotPatterns(nlp.vocab, [("x", [trigger, {"LEFT_ID": "t", "REL_OP": "<", "RIGHT_ID": "a", "RIGHT_ATTRS": {}}])])
    with pytest.raises(ValueError, match="not supported"):
        SlotPatterns(nlp.vocab, [("x", [trigger, {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "a",
                                                   "RIGHT_ATTRS": {"ENT_TYPE": "ORG"}}])])


def test_jets_ordered_to_serve_routes_are_bought():
    assert events("Dorsey Air has ordered ten new jetliners to serve routes to Europe.") == [
        event("contract", "ordered", "completed", "buyer=Dorsey Air", "count=ten new jetliners")]


def test_a_company_joining_a_board_or_team_is_a_partnership():
    assert [e[:2] for e in events("Vessmark Corp. joined the Lorrey Foundation board in July 2007.")] == [
        ("partnership", "joined")]


def test_who_signs_a_contract_to_purchase_is_the_buyer():
    found = events("Dorsey Motors signed a contract to purchase 40 trucks for $6 million.")
    signed = [e for e in found if e[1] == "signed"]
    assert signed == [event("contract", "signed", "completed", "buyer=Dorsey Motors")]


@pytest.mark.parametrize("text", [
    "Vessmark Corp. raised its revenue outlook for 2025 to $2 billion.",
    "The budget office has raised its forecast of the deficit to $7.1 trillion.",
])
def test_a_figure_raised_to_an_amount_is_no_money_raised(text):
    assert [e for e in events(text) if e[0] == "investment"] == []


@pytest.mark.parametrize("text", [
    "The Fair Trade Commission approved the merger of Vessmark Corp. with Dorsey Motors.",
    "The Dorsey Workers Union will fight the takeover of Vessmark Corp.",
])
def test_who_judges_a_deal_from_outside_is_no_party_to_it(text):
    roles = {role for event in events(text) for role in event[3]}
    assert not any("Commission" in role or "Union" in role for role in roles)


@pytest.mark.parametrize("text, target", [
    ("Vessmark Corp. bought competitor Dorsey Motors for $10 billion last December.", "target=Dorsey Motors"),
    ("Harmon Textiles Inc. announced its intention of taking over the advertising agency Lorrey Media in a deal "
     "worth $3.1 billion.", "target=Lorrey Media"),
])
def test_a_company_named_beside_a_common_noun_is_bought(text, target):
    assert [e[0] for e in events(text) if target in e[3]] == ["acquisition"]
