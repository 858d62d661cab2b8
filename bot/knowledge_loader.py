"""Load and check the knowledge base: ``knowledge/*.yaml`` -> validated :class:`Knowledge`.

Every problem is reported, not just the first, one line each, as
``knowledge/<file>: <location>: <message>`` where location is a dotted path into
the file (``nodes.can_prompt.no``), ``line N, column M`` for YAML syntax errors,
``(file)`` for problems with the file itself and ``(root)`` for the whole document.

Rules:
- Every file in ``FILES`` must exist. A ``*.yaml`` / ``*.yml`` file that is not in
  ``FILES`` is an ERROR, not a warning: a misspelt or stray file would otherwise be
  silently ignored while the app runs without it. Other files (README.md) and
  hidden files are ignored.
- YAML is read with a safe loader where only ``true``/``false`` are booleans, so
  ``yes:``/``no:`` keys and values stay words (YAML 1.1 would make them booleans),
  and a key repeated in one mapping is an error (plain PyYAML keeps the last one).
- Unknown keys, wrong types and missing keys come from the pydantic models
  (``extra="forbid"``); graph and id checks from the models' validators; references
  between files from :func:`cross_file_problems`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from bot.domain.knowledge.base import KnowledgeModel, Loc, Problems, dotted
from bot.errors import KnowledgeError

if TYPE_CHECKING:
    from bot.domain.knowledge.registry import Knowledge

log = logging.getLogger(__name__)

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"

Located = tuple[str, str]  # (location, message) inside one file
M = TypeVar("M", bound=KnowledgeModel)

# The registry (bot.domain.knowledge.registry) imports every model; it is imported where
# every file is loaded, so that load_file for one file imports only that file's model.


def load_knowledge(directory: Path) -> Knowledge:
    """Read and validate every knowledge file; raise :class:`KnowledgeError` listing all problems."""
    from bot.domain.knowledge.registry import Knowledge

    models, _, errors = _load_all(Path(directory))
    if errors:
        raise KnowledgeError(errors)
    log.debug("knowledge loaded from %s: %s", directory, ", ".join(models))
    return Knowledge.from_files(models)


def load_file(directory: Path, model_cls: type[M]) -> M:
    """Read and validate one knowledge file (``model_cls.FILE``), for a command that needs no
    other (no checks across files: ``python -m bot check`` and the server run those)."""
    name = model_cls.FILE
    model, problems = _load_file(Path(directory) / name, model_cls)
    if problems or model is None:
        raise KnowledgeError([f"{_label(name)}: {loc}: {message}" for loc, message in problems])
    assert isinstance(model, model_cls)
    return model


def check_knowledge(directory: Path) -> tuple[list[str], list[str]]:
    """``(one summary line per file, every problem line)``; never raises for bad content."""
    _, summaries, errors = _load_all(Path(directory))
    return summaries, errors


def _label(name: str) -> str:
    return f"knowledge/{name}"


def _load_all(directory: Path) -> tuple[dict[str, BaseModel], list[str], list[str]]:
    from bot.domain.knowledge.registry import FILES, cross_file_problems

    problems: dict[str, list[Located]] = {}
    models: dict[str, BaseModel] = {}
    for name, file in FILES.items():
        model, problems[name] = _load_file(directory / name, file.model)
        if model is not None:
            models[name] = model
    for name, loc, message in cross_file_problems(models):
        problems[name].append((dotted(loc), message))
    expected = ", ".join(sorted(FILES))
    for path in sorted(directory.glob("*.y*ml")) if directory.is_dir() else []:
        if path.name not in FILES and not path.name.startswith(".") and path.is_file():
            problems[path.name] = [
                ("(file)", f"unknown knowledge file; expected one of: {expected}")
            ]

    summaries: list[str] = []
    errors: list[str] = []
    for name, found in problems.items():
        if found:
            models.pop(name, None)
            count = f"{len(found)} problem" + ("" if len(found) == 1 else "s")
            summaries.append(f"{_label(name)}: invalid: {count}")
            errors.extend(f"{_label(name)}: {loc}: {message}" for loc, message in found)
        else:
            summary = getattr(models[name], "summary", None)
            summaries.append(
                f"{_label(name)}: ok" + (f": {summary()}" if callable(summary) else "")
            )
    return models, summaries, errors


def _load_file(path: Path, model_cls: type[BaseModel]) -> tuple[BaseModel | None, list[Located]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [("(file)", "file not found")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [("(file)", f"cannot read: {type(exc).__name__}")]
    try:
        data, problems = parse_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        return None, [(where, str(exc.problem or exc.context or "invalid YAML"))]
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        return None, [("(file)", "invalid YAML: " + " ".join(str(exc).split()))]
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        return None, [*problems, ("(root)", f"expected a mapping of keys, got {got}")]
    try:
        model = model_cls.model_validate(data)
    except ValidationError as exc:
        return None, problems + list(_pydantic_problems(exc, data, model_cls))
    return (None if problems else model), problems


# -- YAML -------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe loader where only true/false (any case) are booleans."""


