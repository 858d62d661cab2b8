"""Change one value deep inside loaded YAML data, for tests of broken knowledge shapes."""

from __future__ import annotations

import copy
from typing import Any

DELETE = object()  # as a value: remove the key instead


def changed(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A deep copy of ``data`` with ``path`` set to ``value`` (or removed for DELETE)."""
    result = copy.deepcopy(data)
    target: Any = result
    for part in path[:-1]:
        target = target[part]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return result
