#!/usr/bin/env bash
# perf-agent benchmarks: no agent vs perf-agent vs the OpenTelemetry Java agent vs the Elastic APM
# agent, all on this machine in one go, printed as one markdown table (see docs/performance.md).
#
#   bash bench/run.sh --quick     # ~30 minutes on 2 cores: short JMH iterations, 1 fork, 3 runs per figure
#   bash bench/run.sh --full      # longer: 3 forks, longer iterations, 7 runs, more export rates
#
# Options: --skip-build (use the jars already built); --only LIST runs only these sections (comma-
# separated: jmh, process, startup, export, export-cpu, throughput; the table shows only their rows).
# Environment: OTEL_AGENT_VERSION, ELASTIC_AGENT_VERSION (the agents fetched from Maven Central).
# Raw results: bench/target/results/ (table.md is the table printed at the end).
# Only loopback (127.0.0.1) is used: a local receiver stands in for the collector / APM server.
set -euo pipefail

MODE=quick
SKIP_BUILD=0
ONLY=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) MODE=quick ;;
    --full) MODE=full ;;
    --skip-build) SKIP_BUILD=1 ;;
    --only) [[ $# -ge 2 ]] || { echo "bench/run.sh: --only needs a list of sections" >&2; exit 2; }
            ONLY=$2; shift ;;
    --only=*) ONLY=${1#--only=} ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option '$1' (use --quick, --full, --skip-build, --only LIST)" >&2; exit 2 ;;
  esac
  shift
done
ALL_SECTIONS=jmh,process,startup,export,export-cpu,throughput
SECTIONS=${ONLY:-$ALL_SECTIONS}
for s in ${SECTIONS//,/ }; do
  [[ ,$ALL_SECTIONS, == *,$s,* ]] || { echo "bench/run.sh: unknown section '$s' (sections: $ALL_SECTIONS)" >&2; exit 2; }
done
want() { [[ ,$SECTIONS, == *,$1,* ]]; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export LC_ALL=C

OTEL_VERSION=${OTEL_AGENT_VERSION:-2.33.1}
ELASTIC_VERSION=${ELASTIC_AGENT_VERSION:-1.55.1}
TARGET="$ROOT/bench/target"
RESULTS="$TARGET/results"
AGENTS_DIR="$TARGET/agents"
PERF_JAR="$ROOT/agent/target/perf-agent.jar"
OTEL_JAR="$AGENTS_DIR/opentelemetry-javaagent-$OTEL_VERSION.jar"
ELASTIC_JAR="$AGENTS_DIR/elastic-apm-agent-$ELASTIC_VERSION.jar"
BENCH_JAR="$TARGET/benchmarks.jar"
TEST_APP_JAR="$ROOT/test-app/target/test-app.jar"
TEST_APP_CONFIG="$ROOT/test-app/perf-agent.yaml"
AGENTS=(none perf otel elastic)

if [[ $MODE == quick ]]; then
  JMH_OPTS=(-f 1 -wi 4 -w 1s -i 3 -r 1s)
  RUNS=3
  STARTUP_RUNS=5
  THROUGHPUT_RUNS=3
  PACED_RATES=(50000 100000 150000 200000 300000 400000)
  PACED_SECONDS=4
  FLOOD_SECONDS=4
  THROUGHPUT_AGENTS=(none perf perf-file perf-nowhere)
else
  JMH_OPTS=(-f 3 -wi 5 -w 2s -i 5 -r 2s)
  RUNS=7
  STARTUP_RUNS=7
  THROUGHPUT_RUNS=5
  PACED_RATES=(25000 50000 75000 100000 150000 200000 300000 400000 600000 800000)
  PACED_SECONDS=15
  FLOOD_SECONDS=15
  THROUGHPUT_AGENTS=(none perf perf-file perf-nowhere otel elastic)
fi
SMALL_APP_CALLS=1000
# the test-app calls the real LLM SDKs over local HTTP: 20 conversations are its start-up and exit
# plus a little work (~6 s, ~12 s of CPU without an agent). Throughput: 8,000 CPU-bound ones take
# ~45 s without an agent, and their second half (the figure) ~22 s; with 1,000 the second half was
# ~5 s in which the JIT still took most of the CPU, so it measured warm-up, not the steady state
TEST_APP_ARGS=(--latency-scale 0 --conversations 20)
THROUGHPUT_ARGS=(--latency-scale 0 --conversations 8000 --concurrency 2)
FLOOD_WORK=4000

STARTED=$(date +%s)
log() { printf '[bench %4ss] %s\n' "$(( $(date +%s) - STARTED ))" "$*" >&2; }
die() { printf 'bench/run.sh: error: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------ tools
command -v java >/dev/null || die "java not found (JDK 17+ needed)"
command -v mvn >/dev/null || die "mvn not found (Maven needed to build and to fetch the agents)"
if [[ ! -x /usr/bin/time ]]; then
  log "installing GNU time (apt-get)"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null \
      || die "could not install the 'time' package"
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null \
      || die "could not install the 'time' package"
  else
    die "/usr/bin/time missing: install the 'time' package"
  fi
fi

# ------------------------------------------------------------------ build
if [[ $SKIP_BUILD -eq 0 ]]; then
  log "building (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package || die "the build failed"
  if ! grep -q '<module>bench</module>' pom.xml; then
    mvn -B -q -f bench/pom.xml package || die "the bench module did not build"
  fi
fi
SMALL_APP_JAR=$(ls "$TARGET"/bench-*-small-app.jar 2>/dev/null | head -1 || true)
for f in "$PERF_JAR" "$BENCH_JAR" "$TEST_APP_JAR" "$TEST_APP_CONFIG" "${SMALL_APP_JAR:-$TARGET/bench-*-small-app.jar}"; do
  [[ -f $f ]] || die "missing $f (build with: mvn -B -q -DskipTests package; run without --skip-build)"
done

# ------------------------------------------------------------------ the other agents
mkdir -p "$AGENTS_DIR"
fetch() { # groupId artifactId version file
  if [[ ! -s $4 ]]; then
    log "fetching $1:$2:$3 from Maven Central"
    mvn -B -q dependency:copy -Dartifact="$1:$2:$3" -DoutputDirectory="$AGENTS_DIR" -Dmdep.overWriteIfNewer=true \
      || die "could not fetch $1:$2:$3"
  fi
  [[ -s $4 ]] || die "missing $4 after fetching $1:$2:$3"
}
fetch io.opentelemetry.javaagent opentelemetry-javaagent "$OTEL_VERSION" "$OTEL_JAR"
fetch co.elastic.apm elastic-apm-agent "$ELASTIC_VERSION" "$ELASTIC_JAR"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"/{jmh,proc/small-app,proc/test-app,proc/startup,export,throughput,work}

# ------------------------------------------------------------------ the local receiver
RECV_PID=""
CHILD=""
cleanup() {
  if [[ -n $CHILD ]] && kill -0 "$CHILD" 2>/dev/null; then
    kill -- "-$CHILD" 2>/dev/null || kill "$CHILD" 2>/dev/null || true
  fi
  if [[ -n $RECV_PID ]] && kill -0 "$RECV_PID" 2>/dev/null; then
    kill "$RECV_PID" 2>/dev/null || true
    wait "$RECV_PID" 2>/dev/null || true
  fi
}

# run_in DIR CMD... : runs CMD in DIR as its own process group and waits for it, so that an
# interrupt reaches the trap at once and the trap can stop CMD with all its children
run_in() {
  local dir=$1
  shift
  setsid -w bash -c 'cd "$1" && shift && exec "$@"' run_in "$dir" "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -Dsun.net.httpserver.nodelay=true -cp "$BENCH_JAR" dev.perfagent.bench.Receiver \
  --port 0 --port-file "$RESULTS/receiver.port" >"$RESULTS/receiver.log" 2>&1 &
RECV_PID=$!
for _ in $(seq 1 100); do
  [[ -s $RESULTS/receiver.port ]] && break
  kill -0 "$RECV_PID" 2>/dev/null || die "the receiver did not start: $(cat "$RESULTS/receiver.log")"
  sleep 0.1
done
[[ -s $RESULTS/receiver.port ]] || die "the receiver did not report its port"
PORT=$(cat "$RESULTS/receiver.port")
RECV_URL="http://127.0.0.1:$PORT"
log "receiver on $RECV_URL (pid $RECV_PID)"

recv_get() { # path -> body
  if command -v curl >/dev/null; then
    curl -sf "$RECV_URL$1"
  else
    exec 3<>"/dev/tcp/127.0.0.1/$PORT"
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$1" >&3
    sed '1,/^\r$/d' <&3
    exec 3<&-
  fi
}
recv_reset() { recv_get /reset >/dev/null; }

# ------------------------------------------------------------------ method lists for the other agents
# derived from the perf-agent configs, so that every agent traces the same methods
methods() { # yaml jar key
  java -cp "$BENCH_JAR" dev.perfagent.bench.MethodList "$1" "$2" 2>>"$RESULTS/methods.log" | sed -n "s/^$3=//p"
}
JMH_OTEL=$(methods bench/config/jmh.yaml "$BENCH_JAR" otel)
JMH_ELASTIC=$(methods bench/config/jmh.yaml "$BENCH_JAR" elastic)
SMALL_OTEL=$(methods bench/config/small-app.yaml "$SMALL_APP_JAR" otel)
SMALL_ELASTIC=$(methods bench/config/small-app.yaml "$SMALL_APP_JAR" elastic)
LOAD_OTEL=$(methods bench/config/span-load.yaml "$SMALL_APP_JAR" otel)
LOAD_ELASTIC=$(methods bench/config/span-load.yaml "$SMALL_APP_JAR" elastic)
APP_OTEL=$(methods "$TEST_APP_CONFIG" "$TEST_APP_JAR" otel)
APP_ELASTIC=$(methods "$TEST_APP_CONFIG" "$TEST_APP_JAR" elastic)
for v in JMH_OTEL JMH_ELASTIC SMALL_OTEL SMALL_ELASTIC LOAD_OTEL LOAD_ELASTIC APP_OTEL APP_ELASTIC; do
  [[ -n ${!v} ]] || die "no method list for $v: $(cat "$RESULTS/methods.log")"
  printf '%s=%s\n' "$v" "${!v}" >>"$RESULTS/methods.txt"
done

# agent_args AGENT EXPORT PERF_CONFIG OTEL_METHODS ELASTIC_METHODS APP_PACKAGES -> ARGS (array)
# EXPORT: none = export nowhere; recv = export to the local receiver; config = where the config
# (or, without one, the agent's default) says: perf-agent's embedded default is ./perf-agent-traces.jsonl
# An empty PERF_CONFIG attaches perf-agent with no config argument, empty method lists the other
# agents with no methods of their own to trace: their defaults.
agent_args() {
  local agent=$1 export=$2 config=$3 otel_methods=$4 elastic_methods=$5 packages=$6
  ARGS=()
  case $agent in
    none) return 0 ;;
    perf) ARGS+=("-javaagent:$PERF_JAR${config:+=config=$config}") ;;
    otel) ARGS+=("-javaagent:$OTEL_JAR" ${otel_methods:+"-Dotel.instrumentation.methods.include=$otel_methods"}
                 "-Dotel.service.name=bench" "-Dotel.logs.exporter=none") ;;
    elastic) ARGS+=("-javaagent:$ELASTIC_JAR" ${elastic_methods:+"-Delastic.apm.trace_methods=$elastic_methods"}
                    ${packages:+"-Delastic.apm.application_packages=$packages"} "-Delastic.apm.service_name=bench"
                    "-Delastic.apm.central_config=false" "-Delastic.apm.cloud_provider=none"
                    "-Delastic.apm.metrics_interval=0s" "-Delastic.apm.log_level=WARN") ;;
  esac
  case $agent:$export in
    perf:none|otel:none) ARGS+=("-Dotel.traces.exporter=none" "-Dotel.metrics.exporter=none") ;;
    elastic:none) ARGS+=("-Delastic.apm.disable_send=true") ;;
    perf:recv|otel:recv) ARGS+=("-Dotel.exporter.otlp.endpoint=$RECV_URL" "-Dotel.exporter.otlp.protocol=http/protobuf") ;;
    elastic:recv) ARGS+=("-Delastic.apm.server_url=$RECV_URL") ;;
  esac
}

