"""A minimal LSP client for yaml-language-server (the server of VS Code's YAML extension).

It speaks JSON-RPC over the server's stdio, as an editor does: initialize, the `yaml` settings
(workspace/didChangeConfiguration), then textDocument/didOpen of each file and the
textDocument/publishDiagnostics the server sends back. The schema of each file comes from its
own `# yaml-language-server: $schema=…` line, resolved by the server against the file's URI.

    python tests/support/yamlls.py data/   # every data file's diagnostics, as an editor sees them
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "tools" / "lsp" / "node_modules" / "yaml-language-server" / "bin"
SERVER_JS = SERVER / "yaml-language-server"

# What VS Code's YAML extension sends, less what needs a network (the schema store) and with
# every check on: the same server, run on the files as a user edits them.
SETTINGS = {
    "yaml": {
        "validate": True,
        "hover": False,
        "completion": False,
        "format": {"enable": False},
        "schemaStore": {"enable": False},
        "schemas": {},
        "yamlVersion": "1.2",
    }
}


@dataclass(frozen=True)
class Diagnostic:
    line: int  # 1-based, as an editor shows it
    col: int  # 1-based
    message: str
    severity: int  # 1 error, 2 warning, 3 information, 4 hint
    source: str

    def __str__(self) -> str:
        return f"{self.line}:{self.col} [{self.source}] {self.message}"


def missing() -> str | None:
    """Why the server cannot run here (French), or None."""
    if shutil.which("node") is None:
        return (
            "node est absent : le test de yaml-language-server demande Node.js "
            "(make setup installe les paquets nodejs et npm)"
        )
    if not SERVER_JS.is_file():
        return (
            "yaml-language-server n'est pas installé : lancez « make setup » "
            "(npm ci dans tools/lsp)"
        )
    return None


class YamlLanguageServer:
    """One server process; `diagnostics(path)` opens a file and returns what the server says."""

    def __init__(self, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._process = subprocess.Popen(
            ["node", str(SERVER_JS), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        self._next_id = 0
        self._responses: dict[int, queue.Queue[Any]] = {}
        self._diagnostics: queue.Queue[dict[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._version = 0
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "locale": "fr",  # as a French VS Code asks: the server's messages in French
                "rootUri": ROOT.as_uri(),
                "capabilities": {
                    "textDocument": {"publishDiagnostics": {"relatedInformation": False}}
                },
                "workspaceFolders": [{"uri": ROOT.as_uri(), "name": ROOT.name}],
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    # --- the protocol ---------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self._process.stdin is not None
        with self._lock:
            self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self._process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        ident = self._next_id
        answer: queue.Queue[Any] = queue.Queue()
        self._responses[ident] = answer
        self._send({"id": ident, "method": method, "params": params})
        message = answer.get(timeout=self.timeout)
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message.get("result")

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return  # the server has exited
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            message = json.loads(stream.read(length))
            self._dispatch(message)

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "method" not in message:
            answer = self._responses.pop(message.get("id"), None)
            if answer is not None:
                answer.put(message)
        elif message["method"] == "textDocument/publishDiagnostics":
            self._diagnostics.put(message["params"])
        elif "id" in message:
            # A request of the server (client/registerCapability…): this client declares no
            # capability that it would need to honour, so it acknowledges.
            self._send({"id": message["id"], "result": None})

    # --- documents ------------------------------------------------------------------------

    def diagnostics(self, path: Path) -> list[Diagnostic]:
        """What the server says of one file, opened as an editor opens it."""
        return self.diagnostics_of([path])[path]

    def diagnostics_of(self, paths: list[Path]) -> dict[Path, list[Diagnostic]]:
        """Open every file, then read the diagnostics the server publishes for each (it
        validates each document 200 ms after it changed: all files wait together); then close
        them. A closed document's diagnostics are cleared: that empty list is read here too,
        so that it is not taken for the answer to the next opening of the same file."""
        uris = {path.resolve().as_uri(): path for path in paths}
        for uri, path in uris.items():
            self._version += 1
            text = path.read_text(encoding="utf-8")
            document = {"uri": uri, "languageId": "yaml", "version": self._version, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": document})
        found = {uris[uri]: [_diagnostic(d) for d in raw] for uri, raw in self._published(uris)}
        for uri in uris:
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self._published(uris)
        return found

    def _published(self, uris: dict[str, Path]) -> list[tuple[str, list[dict[str, Any]]]]:
        """The next diagnostics published for each of `uris` (others are dropped)."""
        waiting, found = set(uris), []
        while waiting:
            params = self._diagnostics.get(timeout=self.timeout)
            if params["uri"] in waiting:
                waiting.remove(params["uri"])
                found.append((params["uri"], params["diagnostics"]))
        return found

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self._process.wait(timeout=5)
        except Exception:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> YamlLanguageServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _diagnostic(raw: dict[str, Any]) -> Diagnostic:
    start = raw["range"]["start"]
    return Diagnostic(
        start["line"] + 1,
        start["character"] + 1,
        raw["message"],
        raw.get("severity", 1),
        str(raw.get("source", "")),
    )


def main(paths: list[str]) -> int:
    reason = missing()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    files = sorted(f for p in map(Path, paths) for f in (p.rglob("*.yaml") if p.is_dir() else [p]))
    total = with_problems = 0
    with YamlLanguageServer() as server:
        diagnostics = server.diagnostics_of(files)
    for path in files:
        found = diagnostics[path]
        total += len(found)
        with_problems += bool(found)
        for d in found:
            print(f"{path}:{d}")
    print(f"{total} diagnostics dans {with_problems} des {len(files)} fichiers")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or [str(ROOT / "data")]))
