"""Gold annotations: the gold format, readable specs, labelled spans, and annotation tools' files in and out.

    format.py            the gold format (the record contract plus ignore regions), reading it, its JSON Schema
    specs.py             gold built from a readable spec (facts as strings and values)
    spans.py             labelled spans <-> gold articles, values filled by the normalizers and factwire's parse
    annotation_tools.py  Prodigy, doccano, Label Studio, CoNLL/IOB in and out, spaCy DocBin out
    meantime.py          the MEANTIME corpus's annotations -> the gold format, each choice documented
"""

from pipeline.gold.annotation_tools import (
                                            EXPORT_FORMATS,
                                            IMPORT_FORMATS,
                                            Converted,
                                            export_gold,
                                            export_gold_file,
                                            import_gold,
                                            import_gold_files,
                                            tokenized,
)
from pipeline.gold.format import (
                                            GOLD_SCHEMA,
                                            GoldArticle,
                                            GoldError,
                                            GoldNotFound,
                                            IgnoreRegion,
                                            load_gold,
                                            read_gold_file,
                                            write_gold_schema,
)
from pipeline.gold.meantime import read_meantime
from pipeline.gold.spans import (
                                            FACT_TYPE_OF,
                                            IGNORE,
                                            LABELS,
                                            AnnotatedText,
                                            LabeledSpan,
                                            check_spans,
                                            item_lemma,
                                            to_gold,
                                            to_spans,
)
from pipeline.gold.specs import build_gold, build_gold_file

__all__ = [
    "EXPORT_FORMATS", "FACT_TYPE_OF", "GOLD_SCHEMA", "IGNORE", "IMPORT_FORMATS", "LABELS",
    "AnnotatedText", "Converted", "GoldArticle", "GoldError", "GoldNotFound", "IgnoreRegion", "LabeledSpan",
    "build_gold", "build_gold_file", "check_spans", "export_gold", "export_gold_file",
    "import_gold", "import_gold_files", "item_lemma", "load_gold", "read_gold_file", "read_meantime", "to_gold",
    "to_spans", "tokenized", "write_gold_schema",
]
