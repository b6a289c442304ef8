"""Read one hand-written YAML file into plain Python data, with the place of every value.

Nothing here raises for bad content: each problem becomes a `Problem` with a French message
and a 1-based line and column. The YAML dialect is deliberately small and close to YAML 1.2:
booleans are only true/false, `19:00` is text, dates are only AAAA-MM-JJ, and anchors,
aliases and merge keys are refused while composing (so an alias bomb is never expanded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, Event, ScalarEvent, SequenceStartEvent, StreamEndEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ctgdocs.errors import Location, Problem
from ctgdocs.load import yamlmessages as msg
from ctgdocs.load.access import AccessRefused, read_bytes
from ctgdocs.load.yamlescapes import lone_surrogate, surrogate_pair

MAX_BYTES = 5 * 2**20
MAX_DEPTH = 100
MAX_CHARACTER_PROBLEMS = 20
MAX_SURROGATE_REPAIRS = 1000  # pairs of \\u escapes (JSON's way to write an emoji) in one file

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_STR = _TAG + "str"
_BOM = "\ufeff"
# What libyaml refuses to read (it only accepts printable characters), plus lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based


class _YamlMark(Protocol):
    """A PyYAML mark (0-based): yaml.Mark from its Python parser, yaml._yaml.Mark from libyaml's."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


_ROOT_MARK = Mark(1, 1)
_RawMarks = dict[Path_, _YamlMark]


class MarkIndex:
    """Where each value (and each mapping key) of a document starts, by path."""

    __slots__ = ("_keys", "_values", "file")

    def __init__(self, file: str, values: _RawMarks, keys: _RawMarks) -> None:
        self.file = file
        self._values = values  # PyYAML marks (0-based), converted on demand
        self._keys = keys

    def value(self, path: Path_) -> Mark | None:
        return _mark(self._values.get(tuple(path)))

    def key(self, path: Path_) -> Mark | None:
        return _mark(self._keys.get(tuple(path)))

    def nearest(self, path: Path_) -> Mark:
        path = tuple(path)
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            mark = _mark(self._keys.get(prefix) or self._values.get(prefix))
            if mark is not None:
                return mark
        return _ROOT_MARK

    def location(self, path: Path_) -> Location:
        mark = self.nearest(path)
        return Location(self.file, mark.line, mark.col)


@dataclass(frozen=True)
class YamlDocument:
    file: str
    data: Any
    marks: MarkIndex
    problems: list[Problem]


def read_yaml(path: Path, root: Path | None = None) -> YamlDocument:
    """Read and parse a YAML file; problems (French) are in the result, never raised.

    The file must be a regular file inside `root` once resolved (by default, its own folder):
    a link out of it, a named pipe or a device is refused, with nothing read (`ctgdocs.load.access`)."""
    file = str(path)
    try:
        raw = read_bytes(Path(path), [root or Path(path).parent], limit=MAX_BYTES)
        if len(raw) > MAX_BYTES:
            size = max(len(raw), Path(path).stat().st_size)
            return _failed(file, Location(file), msg.too_big(size, MAX_BYTES))
    except AccessRefused as refused:
        return _failed(file, Location(file), refused.reason)
    except OSError as exc:
        return _failed(file, Location(file), msg.read_error(exc))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        line, col = _position(before, len(before))
        return _failed(file, Location(file, line, col), msg.not_utf8(raw[exc.start]))
    return _parse_text(text, file)


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Like `read_yaml`, from text already in memory; `file` names it in the problems."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return _failed(file, Location(file), msg.too_big(size, MAX_BYTES))
    return _parse_text(text.removeprefix(_BOM), file)


# --- loading ----------------------------------------------------------------------------------


class _TooDeep(Exception):
    def __init__(self, mark: _YamlMark) -> None:
        super().__init__()
        self.mark = mark


class _AliasNode(ScalarNode):
    """Stands for a refused alias: a null value, already reported."""


