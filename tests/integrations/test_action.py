"""The GitHub Action: its run step executed as the runner would, with a simulated GITHUB_* env.

The install step is not run (srclint is already importable here); the run step is
``.github/action/run.sh`` exactly as ``action.yml`` calls it.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped]

from srclint import __version__

REPO = Path(__file__).resolve().parents[2]

RUN_STEP = REPO / ".github" / "action" / "run.sh"


def run_action(
    workspace: Path, env: dict[str, str], *, paths: str = ".", args: str = "", sarif: str = ""
) -> tuple[int, str, str, dict[str, str], str]:
    """Run the action's check step; return (exit code, stdout, stderr, outputs, summary)."""
    runner = workspace.parent / "runner"
    runner.mkdir(exist_ok=True)
    summary = runner / "step_summary.md"
    output = runner / "output.txt"
    summary.write_text("", encoding="utf-8")
    output.write_text("", encoding="utf-8")
    env = {
        **env,
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_ACTION_PATH": str(REPO),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_PATH": str(runner / "path.txt"),
        "RUNNER_TEMP": str(runner),
        "INPUT_PATHS": paths,
        "INPUT_ARGS": args,
        "INPUT_SARIF": sarif,
    }
    done = subprocess.run(
        ["bash", str(RUN_STEP)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    outputs = dict(
        line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if line
    )
    return done.returncode, done.stdout, done.stderr, outputs, summary.read_text(encoding="utf-8")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "workspace"
    (root / "drafts").mkdir(parents=True)
    return root


def test_action_yml_declares_the_inputs_and_runs_the_step_scripts() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert set(action["inputs"]) == {"paths", "args", "sarif", "version"}
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    scripts = [step["run"] for step in steps]
    assert scripts == [
        'bash "$GITHUB_ACTION_PATH/.github/action/install.sh"',
        'bash "$GITHUB_ACTION_PATH/.github/action/run.sh"',
    ]
    for step in steps:
        assert step["shell"] == "bash"
        # Inputs reach the scripts as environment variables, never spliced into the script.
        assert "${{" not in step["run"]
    assert steps[1]["env"] == {
        "INPUT_PATHS": "${{ inputs.paths }}",
        "INPUT_ARGS": "${{ inputs.args }}",
        "INPUT_SARIF": "${{ inputs.sarif }}",
    }
    assert steps[0]["env"] == {"INPUT_VERSION": "${{ inputs.version }}"}
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.check.outputs.exit-code }}"


def test_usage_error_exit_code_passes_through(
    workspace: Path, srclint_on_path: dict[str, str]
) -> None:
    code, _, stderr, outputs, _ = run_action(workspace, srclint_on_path, args="--no-such-option")
    assert code == 2
    assert outputs["exit-code"] == "2"
    assert "no-such-option" in stderr


def test_command_line_echoed_with_paths_after_double_dash(
    workspace: Path, srclint_on_path: dict[str, str]
) -> None:
    _, _, stderr, _, _ = run_action(
        workspace, srclint_on_path, paths="drafts\nother", args="--also-output bad"
    )
    assert "srclint check --format github --also-output bad -- drafts other" in stderr


@pytest.mark.usefixtures("pipeline")
def test_clean_draft(workspace: Path, srclint_on_path: dict[str, str], source_server: str) -> None:
    (workspace / "drafts" / "good.md").write_text(
        f"# A good draft\n\nSee [here]({source_server}/post) for more.\n", encoding="utf-8"
    )
    code, stdout, stderr, outputs, summary = run_action(
        workspace, srclint_on_path, paths="drafts", args="--allow-private --no-cache"
    )
    assert code == 0, stdout + stderr
    assert outputs["exit-code"] == "0"
    assert "::error" not in stdout
    assert stdout.splitlines()[-1].startswith("No problems in 1 file")
    assert summary.startswith("## srclint\n")


@pytest.mark.usefixtures("pipeline")
def test_failing_draft_annotations_summary_and_sarif(
    workspace: Path, srclint_on_path: dict[str, str], source_server: str
) -> None:
    (workspace / "drafts" / "good.md").write_text("# Fine\n\nNothing to check.\n", encoding="utf-8")
    (workspace / "drafts" / "bad.md").write_text(
        f"# A bad draft\n\nText.\n\nThis [page]({source_server}/gone) is gone.\n", encoding="utf-8"
    )
    code, stdout, stderr, outputs, summary = run_action(
        workspace,
        srclint_on_path,
        paths="drafts/**/*.md",
        args="--allow-private --no-cache",
        sarif="results/srclint.sarif",
    )
    assert code == 1, stdout + stderr
    assert outputs == {"exit-code": "1", "sarif": "results/srclint.sarif"}
    errors = [line for line in stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1
    assert errors[0].startswith("::error file=drafts/bad.md,line=5,col=")
    assert ",title=L001 dead-link::" in errors[0]
    assert "| drafts/bad.md | 5 | 🔴 L001 dead-link |" in summary
    sarif = json.loads((workspace / "results" / "srclint.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "L001"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/bad.md"
    assert location["region"]["startLine"] == 5


@pytest.mark.usefixtures("pipeline")
def test_strict_args_make_warnings_fail(workspace: Path, srclint_on_path: dict[str, str]) -> None:
    (workspace / "drafts" / "d.md").write_text("# Only prose\n", encoding="utf-8")
    code, _, _, outputs, _ = run_action(workspace, srclint_on_path, args="--strict --no-fetch")
    assert code == 0 and outputs["exit-code"] == "0"


@pytest.mark.usefixtures("pipeline")
def test_install_step_then_run_step(
    checkout_repo: tuple[Path, str],
    workspace: Path,
    srclint_on_path: dict[str, str],
    tmp_path: Path,
) -> None:
    """The whole action: install.sh from a copy of this checkout, then run.sh with its PATH."""
    action_path, _ = checkout_repo
    runner = tmp_path / "install-runner"
    runner.mkdir()
    env = {
        **srclint_on_path,
        "GITHUB_ACTION_PATH": str(action_path),
        "RUNNER_TEMP": str(runner),
        "GITHUB_PATH": str(runner / "path.txt"),
        "INPUT_VERSION": "",
    }
    installed = subprocess.run(
        ["bash", str(action_path / ".github" / "action" / "install.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout.strip().endswith("srclint, version " + __version__)
    (bin_dir,) = (runner / "path.txt").read_text(encoding="utf-8").split()
    assert Path(bin_dir, "srclint").exists()
    (workspace / "drafts" / "d.md").write_text(
        '# Draft\n\n> "an unsourced blockquote of several words"\n', encoding="utf-8"
    )
    # Only the installed srclint is on PATH now, as on a runner after the install step.
    env = {**srclint_on_path, "PATH": f"{bin_dir}:/usr/bin:/bin", "PYTHONPATH": ""}
    code, stdout, stderr, outputs, summary = run_action(workspace, env, args="--no-fetch")
    assert code == 0, stdout + stderr
    assert outputs["exit-code"] == "0"
    assert "::notice file=drafts/d.md,line=3," in stdout
    assert ",title=Q005 quote-unsourced::" in stdout
    assert "## srclint" in summary
