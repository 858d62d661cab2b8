"""The one error /llmcost raises for bad input: it names the offending token, says what
is wrong and gives an example that works."""

from __future__ import annotations

from bot.errors import TradeoffsError
from bot.texts import llmcost as texts

TOKEN_LIMIT = 60  # characters of the user's token echoed back
_COMPOSED = frozenset({"hint", "closest", "source"})  # built from texts, not typed by the user


def clip(text: str, limit: int = TOKEN_LIMIT) -> str:
    """The user's text made safe to echo in a code span: no backticks or newlines, short."""
    flat = " ".join(text.replace("`", "'").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class CostInputError(TradeoffsError):
    """Bad /llmcost input.

    ``code`` keys ``bot.texts.llmcost.ERRORS`` (stable; tests match on it), ``token`` is the
    offending part of the input as typed (clipped), ``problem`` the sentence saying what is
    wrong, ``example`` a command that works.
    """

    def __init__(self, code: str, token: str, *, example: str = texts.EXAMPLE, **params: object):
        self.code = code
        self.token = clip(token)
        self.params = {
            k: clip(v) if isinstance(v, str) and k not in _COMPOSED else v
            for k, v in params.items()
        }
        self.problem = texts.ERRORS[code].format(**self.params)
        self.example = example
        super().__init__(self.user_text())

    def user_text(self) -> str:
        """The whole message for the user: token, problem, working example."""
        return texts.ERROR_LINE.format(token=self.token, problem=self.problem, example=self.example)
