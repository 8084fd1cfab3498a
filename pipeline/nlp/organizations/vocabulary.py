"""The organization rules' words, read once from `patterns/org_rules.json` into one typed value.

Every rule of the organizations room takes its words from here: legal forms
and the words that close a company name, cues that tell a name is a company,
and the words that say it is something else (a product, an index, a place, a
person's title). The data file says where each list comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from pipeline.normalize.money import currency_table
from pipeline.patterns import load_json


@dataclass(frozen=True)
class OrgVocabulary:
    """Word lists of the organization rules (see `patterns/org_rules.json` for each)."""

    not_orgs: frozenset[str]
    title_words: frozenset[str]
    legal_forms: frozenset[str]
    suffixes: frozenset[str]
    intro_nouns: frozenset[str]
    name_opening_nouns: frozenset[str]  # introducing nouns that, capitalized, also open names ("Alliance Boots")
    person_intro_nouns: frozenset[str]  # introducing nouns a person's name may also follow ("investor Warren Buffett")
    company_intro_nouns: frozenset[str]  # nouns only companies answer to ("luxury group Maison Orlane")
    copulas: frozenset[str]  # "X became the latest fintech"
    person_titles: frozenset[str]
    institution_heads: frozenset[str]
    closing_words: frozenset[str]
    facility_words: frozenset[str]
    legal_prefixes: frozenset[str]
    legal_sequences: tuple[tuple[str, ...], ...]
    currency_forms: frozenset[str]
    cues_before: tuple[str, ...]
    member_list_cues: tuple[str, ...]  # "a consortium of X and Y": the cue names every company of the list
    cues_after: tuple[str, ...]
    cues_before_unless_person: tuple[str, ...]
    buying_verbs: frozenset[str]  # verb forms whose object is bought whole ("acquire", "take over")
    company_verbs: frozenset[str]  # with an object of `company_objects`, acts only companies do ("posted revenue")
    company_objects: frozenset[str]
    choosing_verbs: frozenset[str]  # verbs whose object, named with an industry's word, is a company chosen
    sector_words: frozenset[str]  # industry words that may close a company name the model calls a person's
    cues_after_unless_person: tuple[str, ...]
    cue_nouns_after: frozenset[str]
    index_words: frozenset[str]
    model_nouns: frozenset[str]
    court_words: frozenset[str]
    exchange_codes: frozenset[str]
    site_nouns: frozenset[str]
    deposit_nouns: frozenset[str]  # "the Tamarind copper mine": a resource named like a company is a place
    place_nouns: frozenset[str]
    road_nouns: frozenset[str]
    executive_titles: frozenset[str]
    list_joiners: frozenset[str]
    headline_small_words: frozenset[str]
    based_words: frozenset[str]
    locative_words: frozenset[str]
    portfolio_words: frozenset[str]
    office_titles: frozenset[str]
    capitals_stop_words: frozenset[str]
    business_arguments: dict[str, frozenset[str]]  # "nsubj", "nsubjpass" or a preposition -> governing words
    english: EnglishWords  # the model lemmatizer's word index: a word not in it is a name

    def is_english(self, word: str) -> bool:
        return self.english.knows(word)

    def introduces(self, word: str) -> bool:
        """A noun that introduces a company name: "retailer", "rivals", "parent"."""
        return word in self.intro_nouns or word.removesuffix("s") in self.intro_nouns

    def introduces_at_start(self, word: str) -> bool:
        """A capitalized noun opening a sentence that introduces the name after it ("Carmaker Velsa"), and does
        not open names itself ("Alliance Boots", "Studio Ghibli", "Club Med")."""
        return self.introduces(word) and word not in self.name_opening_nouns


def org_vocabulary(nlp: Language, rules: str) -> OrgVocabulary:
    """The vocabulary of a rules file; legal forms are also kept as the token sequences the tokenizer makes."""
    data = load_json(rules)
    legal_forms = frozenset(data["legal_suffixes"])
    descriptive = frozenset(data["descriptive_suffixes"])
    heads = frozenset(data["institution_heads"])
    return OrgVocabulary(
        not_orgs=frozenset(data["not_org_acronyms"]) | frozenset(data["not_org_names"]) | frozenset(data["product_names"]),
        title_words=frozenset(data["title_words"]),
        legal_forms=legal_forms,
        suffixes=legal_forms | descriptive,
        intro_nouns=frozenset(data["org_intro_nouns"]),
        name_opening_nouns=frozenset(data["name_opening_nouns"]),
        person_intro_nouns=frozenset(data["person_intro_nouns"]),
        company_intro_nouns=frozenset(data["company_intro_nouns"]),
        copulas=frozenset(data["copulas"]),
        person_titles=frozenset(data["person_titles"]),
        institution_heads=heads,
        closing_words=descriptive | heads | legal_forms,
        facility_words=frozenset(data["facility_words"]),
        legal_prefixes=frozenset(data["legal_prefixes"]),
        legal_sequences=tuple(sorted({tuple(t.text for t in nlp.make_doc(form)) for form in data["legal_suffixes"]},
                                     key=len, reverse=True)),
        currency_forms=frozenset(currency_table().symbols),
        cues_before=tuple(data["cues_before"]),
        member_list_cues=tuple(data["member_list_cues"]),
        cues_after=tuple(data["cues_after"]),
        cues_before_unless_person=tuple(data["cues_before_unless_person"]),
        buying_verbs=frozenset(data["buying_verbs"]),
        company_verbs=frozenset(data["company_verbs"]),
        company_objects=frozenset(data["company_objects"]),
        choosing_verbs=frozenset(data["choosing_verbs"]),
        sector_words=frozenset(data["sector_words"]) | descriptive,
        cues_after_unless_person=tuple(data["cues_after_unless_person"]),
        cue_nouns_after=frozenset(data["cue_nouns_after"]),
        index_words=frozenset(data["index_words"]),
        model_nouns=frozenset(data["model_nouns"]),
        court_words=frozenset(data["court_words"]),
        exchange_codes=frozenset(data["exchange_codes"]),
        site_nouns=frozenset(data["site_nouns"]),
        deposit_nouns=frozenset(data["deposit_nouns"]),
        place_nouns=frozenset(data["place_nouns"]),
        road_nouns=frozenset(data["road_nouns"]),
        executive_titles=frozenset(data["executive_titles"]),
        list_joiners=frozenset(data["list_joiners"]),
        headline_small_words=frozenset(data["headline_small_words"]),
        based_words=frozenset(data["based_words"]),
        locative_words=frozenset(data["locative_words"]),
        portfolio_words=frozenset(data["portfolio_words"]),
        office_titles=frozenset(data["office_titles"]),
        capitals_stop_words=frozenset(data["capitals_stop_words"]),
        business_arguments={place: frozenset(words) for place, words in data["business_arguments"].items()},
        english=EnglishWords.of(nlp),
    )


@dataclass(frozen=True)
class EnglishWords:
    """English words as the model's rule lemmatizer knows them (its WordNet index, its irregular forms, its suffix
    rules): "markets", "founded", "companies" are English, "Zentrix" and "Quillon" are not. Without a lemmatizer
    every word counts as English, so no rule takes a word for a name by this."""

    words: frozenset[str] = frozenset()
    irregular: frozenset[str] = frozenset()
    suffix_rules: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, nlp: Language) -> EnglishWords:
        if "lemmatizer" not in nlp.component_names:
            return cls()
        lookups = nlp.get_pipe("lemmatizer").lookups
        if not lookups.has_table("lemma_index"):
            return cls()
        index, parts = lookups.get_table("lemma_index"), ("noun", "verb", "adj", "adv")
        rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
        irregular = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
        return cls(frozenset(w for pos in parts if pos in index for w in index[pos]),
                   frozenset(w for pos in parts if pos in irregular for w in irregular[pos]),
                   tuple(dict.fromkeys((old, new) for pos in parts if pos in rules for old, new in rules[pos] if old)))

    def knows(self, word: str) -> bool:
        if not self.words:
            return True
        w = word.lower()
        return w in self.words or w in self.irregular or any(
            w.endswith(old) and w[:-len(old)] + new in self.words for old, new in self.suffix_rules)
