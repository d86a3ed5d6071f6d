#!/usr/bin/env bash
# Plays a whole game of Name That Artist's jar against the stand-in Discord (fake_discord.py).
# Usage: ./run-game.sh [path/to/name-that-artist.jar]   (default: built from /work/main in a temp clone)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
jar="${1:-}"
cleanup() {
  [[ -n "${bot:-}" ]] && kill "$bot" 2>/dev/null && wait "$bot" 2>/dev/null || true
  [[ -n "${fake:-}" ]] && kill "$fake" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "$jar" ]]; then
  echo "building the jar from a clone of /work/main (skipping the tests)…"
  git clone -q "$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || echo /work/main)" "$work/src"
  (cd "$work/src" && ./mvnw -B -q -DskipTests package)
  jar="$work/src/target/name-that-artist.jar"
fi

python3 "$here/fake_discord.py" --port-file "$work/port" --timeout 180 > "$work/fake.log" 2>&1 &
fake=$!
for _ in $(seq 1 50); do [[ -s "$work/port" ]] && break; sleep 0.1; done
port="$(cat "$work/port")"

mkdir -p "$work/run"
(cd "$work/run" && exec java -jar "$jar" \
  --discord.token=stand.in.token \
  --discord.rest-url="http://127.0.0.1:$port/api/v10/" \
  --storage.data-dir="$work/run/data" \
  --server.port=0 --management.server.port=0 \
  --artwork.source=demo \
  --game.limits.rounds=1..50 --game.limits.round-time=3s..60s --game.round-time=4s \
  --game.limits.between-round-time=1s..60s --game.between-round-time=1s --game.start-delay=0s \
  > "$work/bot.log" 2>&1) &
bot=$!

status=0
wait "$fake" || status=$?
fake=""
cat "$work/fake.log"
echo "--- the bot's log (warnings and errors) ---"
grep -E " (WARN|ERROR) " "$work/bot.log" | cut -c1-240 || echo "(none)"
exit "$status"
