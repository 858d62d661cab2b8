"""`python -m bot estimate`: the /llmcost answer as plain text or JSON for scripts and CI
(exit 0), one plain error line on stderr with exit 1 for bad input, the usage on stderr
with exit 2 for a bad command line, and `estimate diff` for a per-PR cost diff."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bot.cli.estimate import run_estimate
from bot.errors import KnowledgeError
from bot.settings import PROJECT_ROOT, Settings
from bot.texts import llmcost as texts

REFERENCE = ["model=gpt-4o", "in=2000", "out=500", "qps=3"]


def estimate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "estimate", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
    )


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_estimate(list(argv), settings=Settings(knowledge_dir=PROJECT_ROOT / "knowledge"),
                        out=out, err=err)  # fmt: skip
    return code, out.getvalue(), err.getvalue()


def test_estimate_prints_the_answer() -> None:
    done = estimate(*REFERENCE)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    for line in [
        "Per call: $0.0100 = input $0.00500 + cached input $0.00 + output $0.00500",
        "Per month: $77,760.00    Per year: $933,120.00",
        "Break-even: 0.569 QPS (1,476,000 calls a month).",
        "Prices from genai-prices 0.2.3 (offline data)",
    ]:
        assert line in done.stdout
    assert "*" not in done.stdout
    assert "`" not in done.stdout


def test_no_arguments_is_usage_on_stderr_exit_2() -> None:
    done = estimate()
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("usage: python -m bot estimate")


@pytest.mark.parametrize(
    ("argv", "code", "in_out", "in_err"),
    [
        (REFERENCE, 0, "Per call: $0.0100", ""),
        (["help"], 0, "python -m bot estimate", ""),
        (["--help"], 0, "price_in=", ""),
        ([], 2, "", "usage:"),
        (["--bogus"], 2, "", "usage:"),
        (["diff", "model=gpt-4o in=2000 out=500 qps=3"], 2, "", "usage:"),
        (["model=gpt-4o", "in=2000", "out=500"], 1, "", "Try: model=gpt-4o in=2000 out=500 qps=3"),
        (["model=gpt-4x", "in=2000", "out=500", "qps=3"], 1, "", "Closest known: gpt-4,"),
        # the typo hint keeps every other argument the user gave
        (["model=gpt-4o", "in=2k", "out=500", "qsp=3"], 1, "", "Try: model=gpt-4o in=2k out=500 qps=3"),
        (["gpt-4o-mini", "3000", "in", "400", "out", "20", "qps"], 0, "LLM cost: gpt-4o-mini", ""),
    ],
)  # fmt: skip
def test_run_estimate(argv: list[str], code: int, in_out: str, in_err: str) -> None:
    got, out, err = run(*argv)
    assert got == code
    assert in_out in out
    assert in_err in err
    assert (out == "") is (code != 0)
    if code == 1:
        assert len(err.splitlines()) == 1
        assert "`" not in err
        assert "*" not in err


@pytest.mark.parametrize(
    ("args", "token"),
    [
        (["model=gpt-4o", "in=-5", "out=500", "qps=3"], "in=-5"),
        (["model=gpt-4x", "in=2000", "out=500", "qps=3"], "model=gpt-4x"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_1(args: list[str], token: str) -> None:
    done = estimate(*args)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"error: {token}: ")
    assert "Traceback" not in done.stderr


JSON_KEYS = {"per_call_usd", "per_month_usd", "verdict", "levers", "self_host"}
FLEET_KEYS = {"replacement", "gpus", "monthly_usd", "break_even_qps", "cheaper"}


def test_json_has_the_documented_keys() -> None:
    code, out, _ = run("--json", *REFERENCE)
    assert code == 0
    data = json.loads(out)
    assert set(data) >= JSON_KEYS
    assert set(data["self_host"]) >= FLEET_KEYS
    assert data["per_call_usd"] == 0.01
    assert data["per_month_usd"] == 77760.0
    assert data["verdict"] == "real_math"
    assert [lever["id"] for lever in data["levers"]] == [
        "cap_output", "prompt_caching", "model_routing", "prompt_compression", "batch_api",
        "self_host", "distill",
    ]  # fmt: skip
    assert all({"id", "low_usd", "high_usd"} <= set(lever) for lever in data["levers"])
    assert data["self_host"] | {"break_even_qps": None} == data["self_host"] | {
        "replacement": "Llama 3.3 70B", "gpus": 14, "monthly_usd": 39160.0, "cheaper": True,
        "break_even_qps": None,
    }  # fmt: skip


def test_diff_text_and_json() -> None:
    base = "model=gpt-4o in=2000 out=500 qps=3"
    head = "model=gpt-4o in=2500 out=500 qps=3"
    code, out, err = run("diff", base, head)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        texts.DIFF_HEAD,
        "Per call: $0.0100 -> $0.0113 (+$0.00125, +13%)",
        "Per month: $77,760.00 -> $87,480.00 (+$9,720.00, +13%)",
        "Verdict: Self-hosting deserves real math -> Self-hosting deserves real math",
    ]
    code, out, _ = run("diff", "--json", base, head)
    data = json.loads(out)
    assert code == 0
    assert data["per_month_usd_change"] == 9720.0
    assert data["per_call_usd_change"] == 0.00125
    assert data["per_month_pct_change"] == 12.5
    assert data["base"]["per_month_usd"] == 77760.0
    assert data["verdict_changed"] is False


def test_diff_names_the_side_with_bad_input() -> None:
    code, out, err = run("diff", "model=gpt-4o in=2000 out=500 qps=3", "model=gpt-4o in=-1")
    assert code == 1
    assert out == ""
    assert err.startswith("error: head: in=-1: ")


def test_python_m_bot_estimate_diff() -> None:
    done = estimate(
        "diff", "model=gpt-4o in=2000 out=500 qps=3", "model=gpt-4o-mini in=2000 out=500 qps=3"
    )
    assert done.returncode == 0, done.stderr
    assert "Per month: $77,760.00 -> " in done.stdout


IMPORTS = """
import sys
from bot.__main__ import main
main(["estimate", "model=gpt-4o", "in=2000", "out=500", "qps=3"])
print(" ".join(sorted(sys.modules)))
"""
KNOWLEDGE = "bot.domain.knowledge."


def test_an_estimate_imports_only_what_it_needs() -> None:
    """Start-up (issue 17): the command reads two knowledge files, so it imports those two
    models, not every model of knowledge/, and neither Bolt nor pydantic-settings."""
    done = subprocess.run([sys.executable, "-c", IMPORTS], capture_output=True, text=True,
                          timeout=60, cwd=PROJECT_ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.strip().splitlines()[-1].split())
    models = {m.removeprefix(KNOWLEDGE) for m in loaded if m.startswith(KNOWLEDGE)}
    assert models == {"base", "costs", "selfhost"}
    assert not {m.split(".")[0] for m in loaded} & {"slack_bolt", "pydantic_settings", "redis"}


def test_a_broken_cost_file_is_one_located_error(tmp_path) -> None:
    (tmp_path / "costs.yaml").write_text("source: [unclosed\n", encoding="utf-8")
    (tmp_path / "selfhost.yaml").write_text(
        (PROJECT_ROOT / "knowledge" / "selfhost.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(KnowledgeError) as raised:
        run_estimate(REFERENCE, settings=Settings(knowledge_dir=tmp_path), out=out, err=err)
    assert str(raised.value).splitlines()[1:] == [
        "knowledge/costs.yaml: line 2, column 1: expected ',' or ']', but got '<stream end>'"
    ]
