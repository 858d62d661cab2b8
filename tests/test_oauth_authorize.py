"""InstallationAuthorize: one Redis read per workspace per FRESH_AUTH_SECONDS, no Web API
call, the last known installation through a Redis outage, and nothing after forget()."""

from __future__ import annotations

import pytest
from slack_bolt import BoltContext
from slack_sdk.oauth.installation_store import Bot

from bot.errors import StateUnavailable
from bot.oauth import InstallationAuthorize


class FakeInstalls:
    def __init__(self) -> None:
        self.bots: dict[tuple, Bot] = {}
        self.calls: list[tuple] = []
        self.down = False

    def find_bot(self, *, enterprise_id, team_id, is_enterprise_install=False):
        where = (enterprise_id, None if is_enterprise_install else team_id)
        self.calls.append(where)
        if self.down:
            raise StateUnavailable("down")
        return self.bots.get(where)


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def setup():
    installs, clock = FakeInstalls(), Clock()
    installs.bots[(None, "T1")] = Bot(team_id="T1", bot_token="xoxb-1", bot_id="B1",
                                      bot_user_id="UB1", bot_scopes="chat:write",
                                      installed_at=1.0)  # fmt: skip
    authorize = InstallationAuthorize(installs, fresh_seconds=30, stale_seconds=3600, clock=clock)
    return authorize, installs, clock


def ask(authorize, team="T1", enterprise=None, org=False):
    context = BoltContext({"is_enterprise_install": org})
    return authorize(context=context, enterprise_id=enterprise, team_id=team, user_id="U1")


def test_result_comes_from_the_saved_bot(setup) -> None:
    authorize, _installs, _clock = setup
    result = ask(authorize)
    assert (result.bot_token, result.bot_id, result.bot_user_id, result.team_id) == (
        "xoxb-1", "B1", "UB1", "T1",
    )  # fmt: skip


@pytest.mark.parametrize(("elapsed", "reads"), [(0, 1), (29, 1), (31, 2)])
def test_one_read_per_fresh_period(setup, elapsed, reads) -> None:
    authorize, installs, clock = setup
    ask(authorize)
    clock.now += elapsed
    assert ask(authorize).bot_token == "xoxb-1"
    assert len(installs.calls) == reads


@pytest.mark.parametrize(
    ("seen_before", "elapsed", "outcome"),
    [(True, 60, "xoxb-1"), (True, 3599, "xoxb-1"), (True, 3700, "unavailable"),
     (False, 60, "unavailable")],
)  # fmt: skip
def test_redis_down_uses_the_last_known_installation(setup, seen_before, elapsed, outcome):
    authorize, installs, clock = setup
    if seen_before:
        ask(authorize)
    clock.now += elapsed
    installs.down = True
    if outcome == "unavailable":
        with pytest.raises(StateUnavailable):
            ask(authorize)
    else:
        assert ask(authorize).bot_token == outcome


def test_forget_and_uninstalled_bots(setup) -> None:
    authorize, installs, _clock = setup
    ask(authorize)
    authorize.forget(enterprise_id=None, team_id="T1")
    del installs.bots[(None, "T1")]
    assert ask(authorize) is None
    assert len(installs.calls) == 2
    installs.down = True
    with pytest.raises(StateUnavailable):  # nothing known: no stale answer either
        ask(authorize)


def test_workspaces_and_orgs_are_kept_apart(setup) -> None:
    authorize, installs, _clock = setup
    installs.bots[("E1", None)] = Bot(enterprise_id="E1", bot_token="xoxb-org", bot_id="B2",
                                      bot_user_id="UB2", is_enterprise_install=True,
                                      installed_at=1.0)  # fmt: skip
    assert ask(authorize, team="T1").bot_token == "xoxb-1"
    assert ask(authorize, team="T9", enterprise="E1", org=True).bot_token == "xoxb-org"
    assert ask(authorize, team="T8", enterprise="E1", org=True).bot_token == "xoxb-org"
    assert ask(authorize, team="T2") is None
    assert installs.calls == [(None, "T1"), ("E1", None), (None, "T2")]
