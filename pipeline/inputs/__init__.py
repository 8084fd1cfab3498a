"""Files to articles, without spaCy: finding and decoding files, reading each format, splitting texts into articles."""

from pipeline.inputs.files import InputFile, Skipped, UnreadableFile, find_inputs
from pipeline.inputs.formats import ReadOptions, RecordFields, SourceArticle, read_articles
from pipeline.inputs.segment import Header, describe_header, split_articles

__all__ = ["Header", "InputFile", "ReadOptions", "RecordFields", "Skipped", "SourceArticle", "UnreadableFile",
           "describe_header", "find_inputs", "read_articles", "split_articles"]
