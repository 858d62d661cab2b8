"""The shape of a signed Slack payload, checked before Bolt parses it (``bot/gate.py``).

Bolt's context builder and our listeners read fields such as ``body["actions"][0]``,
``body["view"]["state"]``, ``body["event"]["text"]`` without asking what type they are: a
signed body with ``"actions": null``, ``"view": null``, ``"event": "x"`` or ``"text": 5``
would end in a TypeError deep inside Bolt (a 500 and an ERROR traceback). Slack never sends
those; here each such field must have one of the types Slack does send, or the request is
refused with a 400. Fields not listed are not looked at; a field may always be absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

NONE = type(None)
Spec = dict[str, tuple[type, ...]]

_ID: Spec = {"id": (str, NONE)}
_TOP: Spec = {
    "type": (str,), "token": (str,), "api_app_id": (str,), "team_id": (str, NONE),
    "user_id": (str,), "channel_id": (str,), "enterprise_id": (str, NONE), "text": (str,),
    "command": (str,), "callback_id": (str,), "trigger_id": (str,), "response_url": (str,),
    "event_id": (str,), "team": (dict, NONE), "enterprise": (dict, NONE), "user": (dict,),
    "channel": (dict,), "container": (dict,), "message": (dict,), "view": (dict,),
    "state": (dict,), "event": (dict,), "actions": (list,), "authorizations": (list,),
    "response_urls": (list,), "is_enterprise_install": (bool, str), "function_data": (dict,),
    "bot_access_token": (str,), "action_ts": (str,), "challenge": (str,),
}  # fmt: skip
_EVENT: Spec = {
    "type": (str,), "subtype": (str,), "user": (str, dict), "channel": (str, dict),
    "text": (str,), "ts": (str,), "thread_ts": (str,), "event_ts": (str,), "bot_id": (str,),
    "channel_type": (str,), "tab": (str,), "team": (str,), "message": (dict,),
    "previous_message": (dict,), "blocks": (list,), "files": (list,), "view": (dict,),
    "assistant_thread": (dict,), "function_execution_id": (str,), "inputs": (dict,),
}  # fmt: skip
_ACTION: Spec = {
    "type": (str,), "action_id": (str,), "block_id": (str,), "value": (str,),
    "action_ts": (str,), "selected_option": (dict, NONE), "selected_options": (list,),
    "selected_user": (str, NONE), "selected_channel": (str, NONE),
    "selected_conversation": (str, NONE), "selected_date": (str, NONE),
}  # fmt: skip
_VIEW: Spec = {
    "id": (str,), "type": (str,), "callback_id": (str,), "private_metadata": (str,),
    "state": (dict,), "blocks": (list,), "hash": (str,), "root_view_id": (str, NONE),
    "previous_view_id": (str, NONE), "external_id": (str,), "team_id": (str, NONE),
    "app_id": (str, NONE), "bot_id": (str,), "title": (dict,),
}  # fmt: skip
_CONTAINER: Spec = {
    "type": (str,), "message_ts": (str, NONE), "channel_id": (str, NONE), "view_id": (str,),
    "thread_ts": (str, NONE), "is_ephemeral": (bool,),
}  # fmt: skip
_MESSAGE: Spec = {
    "ts": (str,), "text": (str,), "thread_ts": (str,), "blocks": (list,), "user": (str,),
    "bot_id": (str,), "metadata": (dict,),
}  # fmt: skip
_AUTHORIZATION: Spec = {
    "user_id": (str,), "team_id": (str, NONE), "enterprise_id": (str, NONE),
    "is_bot": (bool,), "is_enterprise_install": (bool,),
}  # fmt: skip
_NESTED: dict[str, Spec] = {
    "team": _ID, "enterprise": _ID, "user": _ID, "channel": _ID, "container": _CONTAINER,
    "message": _MESSAGE, "view": _VIEW, "event": _EVENT,
}  # fmt: skip
_ITEMS: dict[str, Spec | None] = {
    "actions": _ACTION,
    "authorizations": _AUTHORIZATION,
    "response_urls": None,
}


def _typename(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _check(node: dict, spec: Spec, where: str) -> str | None:
    for name, allowed in spec.items():
        if name in node and not isinstance(node[name], allowed):
            return f"{where}{name} is {_typename(node[name])}"
    return None


def _state_problem(state: Any, where: str) -> str | None:
    values = state.get("values", {}) if isinstance(state, dict) else {}
    if not isinstance(values, dict):
        return f"{where}.values is {_typename(values)}"
    for block in values.values():
        if not isinstance(block, dict) or not all(isinstance(v, dict) for v in block.values()):
            return f"{where}.values holds a non-object"
    return None


def _problems(body: dict) -> Iterator[str | None]:
    """Each check runs only once the ones before it passed (the types it relies on hold)."""
    yield _check(body, _TOP, "")
    for name, spec in _NESTED.items():
        if isinstance(body.get(name), dict):
            yield _check(body[name], spec, f"{name}.")
    for name, item_spec in _ITEMS.items():
        for item in body.get(name) or []:
            if not isinstance(item, dict):
                yield f"{name} holds a {_typename(item)}"
            elif item_spec is not None:
                yield _check(item, item_spec, f"{name}[].")
    yield _state_problem(body.get("state"), "state")
    if isinstance(body.get("view"), dict):
        yield _state_problem(body["view"].get("state"), "view.state")
    event = body.get("event")
    if isinstance(event, dict) and isinstance(event.get("message"), dict):
        yield _check(event["message"], _MESSAGE, "event.message.")


def shape_problem(body: Any) -> str | None:
    """What is wrong with a parsed payload's shape, in a few words (no values), or None."""
    if not isinstance(body, dict):
        return f"body is {_typename(body)}, not an object"
    return next((problem for problem in _problems(body) if problem), None)
