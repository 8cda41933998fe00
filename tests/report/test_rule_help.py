"""Every rule is documented the same way in `srclint explain`, `srclint rules` and SARIF help."""

from __future__ import annotations

import pytest

from srclint.cli import main
from srclint.report.sarif import help_uri, rule_descriptor
from srclint.rules import RULES, Rule


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_docstring_has_prose_and_both_examples(rule: Rule) -> None:
    doc = rule.__doc__ or ""
    assert doc.strip() and rule.SUMMARY
    assert "Passes::" in doc and "Fails::" in doc
    failing = doc.split("Fails::", 1)[1]
    assert f" {rule.CODE} " in failing, "the failing example shows the finding it produces"


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_explain_prints_the_sarif_help(rule: Rule, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", rule.NAME]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{rule.CODE} {rule.NAME} (default level: {rule.LEVEL})")
    assert rule_descriptor(rule)["help"]["text"] in out


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == list(RULES)


def test_help_uris_are_unique_readme_anchors() -> None:
    uris = [help_uri(rule) for rule in RULES.values()]
    assert len(set(uris)) == len(uris)
    for rule, uri in zip(RULES.values(), uris, strict=True):
        # GitHub's slug of the README heading "Q002 quote-altered".
        assert uri.endswith("#" + f"{rule.CODE} {rule.NAME}".lower().replace(" ", "-"))
