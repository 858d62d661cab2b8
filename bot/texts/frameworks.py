"""The words around the framework answers (the content itself comes from the knowledge files)."""

from __future__ import annotations

ROLLOUT_TITLE = "Phased rollout"
ROLLOUT_INTRO = "Ship AI features in four phases; each ends on its exit criteria, not on a date."
PHASE = "*{number}. {name}* · _{duration}_\n*Goal:* {goal}\n*Exit criteria:* {exit_criteria}"
ANTI_PATTERN = ":no_entry: *Anti-pattern:* {text}"

TEAM_TITLE = "Team shapes and roles"
SHAPE = "*{name}* · _{headcount}_\n*When:* {when_to_use}\n*Trade-off:* {trade_off}"
TEAM_DEFAULTS = ":dart: {lines}"
ROLES_TITLE = "*Roles inside the team*"
ROLE = "• *{name}*: {owns}. _Hire when:_ {hire_when}"

PRIO_TITLE = "Prioritizing initiatives"
PRIO_DIMENSION = "• *{name}*: {question}"
PRIO_DEFAULT = ":dart: *Default:* {text}"
PRIO_START = (
    "Score your own: name two or more initiatives, e.g. "
    "`{at}prioritize search revamp; support bot; eval harness`"
)

CONTRACTS_TITLE = "Cross-functional contracts"
CONTRACTS_INTRO = "What the AI team owes each partner, and what it needs back."
CONTRACT = "*{partner}*\n*We owe:* {we_owe}\n*They owe:* {they_owe}"

DASHBOARD_TITLE = "Executive cost dashboard"
DASHBOARD_INTRO = "The panels to put in front of leadership, and why each matters."
PANEL = "• *{panel}*: {why_it_matters}"

GOVERNANCE_TITLE = "Governance practices"
PRACTICE = "• *{practice}*: {what_it_means}"

TEMPLATES_TITLE = "Answer templates"
TEMPLATES_INTRO = "Short, defensible answers to the questions leaders get asked most."
TEMPLATE = "*{topic}*\n{answer}"

LEVERS_TITLE = "The 8 cost levers"
LEVERS_INTRO = "Cheapest to try first; impact is the typical cut to the bill."
LEVER = "*{number}. {name}* · _{effort}_ · *{impact}*\n{notes}"
LEVER_LINE = "{number}. {name}: {impact}"
IMPACT_RANGE = "{low}-{high}%"
IMPACT_UP_TO = "up to {high}%"
LEVERS_TRY = "Which apply to your workload? `{at}cost model=gpt-4o in=2000 out=500 qps=3`"
