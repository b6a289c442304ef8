"""The build: plan the documents, decide what to rebuild (manifest), produce them in workers
(executors/), commit them atomically, report and show progress."""
