"""Jinja filters for the theme in overrides/ (no content logic here)."""

from __future__ import annotations

from werkplaats.material_guard import replace_once


def on_env(env, config, files):
    # `replace_once`: a change to Material's rendered HTML that stops the
    # build when its anchor is no longer there exactly once.
    env.filters["replace_once"] = replace_once
    return env
