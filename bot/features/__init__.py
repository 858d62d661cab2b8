"""Features: one module (or package) per feature, each owning its store access, its start
function and its click handling. With ``bot/listeners/`` (which only adapts Slack payloads
and calls these) this is the edge: the only code that knows both Slack and Redis.
"""
