"""Agent and workflow methods for FakeSlack's workspace: suggested prompts in the Messages
tab (``assistant.threads.setSuggestedPrompts``) and custom workflow steps
(``functions.completeSuccess`` / ``functions.completeError``), with Slack's argument checks.
Not thread-safe by itself: FakeSlack calls it under its lock."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

MAX_PROMPTS = 4


@dataclass
class Execution:
    """A workflow step run the fake announced (``function_executed``) and its outcome."""

    id: str
    outputs: dict[str, Any] | None = None
    error: str | None = None

    @property
    def done(self) -> bool:
        return self.outputs is not None or self.error is not None


@dataclass
class Platform:
    prompts: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # channel -> prompts
    executions: dict[str, Execution] = field(default_factory=dict)

    def set_suggested_prompts(self, args: dict) -> dict:
        channel = args.get("channel_id")
        prompts = args.get("prompts")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        if not isinstance(prompts, list) or not prompts or len(prompts) > MAX_PROMPTS:
            return {"ok": False, "error": "invalid_arguments"}
        for prompt in prompts:
            if not isinstance(prompt, dict) or not all(
                isinstance(prompt.get(k), str) and prompt[k].strip() for k in ("title", "message")
            ):
                return {"ok": False, "error": "invalid_arguments"}
        self.prompts[str(channel)] = prompts
        return {"ok": True}

    def announce(self, execution_id: str) -> Execution:
        """A step run the app must finish (the fake's side of ``function_executed``)."""
        self.executions[execution_id] = Execution(execution_id)
        return self.executions[execution_id]

    def _open(self, args: dict) -> Execution | dict:
        found = self.executions.get(str(args.get("function_execution_id") or ""))
        if found is None:
            return {"ok": False, "error": "function_execution_not_found"}
        if found.done:
            return {"ok": False, "error": "function_execution_already_completed"}
        return found

    def complete_success(self, args: dict) -> dict:
        found = self._open(args)
        if isinstance(found, dict):
            return found
        outputs = args.get("outputs")
        if isinstance(outputs, str):
            try:
                outputs = json.loads(outputs)
            except ValueError:
                outputs = None
        if not isinstance(outputs, dict):
            return {"ok": False, "error": "invalid_arguments"}
        found.outputs = outputs
        return {"ok": True}

    def complete_error(self, args: dict) -> dict:
        found = self._open(args)
        if isinstance(found, dict):
            return found
        error = args.get("error")
        if not isinstance(error, str) or not error.strip():
            return {"ok": False, "error": "invalid_arguments"}
        found.error = error
        return {"ok": True}
