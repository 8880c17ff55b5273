#!/usr/bin/env bash
# Runs the tests that reach the app's clock (pytest -m clock) at awkward times and in far zones,
# so that none can depend on the time of day, the date or the time zone (issue 14):
#   America/Adak (UTC-10, DST)   at 03:00 local, on the morning its clocks sprang forward
#   Pacific/Kiritimati (UTC+14)  at 23:30 on 31 December (another day and year in UTC)
# Uses Debian's faketime (scripts/system-deps.sh test installs it). FAKETIME_DONT_FAKE_MONOTONIC
# stays unset: with it, time.sleep never returns under libfaketime.
#   scripts/time-matrix.sh [pytest arguments]     (make test passes its PYTEST_ARGS)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
if ! command -v faketime >/dev/null 2>&1; then
  echo "time-matrix: faketime is missing (apt-get install faketime)" >&2
  exit 1
fi
runs=("America/Adak|2026-03-08 03:00:00" "Pacific/Kiritimati|2026-12-31 23:30:00")
for run in "${runs[@]}"; do
  zone=${run%%|*}
  moment=${run#*|}
  echo "time-matrix: TZ=$zone, clock at $moment"
  rc=0
  TZ=$zone QT_QPA_PLATFORM=offscreen faketime -f "@$moment" "$PY" -m pytest -q -m clock "$@" || rc=$?
  if [ "$rc" -eq 5 ]; then
    echo "time-matrix: none of the selected tests reaches the clock; nothing to run"
  elif [ "$rc" -ne 0 ]; then
    echo "time-matrix: tests failed with TZ=$zone at $moment" >&2
    exit "$rc"
  fi
done
