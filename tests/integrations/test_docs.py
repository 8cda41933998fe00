"""The integration docs' snippets are valid and use only what the action and hook offer."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

from srclint.cli import FORMAT_NAMES

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "README.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_workflow_uses_only_declared_inputs() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    workflows = [y for y in map(yaml.safe_load, blocks("yaml")) if "jobs" in y]
    assert workflows
    for workflow in workflows:
        steps: list[dict[str, Any]] = workflow["jobs"]["srclint"]["steps"]
        ours = [s for s in steps if str(s.get("uses", "")).startswith("srclint/srclint@")]
        assert ours
        for step in ours:
            assert set(step.get("with", {})) <= set(action["inputs"])
        uses = [str(s.get("uses", "")) for s in steps]
        assert any(u.startswith("actions/cache@") for u in uses)


def test_pre_commit_snippet_names_the_hook() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"] for hook in hooks}
    configs = [y for y in map(yaml.safe_load, blocks("yaml")) if "repos" in y]
    assert configs
    for config in configs:
        for repo in config["repos"]:
            assert {hook["id"] for hook in repo["hooks"]} <= ids


def test_every_format_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in FORMAT_NAMES:
        assert f"| `{name}` |" in text
