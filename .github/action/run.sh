#!/usr/bin/env bash
# Run `srclint check --format github`: annotations on stdout, the whole report appended
# to $GITHUB_STEP_SUMMARY (the github format does that), and a SARIF file when
# INPUT_SARIF is set. srclint's exit code is the step's, and is also an output.
set -uo pipefail
shopt -s globstar

# Paths: split on whitespace and glob-expanded; args: split on whitespace only.
set -f
read -r -d '' -a args <<< "${INPUT_ARGS:-}" || true
set +f
# shellcheck disable=SC2206  # word splitting and globbing are wanted here
paths=( ${INPUT_PATHS:-.} )
[ "${#paths[@]}" -gt 0 ] || paths=(.)

command=(srclint check --format github ${args[@]+"${args[@]}"})
if [ -n "${INPUT_SARIF:-}" ]; then
  command+=(--also-output "sarif=$INPUT_SARIF")
fi
command+=(-- "${paths[@]}")

echo "${command[*]}" >&2
"${command[@]}"
status=$?

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
  if [ -n "${INPUT_SARIF:-}" ] && [ -f "$INPUT_SARIF" ]; then
    echo "sarif=$INPUT_SARIF" >> "$GITHUB_OUTPUT"
  fi
fi
exit "$status"
