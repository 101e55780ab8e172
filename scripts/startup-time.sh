#!/usr/bin/env bash
# Times the desktop app's start: from the process start to the window on screen, as the app logs
# it ("Window shown N ms after the process started"). Needs a display (DISPLAY, e.g. Xvfb).
#   scripts/startup-time.sh [RUNS] [COMMAND...]     default: 5 runs of ./shoplens app
# Each run uses a fresh empty workspace and is stopped once the window is shown.
set -euo pipefail
runs="${1:-5}"; shift || true
cmd=("$@"); [[ ${#cmd[@]} -eq 0 ]] && cmd=("$(dirname "$0")/../shoplens" app)
for ((i = 1; i <= runs; i++)); do
  ws="$(mktemp -d)"
  SHOPLENS_WORKSPACE="$ws" "${cmd[@]}" --workspace "$ws" >/dev/null 2>&1 &
  pid=$!
  for ((t = 0; t < 600; t++)); do
    sleep 0.1
    line="$(grep -h "Window shown" "$ws"/logs/shoplens-*.log 2>/dev/null || true)"
    [[ -n "$line" ]] && break
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  echo "run $i: ${line:-no window within 60 s} (load $(cut -d' ' -f1 /proc/loadavg))"
  rm -rf "$ws"
done
