"""Runs over folders of files: where batches are extracted (engines), resumable runs, and the output writers."""

from pipeline.batch.engines import Engine, EngineUnavailable
from pipeline.batch.runs import RunSummary, extract_to_output
from pipeline.batch.writers import OUTPUT_FORMATS, OutputRefused, OutputUnavailable, record_sink

__all__ = ["OUTPUT_FORMATS", "Engine", "EngineUnavailable", "OutputRefused", "OutputUnavailable", "RunSummary",
           "extract_to_output", "record_sink"]
