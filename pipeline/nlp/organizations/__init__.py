"""The organizations room: span rulers' patterns, the `factwire_orgs` component and the evidence behind it."""

from pipeline.nlp.organizations.component import OrganizationFixer, make_orgs
from pipeline.nlp.organizations.rulers import (
    Gazetteer,
    gazetteer_patterns,
    legal_form_patterns,
    legal_form_spans,
    make_gazetteer,
)

__all__ = ["Gazetteer", "OrganizationFixer", "gazetteer_patterns", "legal_form_patterns", "legal_form_spans", "make_gazetteer",
           "make_orgs"]
