"""The progress of a run is told as it goes: totals up front, each file as it is done (also with workers)."""

from pipeline.batch.engines import Engine
from pipeline.batch.progress import ProgressBar
from pipeline.batch.runs import RunOptions, RunProgress, extract_to_output


class Recorder(RunProgress):
    """Every progress event of a run, in order."""

    def __init__(self) -> None:
        self.events: list[tuple] = []

    def start(self, files, size, reused, reused_size):
        self.events.append(("start", files, size, reused, reused_size))

    def file_done(self, item):
        self.events.append(("file", item.relative))

    def article(self, article):
        self.events.append(("article", article.path))


def _news(folder, n):
    folder.mkdir()
    for k in range(n):
        (folder / f"{k:02d}.txt").write_text(f"Company{k} Inc. hired {k + 2} people.\n", encoding="utf-8")
    return folder


def test_files_are_done_during_the_run_with_workers(nlp, tmp_path):
    news = _news(tmp_path / "news", 20)  # two batches of files for the workers
    recorder = Recorder()
    options = RunOptions(resume=False, engine=Engine(workers=2))
    extract_to_output([news], str(tmp_path / "o.jsonl"), options=options, progress=recorder)
    size = sum(p.stat().st_size for p in news.iterdir())
    assert recorder.events[0] == ("start", 20, size, 0, 0)
    done = [k for k, event in enumerate(recorder.events) if event[0] == "file"]
    articles = [k for k, event in enumerate(recorder.events) if event[0] == "article"]
    assert len(done) == 20 and len(articles) == 20
    assert done[0] < articles[-1]  # the first files are told done before the last article comes


def test_reused_files_count_as_done_up_front(nlp, tmp_path):
    news = _news(tmp_path / "news", 3)
    out = str(tmp_path / "o.jsonl")
    extract_to_output([news], out)
    (news / "03.txt").write_text("Puma SE sold 4 stores.\n", encoding="utf-8")
    recorder = Recorder()
    extract_to_output([news], out, progress=recorder)
    size = sum(p.stat().st_size for p in news.iterdir())
    assert recorder.events[0] == ("start", 4, size, 3, size - (news / "03.txt").stat().st_size)
    assert [e for e in recorder.events if e[0] == "file"] == [("file", "03.txt")]


def test_the_bar_shows_files_articles_and_words_per_second(nlp, tmp_path, capsys):
    news = _news(tmp_path / "news", 3)
    bar = ProgressBar(enabled=True)
    extract_to_output([news], str(tmp_path / "o.jsonl"), progress=bar)
    bar.close()
    shown = capsys.readouterr().err
    assert "files 3/3" in shown and "articles 3" in shown and "words/s" in shown


def test_the_bar_is_quiet_when_not_on_a_terminal(nlp, tmp_path, capsys):
    news = _news(tmp_path / "news", 2)
    bar = ProgressBar()  # stderr is captured here: not a terminal
    extract_to_output([news], str(tmp_path / "o.jsonl"), progress=bar)
    bar.close()
    assert capsys.readouterr().err == ""
