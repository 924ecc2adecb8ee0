"""The base for records read from the TOML files Small Steps ships (learning content,
help lines): strict, so a typo in a file fails its test instead of showing a blank."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Shipped(BaseModel):
    # Strings are trimmed and must not be empty; unknown keys are typos, so they fail.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              str_min_length=1)
