"""The spaCy pipeline: the English model plus factwire's components, one module each (see config.cfg)."""

from pipeline.nlp.base import CountHit, DateHit, MoneyHit
from pipeline.nlp.loader import ModelNotFound, load, model_name

__all__ = ["CountHit", "DateHit", "ModelNotFound", "MoneyHit", "load", "model_name"]
