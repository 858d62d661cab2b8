"""The one error /llmcost raises for bad input. Its words (the offending token, what is
wrong, an example that works) are built at the edge by ``bot.texts.errors.describe``."""

from __future__ import annotations

from typing import ClassVar

from bot.errors import CodedError


class CostInputError(CodedError):
    """Bad /llmcost input.

    ``code`` keys ``bot.texts.llmcost.ERRORS`` (stable; tests match on it), ``token`` is the
    offending part of the input as typed, ``option`` the argument it is about (its working
    example is shown), or ``example`` a whole command that works; ``params`` fill the words.
    """

    topic: ClassVar[str] = "llmcost"

    def __init__(
        self, code: str, token: str, *, option: str = "", example: str = "", **params: object
    ) -> None:
        super().__init__(code, token=token, option=option, example=example, **params)
        self.token = token
        self.option = option
        self.params = params
