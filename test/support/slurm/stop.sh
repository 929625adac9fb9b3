#!/usr/bin/env bash
# Stops the daemons start.sh DIR started, by the process ids it recorded (DIR/pids and the pid
# files), waiting up to 10 s for each before a KILL. Safe to run twice.
set -uo pipefail
dir="${1:?usage: stop.sh DIR}"
pids=""
[ -f "$dir/pids" ] && pids="$(cat "$dir/pids")"
for f in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
  [ -s "$f" ] && pids="$pids $(cat "$f")"
done
for pid in $(echo "$pids" | tr ' ' '\n' | sort -u); do
  kill -TERM "$pid" 2>/dev/null || continue
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
done
exit 0
