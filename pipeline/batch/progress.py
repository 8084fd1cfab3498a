"""The progress bar of `factwire extract`: a tqdm bar over the bytes of the input files.

Files differ in size by orders of magnitude, so the bar counts bytes (known
up front from the file sizes) and its rate and ETA are tqdm's own over them;
beside it, files done of the total, articles so far with an estimate of the
total (articles per byte so far, times the bytes), and words per second. It
moves as each file is done, whatever engine runs the files (with workers or
Dask, as each batch comes back), and stays quiet when stderr is not a
terminal.
"""

from __future__ import annotations

import re
import sys
import time

from tqdm import tqdm

from pipeline.batch.runs import RunProgress
from pipeline.inputs.files import InputFile
from pipeline.records import Article

_WORD = re.compile(r"\S+")


class ProgressBar(RunProgress):
    """A run's progress on stderr (nothing when `enabled` is false)."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.bar: tqdm | None = None
        self.files = self.files_done = self.articles = self.words = 0
        self.size = self.size_done = 0
        self.started = time.monotonic()

    def start(self, files: int, size: int, reused: int, reused_size: int) -> None:
        self.files, self.files_done, self.size, self.size_done = files, reused, size, reused_size
        self.started = time.monotonic()
        self.bar = tqdm(total=size, initial=reused_size, unit="B", unit_scale=True, unit_divisor=1000,
                        desc=self._files(), disable=not self.enabled, file=sys.stderr, dynamic_ncols=True,
                        smoothing=0.05)

    def file_done(self, item: InputFile) -> None:
        self.files_done += 1
        self.size_done += item.size
        if self.bar is not None:
            self.bar.set_description_str(self._files(), refresh=False)
            self.bar.set_postfix_str(self._rates(), refresh=False)
            self.bar.update(item.size)

    def article(self, article: Article) -> None:
        self.articles += 1
        if self.enabled:  # counted one at a time: a list of a 60 MB article's words would hold 600 MB
            self.words += sum(1 for _ in _WORD.finditer(article.text))
        if self.bar is not None and self.articles % 32 == 0:
            self.bar.set_postfix_str(self._rates(), refresh=False)
            self.bar.update(0)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def _files(self) -> str:
        return f"files {self.files_done}/{self.files}"

    def _rates(self) -> str:
        """Articles so far and the estimated total, words per second.

        >>> bar = ProgressBar(enabled=False)
        >>> bar.size, bar.size_done, bar.articles, bar.words, bar.started = 1000, 250, 10, 3000, time.monotonic() - 2
        >>> bar._rates()
        'articles 10/~40, 1,500 words/s'
        """
        estimate = f"/~{round(self.articles * self.size / self.size_done):,}" if self.size_done else ""
        rate = self.words / max(time.monotonic() - self.started, 1e-6)
        return f"articles {self.articles:,}{estimate}, {rate:,.0f} words/s"
