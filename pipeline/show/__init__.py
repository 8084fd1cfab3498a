"""The `factwire show` page: articles with their facts highlighted, and a corpus summary, in one HTML file."""

from pipeline.show.page import write_page

__all__ = ["write_page"]
