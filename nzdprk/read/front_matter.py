"""YAML front matter, loaded safely: no object built from a tag, no alias bomb, no nesting deep
enough to crash the C loader; every refusal is a message with its line."""

from __future__ import annotations

import json
from typing import Any

import yaml

#: Front matter is a few fields: deeper nesting, or more values than this once YAML aliases
#: (``*name``) are expanded, is refused (a "billion laughs" or a self-referencing value).
_MAX_DEPTH = 32
_MAX_VALUES = 10_000
#: ... and more text than twice the front matter's own size (at least this many bytes) once
#: aliases are expanded is refused too: a small file that names one long string thousands of
#: times would otherwise fill gigabytes of output.
_MIN_BYTES = 65_536


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader (no tag can build a Python object or run code), except that
    timestamps stay text: the reader checks dates itself and says what is wrong with them."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_scalar)


def _yaml_error(exc: yaml.YAMLError, block: str) -> tuple[str, int | None]:
    """What is wrong, and the line of the file where it is (the block starts on line 2)."""
    mark = getattr(exc, "problem_mark", None)
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is not None and block[mark.index : mark.index + 1] == "\t":
        return "a tab character; YAML is indented with spaces", mark.line + 2
    if context:
        reason = f"{reason} {context}"
    if context_mark is not None and "end of stream" in reason:
        mark = context_mark  # an unclosed quote or bracket: where it was opened
    return reason, mark.line + 2 if mark is not None else None


class _TooLarge(ValueError):
    """Front matter nested too deeply, or too large once its aliases are expanded."""


def _load_yaml(block: str) -> Any:
    import frontmatter

    _check_nesting(block)
    meta = frontmatter.YAMLHandler().load(block, Loader=_Loader)
    _check_size(meta, max(_MIN_BYTES, 2 * len(block.encode("utf-8"))))
    return meta


_OPENS = (
    yaml.FlowSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.BlockMappingStartToken,
)
_CLOSES = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


def _too_deep(line: int) -> _TooLarge:
    return _TooLarge(
        f"front matter is nested more than {_MAX_DEPTH} levels deep; write its fields out plainly",
        line + 2,
    )


def _check_flow_nesting(block: str) -> None:
    """Count ``[`` and ``{`` outside quotes and comments in the text itself, so that the
    message is ours whatever limit (or none) a PyYAML release puts on nesting."""
    depth = 0
    for number, line in enumerate(block.split("\n")):
        quote = None
        for i, char in enumerate(line):
            before = line[i - 1] if i else " "
            if quote:
                if char == quote and (quote == "'" or before != "\\"):
                    quote = None
            elif char in "\"'" and before in " \t[{,:":
                quote = char
            elif char == "#" and before in " \t":
                break
            elif char in "[{":
                depth += 1
                if depth > _MAX_DEPTH:
                    raise _too_deep(number)
            elif char in "]}":
                depth = max(depth - 1, 0)


def _check_nesting(block: str) -> None:
    """Refuse deep nesting before it is loaded: the C loader recurses once per level and
    crashes the interpreter (no exception) at some ten thousand levels."""
    _check_flow_nesting(block)
    loader = _Loader(block)
    depth = 0
    try:
        while (token := loader.get_token()) is not None:
            if isinstance(token, _OPENS):
                depth += 1
                if depth > _MAX_DEPTH:
                    raise _too_deep(token.start_mark.line)
            elif isinstance(token, _CLOSES):
                depth -= 1
    finally:
        loader.dispose()


def _check_size(meta: Any, max_bytes: int) -> None:
    """Refuse front matter whose aliases expand it beyond `_MAX_VALUES` values (or forever),
    or beyond ``max_bytes`` bytes of text (one long string referred to many times)."""
    stack = [meta]
    count = size = 0
    while stack:
        value = stack.pop()
        count += 1
        if count > _MAX_VALUES:
            raise _TooLarge(
                f"front matter has more than {_MAX_VALUES} values once its YAML aliases (*name) "
                "are expanded, or refers to itself; write its fields out plainly",
                2,
            )
        if isinstance(value, str):
            size += len(value.encode("utf-8", "surrogatepass"))
            if size > max_bytes:
                raise _TooLarge(
                    f"front matter holds more than {max_bytes:,} bytes of text once its YAML "
                    "aliases (*name) are expanded; write its fields out plainly",
                    2,
                )
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set | frozenset):
            stack.extend(value)


def front_matter_json(meta: dict[str, Any]) -> str | None:
    """Lossless, deterministic JSON of the front matter (dates as ISO strings; keys that YAML
    reads as numbers, booleans or null, such as ``1:`` or ``yes:``, as text)."""
    if not meta:
        return None
    return json.dumps(_jsonable(meta), ensure_ascii=False, sort_keys=True, default=str)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k if isinstance(k, str) else str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=str)
    return value
