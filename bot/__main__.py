"""Command line: ``python -m bot {serve,socket,demo,check,estimate,decisions,migrate-keys}``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.errors import ConfigError, TradeoffsError
from bot.settings import Settings, load_settings

EXIT_CONFIG = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Tradeoffs: a Slack bot for AI build/buy decisions, LLM costs and interview prep.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser(
        "serve",
        help="production HTTP server on $PORT (gunicorn)",
        description="Serve /slack/events and GET /healthz on $PORT under gunicorn. "
        "Needs SLACK_SIGNING_SECRET, and SLACK_BOT_TOKEN for one workspace or "
        "SLACK_CLIENT_ID + SLACK_CLIENT_SECRET to install in many (/slack/install).",
    ).add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1))),
        help="gunicorn worker processes (default $WEB_CONCURRENCY, else 2 per CPU core)",
    )
    sub.add_parser(
        "socket",
        help="Socket Mode, for development behind a firewall",
        description="Connect to Slack over Socket Mode. Needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN.",
    )
    sub.add_parser(
        "demo",
        help="play the Slack client in this terminal (no Slack, no Redis needed)",
        description="Type /buildvsbuy, /llmcost or /rubric commands, DM lines, or @tradeoffs "
        "mentions; pick buttons by number. Works with piped stdin.",
    )
    sub.add_parser(
        "check",
        help="validate everything in knowledge/",
        description="Load and validate every knowledge file; exit 1 on any error.",
    )
    est = sub.add_parser(
        "estimate",
        help="print an /llmcost estimate as text or --json; `estimate diff BASE HEAD`",
        description="Same arguments as /llmcost, e.g. model=gpt-4o in=2000 out=500 qps=3. "
        "Exit status 0 with the estimate on stdout; 1 with one error line on stderr for bad "
        "input; 2 with the usage on stderr for no arguments.",
    )
    est.add_argument("args", nargs=argparse.REMAINDER, help="key=value arguments as for /llmcost")
    dec = sub.add_parser(
        "decisions",
        help="export (or delete) the decision records kept in Redis",
        description="export: every decision record as NNNN-topic-slug.md (adr-tools numbering) "
        "into --out, per workspace in DIR/<team>/ unless --team is given. "
        "delete: delete one record for good (--team and --number).",
    )
    dec.add_argument("action", choices=("export", "delete"))
    dec.add_argument("--out", type=Path, default=Path("."), help="folder to write (export)")
    dec.add_argument("--team", help="one workspace's team id")
    dec.add_argument("--number", type=int, help="the record's number (delete)")
    sub.add_parser(
        "migrate-keys",
        help="rename Redis keys written before the hash tags (after a rolling upgrade)",
        description="Scan REDIS_PREFIX for keys in the scheme before the workspace hash tags "
        "and rename them (TTLs kept). A server does this at its first start; run it once more "
        "when old-version processes ran beside new ones during a rolling deploy.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["estimate"]:  # its own command line: --json, diff, usage on stderr
        argv = ["estimate", "--", *argv[1:]] if len(argv) > 1 else argv
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        return _COMMANDS[args.command](settings, args)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except TradeoffsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runtime import build, configure_logging
    from bot.server import make_wsgi_app, run_gunicorn

    settings.require("slack_signing_secret")
    if settings.slack_client_id or settings.slack_client_secret:  # OAuth: many workspaces
        settings.require("slack_client_id", "slack_client_secret")
    else:
        settings.require("slack_bot_token")
    configure_logging(settings.log_level)
    app, store = build(settings)  # fail fast in the parent on bad knowledge or settings
    if settings.redis_url:  # built once, here: the workers inherit it (gunicorn's preload)
        wsgi = make_wsgi_app(app, store)
        run_gunicorn(lambda: wsgi, port=settings.port, workers=args.workers, preload=True)
        return 0

    def factory():  # an embedded Redis is not shared across a fork: each worker builds its own
        app, store = build(settings)
        return make_wsgi_app(app, store)

    run_gunicorn(factory, port=settings.port, workers=args.workers)
    return 0


def _socket(settings: Settings, args: argparse.Namespace) -> int:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.runtime import build, configure_logging

    settings.require("slack_app_token", "slack_bot_token")
    if not settings.slack_signing_secret:  # Socket Mode requests are not signed
        settings = load_settings(slack_signing_secret="unused-in-socket-mode")
    configure_logging(settings.log_level)
    app, _store = build(settings)
    SocketModeHandler(app, settings.secret("slack_app_token")).start()
    return 0


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from bot.devtools.demo import run_demo
    from bot.runtime import configure_logging

    configure_logging("WARNING" if settings.log_level == "INFO" else settings.log_level)
    return run_demo(sys.stdin, sys.stdout, settings=settings)


def _check(settings: Settings, args: argparse.Namespace) -> int:
    from bot.knowledge_loader import check_knowledge

    summaries, errors = check_knowledge(settings.knowledge_dir)
    for line in summaries:
        print(line)
    for line in errors:
        print(line, file=sys.stderr)
    return 1 if errors else 0


def _estimate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.cli.estimate import run_estimate

    rest = [a for a in args.args if a != "--"] if args.args[:1] == ["--"] else args.args
    return run_estimate(rest, settings=settings, out=sys.stdout, err=sys.stderr)


def _decisions(settings: Settings, args: argparse.Namespace) -> int:
    from bot.cli.decisions import run_decisions

    return run_decisions(
        args.action, settings=settings, out=sys.stdout, err=sys.stderr, out_dir=args.out,
        team=args.team, number=args.number,
    )  # fmt: skip


def _migrate_keys(settings: Settings, args: argparse.Namespace) -> int:
    from bot import key_migration
    from bot.state import open_store, redis_errors

    store = open_store(settings)
    with redis_errors(store.client):
        moved = key_migration.migrate(store.client, store.prefix, force=True)
    print(f"moved {moved} keys to their hash-tagged names")
    return 0


_COMMANDS = {
    "serve": _serve,
    "socket": _socket,
    "demo": _demo,
    "check": _check,
    "estimate": _estimate,
    "decisions": _decisions,
    "migrate-keys": _migrate_keys,
}

if __name__ == "__main__":
    sys.exit(main())