# measure OUT_PREFIX CMD... : wall (ns), CPU and peak RSS of one process, run in $RESULTS/work
measure() {
  local out=$1
  shift
  local start end
  start=$(date +%s%N)
  run_in "$RESULTS/work" /usr/bin/time -f 'user_s=%U\nsys_s=%S\nmaxrss_kb=%M\nexit=%x' -o "$out.time" "$@" \
    >"$out.out" 2>"$out.err" || true
  end=$(date +%s%N)
  echo "wall_ns=$((end - start))" >>"$out.time"
  echo "end_epoch_ms=$((end / 1000000))" >>"$out.time"
}

# ------------------------------------------------------------------ meta
{
  echo "mode=$MODE"
  echo "sections=$SECTIONS"
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "jdk=$(java -version 2>&1 | sed -n 2p)"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "otel_version=$OTEL_VERSION"
  echo "elastic_version=$ELASTIC_VERSION"
  echo "jmh_opts=${JMH_OPTS[*]}"
  echo "runs=$RUNS"
  echo "startup_runs=$STARTUP_RUNS"
  echo "throughput_runs=$THROUGHPUT_RUNS"
  echo "small_app_calls=$SMALL_APP_CALLS"
  echo "test_app_args=${TEST_APP_ARGS[*]}"
  echo "throughput_args=${THROUGHPUT_ARGS[*]}"
  echo "flood_desc=1 thread, ~5 µs of work per call, ${FLOOD_SECONDS} s, as fast as it can"
} >"$RESULTS/meta.txt"
{
  echo "perf=$(stat -c %s "$PERF_JAR")"
  echo "otel=$(stat -c %s "$OTEL_JAR")"
  echo "elastic=$(stat -c %s "$ELASTIC_JAR")"
} >"$RESULTS/sizes.txt"

