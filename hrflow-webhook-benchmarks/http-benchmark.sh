#!/usr/bin/env bash
# HTTP throughput of the library's server as users run it against a bare JDK HttpServer, in one run,
# alternating.
#
#   hrflow-webhook-benchmarks/http-benchmark.sh
#
# Builds the benchmarks jar, installs wrk from Debian's packages if missing, then for each JDK
# (17, and 25 where installed) runs ROUNDS rounds of: bare server, the library's server with a no-op
# handler (NoopServer), the library's server with a handler that reads the profile (ReadingServer,
# default logging); each gets WARMUP seconds of load, then DURATION seconds measured with wrk
# (keep-alive, CONNECTIONS connections), every request a signed 1 KB profile event. Prints
# requests/s, p50 and p99 per run, the medians, and the ratios to bare, and exits 1 if the reading
# server's median is below TARGET (0.8) of bare's on a JDK. Environment: DURATION (10), WARMUP (15),
# ROUNDS (3), CONNECTIONS (32), TARGET (0.8),
# THREADS (wrk threads, 2), JDKS (space-separated JAVA_HOMEs; default: the java on PATH, then
# /usr/lib/jvm/temurin-25-jdk-amd64 if present), PAYLOAD (profile-1k), SCHEME (SIGNED_HEX),
# SERVERS (default "bare library reading").
#
# Spring Boot against the embedded server, the same handler in both (the example's PrintingHooks,
# one line per event to a file), each as a user runs it:
#
#   SERVERS="example spring" hrflow-webhook-benchmarks/http-benchmark.sh
#
# example: the example module's main (the embedded JDK server); spring: example-spring's jar (Tomcat,
# Boot's default settings). The ratio spring/example is printed; the 0.8 target applies to reading.
#
# The delivery console's cost (target: with it on, at least 0.9 of the throughput with it off):
#
#   SERVERS="reading console" hrflow-webhook-benchmarks/http-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
TARGET=${TARGET:-0.8}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PAYLOAD=${PAYLOAD:-profile-1k}
SCHEME=${SCHEME:-SIGNED_HEX}
PORT=${PORT:-18181}
SERVERS=${SERVERS:-bare library reading}
SECRET=http-benchmark-secret
OUT=${OUT:-hrflow-webhook-benchmarks/target/http}

if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian's packages"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi

MODULES=hrflow-webhook-benchmarks
case " $SERVERS " in *" spring "*) MODULES="$MODULES,example-spring" ;; esac
mvn -B -q -ntp -pl "$MODULES" -am package -Dmaven.test.skip=true
JAR=hrflow-webhook-benchmarks/target/benchmarks.jar
mkdir -p "$OUT"
java -cp "$JAR" ai.hrflow.webhook.benchmarks.SignedRequest "$PAYLOAD" "$SCHEME" "$SECRET" > "$OUT/request.lua"

if [ -z "${JDKS:-}" ]; then
  JDKS="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS="$JDKS /usr/lib/jvm/temurin-25-jdk-amd64"
fi

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=; fi
}
trap stop_server EXIT

wait_for_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not start on $PORT" >&2; return 1
}

# run NAME JAVA_HOME ARGS...: starts a server, loads it, measures, stops it; appends a result line.
run() {
  local name=$1 home=$2; shift 2
  "$@" > "$OUT/$name-server.log" 2>&1 &
  server_pid=$!
  wait_for_port
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$OUT/request.lua" "http://127.0.0.1:$PORT/webhooks" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$OUT/request.lua" "http://127.0.0.1:$PORT/webhooks" > "$OUT/$name.wrk"
  stop_server
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/$name.wrk")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.wrk")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$OUT/$name.wrk")
  printf '%-8s %-8s %-3s %12s %10s %10s %8s\n' "$(basename "$home" | sed 's/-amd64//')" "${name%%-*}" "${name##*-}" "$rps" "$p50" "$p99" "${errors:-0}" | tee -a "$OUT/results.txt"
}

: > "$OUT/results.txt"
printf '%-8s %-8s %-3s %12s %10s %10s %8s\n' jdk server run 'requests/s' p50 p99 non-2xx
for home in $JDKS; do
  version=$("$home/bin/java" -version 2>&1 | head -1)
  echo "# $version"
  for round in $(seq 1 "$ROUNDS"); do
    for server in $SERVERS; do
      case $server in
        bare) run "bare-$round" "$home" "$home/bin/java" -Dsun.net.httpserver.nodelay=true -cp "$JAR" ai.hrflow.webhook.benchmarks.BareServer "$PORT" ;;
        library) run "library-$round" "$home" "$home/bin/java" -cp "$JAR" ai.hrflow.webhook.benchmarks.BenchmarkServer "$PORT" "$SECRET" UNREAD ;;
        reading) run "reading-$round" "$home" "$home/bin/java" -cp "$JAR" ai.hrflow.webhook.benchmarks.BenchmarkServer "$PORT" "$SECRET" READING ;;
        console) run "console-$round" "$home" "$home/bin/java" -cp "$JAR" ai.hrflow.webhook.benchmarks.BenchmarkServer "$PORT" "$SECRET" READING CONSOLE ;;
        example) run "example-$round" "$home" env PORT="$PORT" HRFLOW_WEBHOOK_SECRET="$SECRET" "$home/bin/java" -cp "$JAR" com.example.hrflow.ExampleServer ;;
        spring) run "spring-$round" "$home" env HRFLOW_WEBHOOK_SECRET="$SECRET" "$home/bin/java" -jar example-spring/target/example-spring.jar --server.port="$PORT" --server.address=127.0.0.1 ;;
        *) echo "unknown server $server (bare, library, reading, console, example, spring)" >&2; exit 2 ;;
      esac
    done
  done
done

echo
echo "medians (requests/s) and ratios:"
awk -v target="$TARGET" '
  { key = $1 " " $2; n[key]++; v[key, n[key]] = $4; jdks[$1] = 1 }
  function median(key,   i, j, t, m) {
    m = n[key]
    for (i = 1; i <= m; i++) a[i] = v[key, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    for (jdk in jdks) {
      if ((jdk " bare") in n && (jdk " reading") in n) {
        b = median(jdk " bare"); e = median(jdk " reading")
        printf "%-16s bare %8.0f  reading handler %8.0f (ratio %.2f)", jdk, b, e, e / b
        if ((jdk " library") in n) { l = median(jdk " library"); printf "  no-op handler %8.0f (ratio %.2f)", l, l / b }
        printf "\n"
        checked = 1
        if (e / b < target) missed = 1
      }
      if ((jdk " reading") in n && (jdk " console") in n) {
        r = median(jdk " reading"); c = median(jdk " console")
        printf "%-16s reading handler %8.0f  same with the delivery console on %8.0f  console/off %.2f\n", jdk, r, c, c / r
        if (c / r < 0.9) consoleMissed = 1
      }
      if ((jdk " example") in n && (jdk " spring") in n) {
        x = median(jdk " example"); s = median(jdk " spring")
        printf "%-16s example (embedded JDK server) %8.0f  example-spring (Tomcat) %8.0f  spring/example %.2f\n", jdk, x, s, s / x
      }
    }
    if (consoleMissed) { printf "A TARGET IS MISSED: with the console on, the server is below 0.90 of its throughput with it off\n"; exit 1 }
    if (missed) { printf "A TARGET IS MISSED: the reading server is below %.2f of bare\n", target; exit 1 }
    if (checked) printf "target met: the reading server is at least %.2f of bare on every JDK\n", target
  }
' "$OUT/results.txt"
