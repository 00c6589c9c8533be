#!/usr/bin/env bash
# CPU the agent's threads spend per exported span (issue 11, target 3), measured with thread CPU
# time so that a busy machine does not change it much (see ExportCpu): perf-agent with the span-load
# config, to the local OTLP/HTTP receiver and to the JSON-lines file.
#
#   bash bench/export-cpu.sh [--spans N] [--rate R] [--jfr] [--dest otlp|file] [--jar PATH] [--out DIR] [-- extra JVM options]
#
# --dest measures one destination only; --jar another build of perf-agent.jar (to alternate runs of
# two builds in one session); --out the directory of the results, emptied first (default
# bench/target/export-cpu; bench/run.sh reads <dest>.out and <dest>.err there).
# --jfr also records a JFR profile of each run (<out>/<dest>.jfr) and prints the
# agent threads' hottest frames (ExportProfile). Needs agent/target/perf-agent.jar and the bench jars.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export LC_ALL=C
SPANS=400000
RATE=20000
JFR=0
DESTS="otlp file"
PERF_JAR="$ROOT/agent/target/perf-agent.jar"
OUT="$ROOT/bench/target/export-cpu"
EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --spans) SPANS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --dest) DESTS=$2; shift 2 ;;
    --jar) PERF_JAR=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "bench/export-cpu.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
SMALL_APP_JAR=$(ls "$ROOT"/bench/target/bench-*-small-app.jar | head -1)
rm -rf "$OUT" && mkdir -p "$OUT"

java -cp "$BENCH_JAR" dev.perfagent.bench.Receiver --port 0 --port-file "$OUT/receiver.port" >"$OUT/receiver.log" 2>&1 &
RECV_PID=$!
trap 'kill "$RECV_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [[ -s $OUT/receiver.port ]] && break; sleep 0.1; done
RECV_URL="http://127.0.0.1:$(cat "$OUT/receiver.port")"

for dest in $DESTS; do
  ARGS=("-javaagent:$PERF_JAR=config=$ROOT/bench/config/span-load.yaml" -Dotel.metrics.exporter=none)
  if [[ $dest == otlp ]]; then
    ARGS+=("-Dotel.exporter.otlp.endpoint=$RECV_URL" -Dotel.exporter.otlp.protocol=http/protobuf)
    EXPORTED="otlp:$RECV_URL"
  else
    EXPORTED="file:$OUT/perf-agent-traces.jsonl"
  fi
  if [[ $JFR == 1 ]]; then
    ARGS+=("-XX:StartFlightRecording=filename=$OUT/$dest.jfr,settings=profile")
  fi
  (cd "$OUT" && java "${ARGS[@]}" "${EXTRA[@]}" -cp "$SMALL_APP_JAR" com.acme.bench.app.ExportCpu \
    --spans "$SPANS" --rate "$RATE" --exported "$EXPORTED") >"$OUT/$dest.out" 2>"$OUT/$dest.err"
  echo "== $dest"
  cat "$OUT/$dest.out"
  grep 'spans recorded' "$OUT/$dest.err" || echo "no exit summary"
  if [[ $JFR == 1 ]]; then
    java -cp "$BENCH_JAR" dev.perfagent.bench.ExportProfile "$OUT/$dest.jfr" 25
  fi
done
