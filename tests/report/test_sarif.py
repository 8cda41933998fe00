"""The SARIF report: schema-valid, what GitHub code scanning needs, stable fingerprints."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from srclint import __version__
from srclint.model import FileReport, Finding, Run, Span
from srclint.report import renderer
from srclint.report.sarif import artifact_uri, document, help_uri
from srclint.rules import RULES

MakeFinding = Callable[..., Finding]

SCHEMA_PATH = Path(__file__).parents[2] / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # This copy of the schema keeps the log's own definition in definitions/Root and has no
    # top-level constraint: validating against the bare file would accept anything.
    assert "properties" not in schema
    schema["$ref"] = "#/definitions/Root"
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def rendered(run: Run) -> dict[str, Any]:
    out = io.StringIO()
    renderer("sarif").render(run, out)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def test_valid_against_the_schema(sample_run: Run, empty_run: Run, validator: Any) -> None:
    for run in (sample_run, empty_run, Run(reports=())):
        errors = sorted(validator.iter_errors(rendered(run)), key=str)
        assert errors == []


def test_schema_rejects_a_broken_log(validator: Any) -> None:
    """The schema really checks something: a result without a message is invalid."""
    log = document(Run(reports=()))
    log["runs"][0]["results"] = [{"ruleId": "Q002"}]
    assert list(validator.iter_errors(log))


def test_driver_describes_every_rule() -> None:
    driver = document(Run(reports=()))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "srclint"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    for descriptor, rule in zip(driver["rules"], RULES.values(), strict=True):
        assert descriptor["name"] == rule.NAME
        assert descriptor["shortDescription"]["text"] == rule.SUMMARY
        assert descriptor["fullDescription"]["text"]
        assert "Passes" in descriptor["help"]["text"] and "Fails" in descriptor["help"]["text"]
        assert "```markdown" in descriptor["help"]["markdown"]
        assert descriptor["helpUri"] == help_uri(rule)
        assert descriptor["defaultConfiguration"]["level"] in {"error", "warning", "note"}


def test_help_uri_anchor_scheme() -> None:
    assert help_uri(RULES["Q002"]) == "https://github.com/srclint/srclint#q002-quote-altered"


def test_levels_map_to_sarif_levels() -> None:
    rules = {r["id"]: r for r in document(Run(reports=()))["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["Q002"]["defaultConfiguration"]["level"] == "error"
    assert rules["L002"]["defaultConfiguration"]["level"] == "warning"
    assert rules["Q005"]["defaultConfiguration"]["level"] == "note"


def test_result_fields(sample_run: Run) -> None:
    run = rendered(sample_run)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    first = run["results"][0]
    assert first["ruleId"] == "Q002"
    assert rules[first["ruleIndex"]]["id"] == "Q002"
    assert first["level"] == "error"
    assert first["message"]["text"].startswith("quote differs from source")
    assert (
        "draft:  … shortest program that does mod arithmetic [isn't] generalizing"
        in first["message"]["text"]
    )
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "essay.md"
    assert location["region"] == {"startLine": 12, "startColumn": 3, "endLine": 13, "endColumn": 40}
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note", "error"]


def test_unreadable_file_is_a_notification(sample_run: Run) -> None:
    invocation = rendered(sample_run)["runs"][0]["invocations"][0]
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"] == "missing.md: cannot read: no such file"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("essay.md", "essay.md"),
        ("./docs/essay.md", "docs/essay.md"),
        ("docs\\essay.md", "docs/essay.md"),
        ("notes/a b.md", "notes/a%20b.md"),
        ("notes/100%.md", "notes/100%25.md"),
        ("notes/é.md", "notes/%C3%A9.md"),
    ],
)
def test_artifact_uri_is_relative_with_forward_slashes(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_absolute_path_under_cwd_becomes_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "docs" / "essay.md")) == "docs/essay.md"


def fingerprints(findings: list[Finding]) -> list[str]:
    run = Run(reports=(FileReport(path="essay.md", findings=tuple(findings)),))
    return [
        r["partialFingerprints"]["primaryLocationLineHash"]
        for r in document(run)["runs"][0]["results"]
    ]


def shifted(finding: Finding, lines: int) -> Finding:
    span = finding.span
    return dataclasses.replace(
        finding, span=Span(span.line + lines, span.column, span.end_line + lines, span.end_column)
    )


def test_fingerprints_survive_lines_inserted_above(finding: MakeFinding) -> None:
    before = [
        finding(
            "Q002",
            10,
            url="https://a.example/post",
            evidence={"closest": "the map is the territory"},
        ),
        finding("L001", 14, url="https://b.example/gone", message="dead link: HTTP 404"),
        finding(
            "Q005",
            20,
            message="quote has no source link; it is in https://a.example (cited at line 10)",
        ),
        finding("Q005", 25, message="quote has no source link"),
        finding("Q005", 30, message="quote has no source link"),
    ]
    after = [shifted(before[0], 3), shifted(before[1], 3)]
    # The citation named in Q005's message moved too.
    after.append(
        dataclasses.replace(
            shifted(before[2], 3),
            message="quote has no source link; it is in https://a.example (cited at line 13)",
        )
    )
    after += [shifted(before[3], 3), shifted(before[4], 3)]
    assert fingerprints(before) == fingerprints(after)


def test_fingerprints_differ_by_rule_url_quote_and_file(finding: MakeFinding) -> None:
    base = finding("Q002", 1, url="https://a.example", evidence={"closest": "text"})
    variants = [
        base,
        dataclasses.replace(base, code="Q001"),
        dataclasses.replace(base, url="https://b.example"),
        dataclasses.replace(base, evidence={"closest": "other text"}),
        dataclasses.replace(base, path="other.md"),
    ]
    hashes = [fingerprints([v])[0] for v in variants]
    assert len(set(hashes)) == len(hashes)


def test_same_finding_twice_gets_numbered_fingerprints(finding: MakeFinding) -> None:
    twice = [
        finding("L001", 3, url="https://a.example"),
        finding("L001", 9, url="https://a.example"),
    ]
    first, second = fingerprints(twice)
    assert first.split(":")[0] == second.split(":")[0]
    assert (first.split(":")[1], second.split(":")[1]) == ("1", "2")


def test_fingerprint_ignores_a_volatile_network_message(finding: MakeFinding) -> None:
    a = finding("L002", 3, url="https://a.example", message="could not check link: timeout")
    b = dataclasses.replace(a, message="could not check link: HTTP 503")
    assert fingerprints([a]) == fingerprints([b])


def test_region_is_never_invalid(finding: MakeFinding) -> None:
    odd = dataclasses.replace(finding("L001"), span=Span(0, 0, 0, 0))
    run = Run(reports=(FileReport(path="essay.md", findings=(odd,)),))
    region = document(run)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}


def test_unicode_message_is_kept(finding: MakeFinding) -> None:
    run = Run(
        reports=(
            FileReport(path="essay.md", findings=(finding("Q002", message="“curly” — dash"),)),
        )
    )
    out = io.StringIO()
    renderer("sarif").render(run, out)
    assert "“curly” — dash" in out.getvalue()