# libyaml parses ~13x faster (start-up); a file it rejects is parsed again by _Loader, whose
# error messages and line numbers the problem reports use.
_FastLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        pass


_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
if _FastLoader is not None:
    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse_yaml(text: str) -> tuple[Any, list[Located]]:
    """Parse one YAML document; also return its duplicate-key problems.

    Raises ``yaml.MarkedYAMLError`` for syntax errors (with line and column).
    """
    if _FastLoader is not None:
        try:
            return _parse_with(_FastLoader, text)
        except yaml.YAMLError:
            pass  # parsed again below, for the exact message
    return _parse_with(_Loader, text)


def _parse_with(loader_class: type, text: str) -> tuple[Any, list[Located]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        problems = list(_duplicate_keys(node, (), set()))
        return loader.construct_document(node), problems
    finally:
        loader.dispose()


def _duplicate_keys(node: yaml.Node, path: Loc, seen: set[int]) -> Iterator[Located]:
    if id(node) in seen:  # anchors may make the node graph recursive
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            line = key_node.start_mark.line + 1
            if key in first_line:
                yield (
                    dotted((*path, key)),
                    f"duplicate key: first on line {first_line[key]}, again on line {line}",
                )
            else:
                first_line[key] = line
            yield from _duplicate_keys(value_node, (*path, key), seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, (*path, index), seen)


# -- pydantic errors ---------------------------------------------------------------


def _pydantic_problems(
    exc: ValidationError, data: Any, model_cls: type[BaseModel]
) -> Iterator[Located]:
    for error in exc.errors():
        loc = _visible(error["loc"], data)
        raised = error.get("ctx", {}).get("error")
        if isinstance(raised, Problems):
            for sub, message in raised.problems:
                yield dotted((*loc, *sub)), message
        elif error["type"] == "extra_forbidden":
            allowed = _fields_at(model_cls, error["loc"][:-1])
            yield dotted(loc), "unknown key" + (f"; allowed: {allowed}" if allowed else "")
        elif error["type"] == "missing":
            yield dotted(loc), "required key is missing"
        else:
            message = (
                error["msg"].removeprefix("Value error, ").replace("valid tuple", "valid list")
            )
            yield dotted(loc), message + _got(error.get("input"), error["type"])


def _got(value: Any, error_type: str) -> str:
    """`` (got 'two')`` for the offending value, or its kind when it is not a scalar."""
    if error_type.startswith("union_tag"):
        return ""  # the message already names the tag
    if isinstance(value, str | int | float | bool) or value is None:
        shown = repr(value)
        return f" (got {shown if len(shown) <= 60 else shown[:57] + '...'})"
    kinds: dict[type, str] = {dict: "a mapping", list: "a list"}
    kind = kinds.get(type(value), type(value).__name__)
    return f" (got {kind})"


def _visible(loc: Loc, data: Any) -> Loc:
    """Drop the union tags pydantic puts in locations (``nodes.x.question.no``)."""
    shown: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part not in current and part in current.values():
            continue  # a discriminator value, not a key
        shown.append(part)
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            current = None
    return tuple(shown)


def _fields_at(model_cls: type[BaseModel], loc: Loc) -> str:
    """The keys the model at ``loc`` accepts, comma-separated; "" if unknown."""
    annotation: Any = model_cls
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            annotation = field.annotation if field else None
        elif get_origin(annotation) in (tuple, list):
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        elif get_origin(annotation) in (Union, UnionType):
            annotation = next((m for m in get_args(annotation) if _tagged(m, part)), None)
        else:
            return ""
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ", ".join(annotation.model_fields)
    return ""


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _tagged(member: Any, tag: str | int) -> bool:
    """Is ``member`` the union member whose literal field has the value ``tag``?"""
    if not (isinstance(member, type) and issubclass(member, BaseModel)):
        return False
    return any(
        get_origin(f.annotation) is Literal and tag in get_args(f.annotation)
        for f in member.model_fields.values()
    )