class _RefusingComposer(Composer):
    """A composer that refuses anchors and aliases, bounds nesting, and wants one document.

    It records the marks of what it refuses in `self.refused` and goes on composing.
    """

    refused: list[tuple[_YamlMark, str]]
    depth: int

    if TYPE_CHECKING:
        # The parser's, which the loader class adds (_make_loader): yaml.Parser, whose events
        # types-PyYAML leaves untyped, or libyaml's CParser.
        def get_event(self) -> Any: ...
        def peek_event(self) -> Any: ...
        def check_event(self, *choices: type[Event]) -> bool: ...

    def get_single_node(self) -> Node | None:
        self.get_event()  # STREAM-START
        if self.check_event(StreamEndEvent):
            return None
        document = self.compose_document()
        if not self.check_event(StreamEndEvent):
            self.refused.append((self.peek_event().start_mark, msg.SEVERAL_DOCUMENTS))
        return document

    def compose_node(self, parent: Node | None, index: object) -> Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            self.get_event()
            self._refuse_alias(event.start_mark)  # type: ignore[arg-type]  # stub: events have marks
            return _AliasNode(_TAG + "null", "", event.start_mark, event.end_mark)  # type: ignore[arg-type]  # stub: libyaml marks are yaml._yaml.Mark
        if event.anchor is not None:
            self._refuse_alias(event.start_mark)
        if isinstance(event, ScalarEvent):
            return self.compose_scalar_node(None)  # type: ignore[arg-type]  # stub: anchor is a name or None
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep(event.start_mark)
        node: Node
        if isinstance(event, SequenceStartEvent):
            node = self.compose_sequence_node(None)  # type: ignore[arg-type]  # stub: anchor is a name or None
        else:
            node = self.compose_mapping_node(None)  # type: ignore[arg-type]  # stub: anchor is a name or None
        self.depth -= 1
        return node

    def _refuse_alias(self, mark: _YamlMark) -> None:
        """Report an anchor or alias, once per line (`[*a, *a, *a]` is one mistake)."""
        if self.refused and self.refused[-1][0].line == mark.line:
            return
        self.refused.append((mark, msg.ALIAS))


_IMPLICIT_RESOLVERS = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
)


def _make_loader(base: type[yaml.SafeLoader] | type[yaml.CSafeLoader]) -> type:
    class Loader(_RefusingComposer, base):  # type: ignore[misc, valid-type]  # a base chosen at run time
        # Our own resolvers, so that PyYAML's global ones are untouched.
        yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}

        def __init__(self, text: str) -> None:
            base.__init__(self, text)
            self.refused = []
            self.depth = 0

    for tag, pattern, first in _IMPLICIT_RESOLVERS:
        Loader.add_implicit_resolver(_TAG + tag, re.compile(pattern), list(first))
    Loader.__name__ = Loader.__qualname__ = f"Ctg{base.__name__}"
    return Loader


_PyLoader = _make_loader(yaml.SafeLoader)
_Loader = _make_loader(yaml.CSafeLoader) if yaml.__with_libyaml__ else _PyLoader


def _parse_text(text: str, file: str) -> YamlDocument:
    problems = _character_problems(text, file)
    if problems:
        return _document(file, None, problems)
    for _ in range(MAX_SURROGATE_REPAIRS + 1):
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            break
        except _TooDeep as exc:
            return _failed(file, _location(file, exc.mark), msg.too_deep(MAX_DEPTH))
        except yaml.MarkedYAMLError as exc:
            if (repaired := surrogate_pair(exc, text)) is not None:
                text = repaired  # « \ud83d\udc6a » read as the one character it stands for
                continue
            if (lone := lone_surrogate(exc, text)) is not None:
                mark = exc.problem_mark  # at the hex digits: the escape starts 2 before
                where = Location(file, mark.line + 1, mark.column - 1) if mark else Location(file)
                return _failed(file, where, msg.lone_surrogate(lone))
            return _failed(file, *_syntax_problem(exc, text, file))
        except yaml.YAMLError:
            return _failed(file, Location(file), msg.SYNTAX)
        finally:
            loader.dispose()
    else:
        return _failed(file, Location(file), msg.too_many_surrogates(MAX_SURROGATE_REPAIRS))
    problems = [Problem(_location(file, mark), message) for mark, message in loader.refused]
    if node is None or (node.tag == _TAG + "null" and isinstance(node, ScalarNode)):
        return _document(file, None, [Problem(Location(file, 1, 1), msg.EMPTY), *problems])
    converter = _Converter(loader, file, problems)
    data = converter.convert(node, ())
    if not isinstance(data, dict):
        problems.append(Problem(Location(file, 1, 1), msg.top_level_not_mapping(data)))
    return _document(file, data, problems, converter.values, converter.keys)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> tuple[Location, str]:
    mark = exc.problem_mark or exc.context_mark
    char = ""
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and mark.column < len(lines[mark.line]):
            char = lines[mark.line][mark.column]
    message, at_context = msg.syntax_error(exc.problem or "", exc.context or "", char)
    if at_context and exc.context_mark is not None:
        mark = exc.context_mark
    return (_location(file, mark) if mark else Location(file)), message


