"""The progress bar of a build: the files being written, on stderr, only on a terminal."""

from __future__ import annotations

import sys
from typing import Any


class ProgressBar:
    """A progress bar of the files being written, on stderr, only when it is a terminal."""

    def __init__(self) -> None:
        self.progress: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            if not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.progress = Progress(
                TextColumn("écriture des documents"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
                auto_refresh=False,  # no refresh thread: the writers are forked processes
            )
            self.progress.start()
            self.task = self.progress.add_task("écriture", total=total)
        self.progress.update(self.task, completed=done, total=total)
        self.progress.refresh()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
