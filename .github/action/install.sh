#!/usr/bin/env bash
# Install srclint into a virtual environment of its own and put it on PATH for the
# steps after this one: from the action's checkout, or from PyPI when INPUT_VERSION
# names a version. Inputs come as environment variables, never spliced into the script.
set -euo pipefail

venv="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/srclint-venv"
python="${SRCLINT_PYTHON:-python3}"
command -v "$python" >/dev/null 2>&1 || python=python

if [ -n "${INPUT_VERSION:-}" ]; then
  spec="srclint==${INPUT_VERSION#v}"
else
  spec="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
fi

"$python" -m venv "$venv"
bin="$venv/bin"
[ -d "$bin" ] || bin="$venv/Scripts"  # Windows runners
"$bin/python" -m pip install --quiet --disable-pip-version-check "$spec"
echo "$bin" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
"$bin/srclint" --version