def _character_problems(text: str, file: str) -> list[Problem]:
    problems = []
    for found in _FORBIDDEN.finditer(text):
        line, col = _position(text, found.start())
        problems.append(Problem(Location(file, line, col), msg.forbidden_character(found[0])))
        if len(problems) == MAX_CHARACTER_PROBLEMS:
            break
    return problems


# --- conversion -------------------------------------------------------------------------------


class _Converter:
    """Turns a node tree into plain data, recording marks by path and collecting problems."""

    def __init__(self, loader: Any, file: str, problems: list[Problem]) -> None:
        self.loader = loader
        self.file = file
        self.problems = problems
        self.values: _RawMarks = {}
        self.keys: _RawMarks = {}

    def convert(self, node: Node, path: Path_) -> Any:
        self.values[path] = node.start_mark
        if isinstance(node, MappingNode):
            self._check_tag(node, _TAG + "map")
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            self._check_tag(node, _TAG + "seq")
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(cast(ScalarNode, node))  # the composer makes no other kind of node

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, value_node)
            if key is None:
                self._discard(value_node)
            elif key in first_lines:
                message = msg.duplicate_key(key, first_lines[key])
                self._problem(key_node, message)
                self._discard(value_node)
            else:
                first_lines[key] = key_node.start_mark.line + 1
                child = (*path, key)
                self.keys[child] = key_node.start_mark
                result[key] = self.convert(value_node, child)
        return result

    def _key(self, node: Node, value_node: Node) -> str | None:
        """The key as text, or None when the entry must be dropped (already reported)."""
        if isinstance(node, _AliasNode):
            return None
        if not isinstance(node, ScalarNode):
            self._problem(node, msg.key_is_collection(isinstance(node, SequenceNode)))
            return None
        if node.value == "<<" and not node.style and not isinstance(value_node, _AliasNode):
            self._problem(node, msg.ALIAS)  # a merge key (its alias is reported on its own)
        key = self._scalar(node)
        if not isinstance(key, str):
            self._problem(node, msg.key_not_text(node.value))
            return str(node.value)  # a scalar's text
        return key

    def _discard(self, node: Node) -> None:
        """Convert a value that is not kept, only to report the problems inside it."""
        _Converter(self.loader, self.file, self.problems).convert(node, ())

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag == _STR:
            # The raw text was checked, but an escape ("\x01") yields a control character only now.
            found = _FORBIDDEN.search(node.value)
            if found:
                self._problem(node, msg.forbidden_character(found[0]))
            return node.value  # what construct_object would give, without its bookkeeping
        if node.tag not in _SCALAR_TAGS:
            self._problem(node, msg.refused_tag(node.tag))
            return node.value
        try:
            return self.loader.construct_object(node)
        except (ValueError, yaml.YAMLError):
            if node.tag == _TAG + "timestamp":
                self._problem(node, msg.impossible_date(node.value))
            else:
                self._problem(node, msg.invalid_value(node.value, node.tag))
            return node.value

    def _check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            self._problem(node, msg.refused_tag(node.tag))

    def _problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(_location(self.file, node.start_mark), message))


# --- helpers ----------------------------------------------------------------------------------


def _mark(mark: _YamlMark | None) -> Mark | None:
    return None if mark is None else Mark(mark.line + 1, mark.column + 1)


def _location(file: str, mark: _YamlMark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `text[index]`, counting line breaks as libyaml does."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, index - start + 1


def _document(
    file: str,
    data: Any,
    problems: list[Problem],
    values: _RawMarks | None = None,
    keys: _RawMarks | None = None,
) -> YamlDocument:
    problems.sort(key=lambda p: (p.location.line or 0, p.location.col or 0))
    return YamlDocument(file, data, MarkIndex(file, values or {}, keys or {}), problems)


def _failed(file: str, location: Location, message: str) -> YamlDocument:
    return _document(file, None, [Problem(location, message)])