# ------------------------------------------------------------------ 1. cost per call (JMH)
ALL_BENCH='CallCost\.'
AGENT_BENCH='CallCost\.(baseline|span0|span2|span5|nested3|aggregate|aggregateInSpan|belowMinDuration|asyncSpan|executorHop|frozenText|presetChat|presetChatContent)$'
jmh() { # name regex agent export
  local name=$1 regex=$2 agent=$3 export=$4
  agent_args "$agent" "$export" "$ROOT/bench/config/jmh.yaml" "$JMH_OTEL" "$JMH_ELASTIC" com.acme.bench
  local extra=()
  [[ ${#ARGS[@]} -gt 0 ]] && extra=(-jvmArgsAppend "${ARGS[*]}")
  log "JMH: $name"
  run_in "$RESULTS/work" java -jar "$BENCH_JAR" "$regex" "${JMH_OPTS[@]}" -prof gc -rf csv \
    -rff "$RESULTS/jmh/$name.csv" "${extra[@]}" >"$RESULTS/jmh/$name.log" 2>&1 \
    || die "JMH run '$name' failed, see $RESULTS/jmh/$name.log"
}
if want jmh; then
  jmh none "$ALL_BENCH" none none
  for a in perf otel elastic; do
    jmh "$a" "$AGENT_BENCH" "$a" none
  done
  for a in perf otel elastic; do
    recv_reset
    jmh "$a-otlp" 'CallCost\.span2$' "$a" recv
    recv_get /stats >"$RESULTS/jmh/$a-otlp.recv"
  done
fi

# ------------------------------------------------------------------ 2. whole process
if want process; then
  log "whole-process runs: small app and test-app, $RUNS runs each per agent"
  for i in $(seq 1 "$RUNS"); do
    for a in "${AGENTS[@]}"; do
      agent_args "$a" recv "$ROOT/bench/config/small-app.yaml" "$SMALL_OTEL" "$SMALL_ELASTIC" com.acme.bench.app
      recv_reset
      measure "$RESULTS/proc/small-app/$a-$i" java "${ARGS[@]}" -jar "$SMALL_APP_JAR" "$SMALL_APP_CALLS"
      recv_get /stats >"$RESULTS/proc/small-app/$a-$i.recv"
      agent_args "$a" recv "$TEST_APP_CONFIG" "$APP_OTEL" "$APP_ELASTIC" com.acme.returns
      recv_reset
      measure "$RESULTS/proc/test-app/$a-$i" java "${ARGS[@]}" -jar "$TEST_APP_JAR" "${TEST_APP_ARGS[@]}"
      recv_get /stats >"$RESULTS/proc/test-app/$a-$i.recv"
    done
  done
fi

# ------------------------------------------------------------------ 3. start-up with no config
# issue 11 target 1: the small app under perf-agent with no config file and no LLM library (no
# ./perf-agent.yaml, no config argument, no PERF_AGENT_CONFIG), the other agents with their
# defaults (no methods of ours to trace), exporting to the receiver; agents alternated run by run
if want startup; then
  [[ ! -e $RESULTS/work/perf-agent.yaml ]] || die "$RESULTS/work/perf-agent.yaml exists: the no-config runs would read it"
  log "start-up with no config: small app, $STARTUP_RUNS runs per agent"
  for i in $(seq 1 "$STARTUP_RUNS"); do
    for a in "${AGENTS[@]}"; do
      if [[ $a == perf ]]; then
        agent_args perf config "" "" "" ""
      else
        agent_args "$a" recv "" "" "" ""
      fi
      recv_reset
      measure "$RESULTS/proc/startup/$a-$i" env -u PERF_AGENT_CONFIG java "${ARGS[@]}" -jar "$SMALL_APP_JAR" "$SMALL_APP_CALLS"
      recv_get /stats >"$RESULTS/proc/startup/$a-$i.recv"
    done
  done
fi

# ------------------------------------------------------------------ 4. export throughput
if want export; then
  log "export: receiver ceiling"
  recv_reset
  java -cp "$BENCH_JAR" dev.perfagent.bench.ReceiverCheck "$PORT" 2 >"$RESULTS/export/receiver-check.out" 2>&1 \
    || die "receiver check failed: $(cat "$RESULTS/export/receiver-check.out")"
  for rate in "${PACED_RATES[@]}"; do
    log "export: perf-agent paced at $rate spans/s"
    recv_reset
    agent_args perf recv "$ROOT/bench/config/span-load.yaml" "$LOAD_OTEL" "$LOAD_ELASTIC" com.acme.bench.app
    run_in "$RESULTS/work" java "${ARGS[@]}" -cp "$SMALL_APP_JAR" com.acme.bench.app.SpanLoad \
      --threads 1 --warmup-seconds 2 --warmup-rate 20000 --seconds "$PACED_SECONDS" --rate "$rate" \
      >"$RESULTS/export/paced-$rate.out" 2>"$RESULTS/export/paced-$rate.err" || true
    recv_get /stats >"$RESULTS/export/paced-$rate.recv"
    if ! grep -q ' 0 dropped' "$RESULTS/export/paced-$rate.err"; then
      log "export: drops at $rate spans/s; higher rates skipped"
      break
    fi
  done
  log "export: perf-agent from a cold start at 100000 spans/s"
  recv_reset
  agent_args perf recv "$ROOT/bench/config/span-load.yaml" "$LOAD_OTEL" "$LOAD_ELASTIC" com.acme.bench.app
  run_in "$RESULTS/work" java "${ARGS[@]}" -cp "$SMALL_APP_JAR" com.acme.bench.app.SpanLoad \
    --threads 1 --seconds "$PACED_SECONDS" --rate 100000 \
    >"$RESULTS/export/cold-100000.out" 2>"$RESULTS/export/cold-100000.err" || true
  recv_get /stats >"$RESULTS/export/cold-100000.recv"
  for a in "${AGENTS[@]}"; do
    log "export: producer flat out under $a"
    recv_reset
    agent_args "$a" recv "$ROOT/bench/config/span-load.yaml" "$LOAD_OTEL" "$LOAD_ELASTIC" com.acme.bench.app
    run_in "$RESULTS/work" java "${ARGS[@]}" -cp "$SMALL_APP_JAR" com.acme.bench.app.SpanLoad \
      --threads 1 --warmup-seconds 1 --seconds "$FLOOD_SECONDS" --rate 0 --work "$FLOOD_WORK" \
      >"$RESULTS/export/flood-$a.out" 2>"$RESULTS/export/flood-$a.err" || true
    sleep 1
    recv_get /stats >"$RESULTS/export/flood-$a.recv"
  done
fi

# ------------------------------------------------------------------ 5. export CPU per span
# issue 11 target 3: CPU of perf-agent's threads per exported span, to the file and over OTLP/HTTP
# (bench/export-cpu.sh with its own receiver: 200,000 warm-up spans, then 400,000 at 20,000/s)
if want export-cpu; then
  log "export CPU per span: bench/export-cpu.sh (file, OTLP/HTTP)"
  run_in "$ROOT" bash bench/export-cpu.sh --out "$RESULTS/export-cpu" \
    >"$RESULTS/export-cpu.log" 2>&1 || log "export-cpu.sh failed, see $RESULTS/export-cpu.log"
  rm -f "$RESULTS"/export-cpu/perf-agent-*.jsonl # ~300 MB of spans in the file run
fi

# ------------------------------------------------------------------ 6. test-app throughput
if want throughput; then
  log "test-app throughput: ${THROUGHPUT_ARGS[*]}, $THROUGHPUT_RUNS runs per agent"
  for i in $(seq 1 "$THROUGHPUT_RUNS"); do
    for a in "${THROUGHPUT_AGENTS[@]}"; do
      # perf-nowhere: perf-agent recording but exporting nowhere, to separate the app-thread cost
      # from the CPU the export takes on this 2-core machine; perf-file: exporting where the config
      # says, which is its embedded default, ./perf-agent-traces.jsonl (JSON lines)
      case $a in
        perf-nowhere) agent_args perf none "$TEST_APP_CONFIG" "$APP_OTEL" "$APP_ELASTIC" com.acme.returns ;;
        perf-file) agent_args perf config "$TEST_APP_CONFIG" "$APP_OTEL" "$APP_ELASTIC" com.acme.returns ;;
        *) agent_args "$a" recv "$TEST_APP_CONFIG" "$APP_OTEL" "$APP_ELASTIC" com.acme.returns ;;
      esac
      run_in "$RESULTS/work" java "${ARGS[@]}" -jar "$TEST_APP_JAR" "${THROUGHPUT_ARGS[@]}" \
        >"$RESULTS/throughput/$a-$i.out" 2>"$RESULTS/throughput/$a-$i.err" || true
      rm -f "$RESULTS"/work/perf-agent-*.jsonl # ~70 MB of spans per run to the file
    done
  done
fi

# ------------------------------------------------------------------ the table
java -cp "$BENCH_JAR" dev.perfagent.bench.Report "$RESULTS" >"$RESULTS/table.md" || die "the report failed"
log "done in $(( $(date +%s) - STARTED )) s; raw results in $RESULTS"
echo
cat "$RESULTS/table.md"
