#!/usr/bin/env bash
# Runs npm scripts at the same time: lint, type check and the production build each use about one
# core, so two cores finish them together in about the time of the longest. Each script's output
# is printed whole once it has ended, in the order given (never interleaved); fails when one of
# them failed, after all have ended.
set -uo pipefail

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

declare -A pids
for script in "$@"; do
  npm run "$script" >"$logs/$script" 2>&1 &
  pids[$script]=$!
done

failed=()
for script in "$@"; do
  wait "${pids[$script]}" || failed+=("$script")
  cat "$logs/$script"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "Échec : npm run ${failed[*]}" >&2
  exit 1
fi
