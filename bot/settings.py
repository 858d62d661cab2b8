"""One ``Settings`` object read from the environment.

Each field is read from the environment variable of the same name in capitals
(``REDIS_URL`` -> ``redis_url``; names are matched case-insensitively) and validated by
pydantic, as pydantic-settings would; that package is not used because its import alone
costs every command about 50 ms of start-up, and the app needs none of its other sources.

Every value is optional here so that ``demo`` and ``check`` run with nothing set;
commands that need a value call :meth:`Settings.require`, which names the
variable when it is missing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SLACK_API_DEFAULT = "https://slack.com/api/"
# The bot scopes in manifest.yaml (oauth_config.scopes.bot); tests keep the two in step.
SLACK_SCOPES_DEFAULT = "app_mentions:read,assistant:write,chat:write,commands,files:write,im:history,im:write"


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_scopes: str = SLACK_SCOPES_DEFAULT
    slack_redirect_uri: str | None = None
    oauth_state_ttl_seconds: int = Field(default=600, ge=60, le=3600)
    event_dedupe_ttl_seconds: int = Field(default=3600, ge=60, le=86_400)
    listener_threads: int = Field(default=64, ge=1, le=512)
    slack_api_url: str = SLACK_API_DEFAULT
    redis_url: str | None = None
    redis_mode: Literal["standalone", "cluster", "sentinel"] = "standalone"
    redis_sentinel_master: str | None = None
    redis_prefix: str = "tradeoffs"
    port: int = Field(default=3000, ge=1, le=65535)
    log_level: str = "INFO"
    state_ttl_seconds: int = Field(default=86_400, ge=60, le=90 * 86_400)
    prep_ttl_seconds: int = Field(default=14 * 86_400, ge=60, le=365 * 86_400)
    state_dir: Path = Path(".tradeoffs")
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    # Spend (POST /usage, GET /budget/<feature>): the bearer token in single-workspace mode,
    # the body limit, how long a record id is remembered for idempotency
    usage_token: SecretStr | None = None
    usage_max_body_bytes: int = Field(default=1_048_576, ge=1024, le=64 * 1_048_576)
    usage_id_ttl_seconds: int = Field(default=7 * 86_400, ge=3600, le=90 * 86_400)

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        value = value.upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("redis://", "rediss://", "unix://", "redis+sentinel://")):
            raise ValueError("must look like redis://host:6379/0")
        return value

    @field_validator("redis_prefix")
    @classmethod
    def _redis_prefix(cls, value: str) -> str:
        if not value or any(c in value for c in "{}*?[]\\ "):
            raise ValueError("must be a plain name such as tradeoffs (no braces, spaces or globs)")
        return value

    @model_validator(mode="after")
    def _redis_mode(self) -> Settings:
        """REDIS_MODE and REDIS_URL agree (ConfigError names what is missing)."""
        sentinel_url = (self.redis_url or "").startswith("redis+sentinel://")
        if self.redis_mode == "standalone" and sentinel_url:
            raise ConfigError("REDIS_MODE", "must be sentinel for a redis+sentinel:// REDIS_URL")
        if self.redis_mode != "standalone" and not self.redis_url:
            raise ConfigError("REDIS_URL", f"is not set (REDIS_MODE={self.redis_mode} needs it)")
        if self.redis_mode == "sentinel" and not self.redis_sentinel_master:
            raise ConfigError("REDIS_SENTINEL_MASTER", "is not set (the sentinels' service name)")
        return self

    @field_validator("slack_scopes")
    @classmethod
    def _scopes(cls, value: str) -> str:
        scopes = [s.strip() for s in value.split(",") if s.strip()]
        if not scopes or any(" " in s for s in scopes):
            raise ValueError("must be comma-separated scopes such as chat:write,commands")
        return ",".join(scopes)

    @property
    def oauth_enabled(self) -> bool:
        """SLACK_CLIENT_ID and SLACK_CLIENT_SECRET switch on the multi-workspace install flow."""
        return bool(self.slack_client_id and self.slack_client_secret)

    def secret(self, name: str) -> str:
        """The plain value of a required secret setting (ConfigError if unset)."""
        self.require(name)
        value = getattr(self, name)
        return value.get_secret_value() if isinstance(value, SecretStr) else str(value)

    def require(self, *names: str) -> None:
        """Raise ConfigError naming the first of ``names`` that is unset."""
        for name in names:
            if not getattr(self, name):
                raise ConfigError(name.upper(), "is not set")


def from_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The values ``environ`` sets for Settings' fields, by field name."""
    fields = Settings.model_fields
    return {name: value for key, value in environ.items() if (name := key.lower()) in fields}


def load_settings(**overrides: Any) -> Settings:
    """Read the environment (``overrides`` win); a malformed value becomes a ConfigError
    naming it."""
    try:
        return Settings(**{**from_environment(os.environ), **overrides})
    except ValidationError as exc:
        first = exc.errors()[0]
        variable = str(first["loc"][0]).upper() if first["loc"] else "ENVIRONMENT"
        raise ConfigError(variable, first["msg"]) from None
