#!/usr/bin/env bash
# The inbox's cost, as ratios against durability itself, and its latency and scaling.
#
#   hrflow-webhook-benchmarks/inbox-benchmark.sh [postgresql,h2,latency,fleet]
#
# Builds the benchmarks jar, installs wrk and PostgreSQL from Debian's packages if missing, starts a
# throwaway PostgreSQL cluster (loopback, its own directory, removed afterwards), and runs
# InboxBenchmark: HTTP intake into the inbox (wrk, CONNECTIONS keep-alive connections, signed 1 KB
# profile events, default settings, a handler that reads the profile) against a bare JDBC loop that
# inserts and commits the same bytes at the same concurrency, ROUNDS alternating rounds, on PostgreSQL
# and on embedded H2; the latency from acknowledgement to handler start at half the measured rate;
# the intake of 1, 2 and 3 receiver JVMs on one PostgreSQL. Exits 1 if the median ratio is under
# TARGET (0.5) on either database, or the p99 latency is not under 1 s. Environment: DURATION (10),
# WARMUP (30), ROUNDS (5), CONNECTIONS (32), TARGET (0.5), LATENCY_SECONDS (20), SCHEME (SIGNED_HEX:
# the official SDK's, the JSON in a header; BODY_HEX: the JSON in the body, a hex MAC in the header).
set -euo pipefail
cd "$(dirname "$0")/.."

install() {
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq "$@" >/dev/null; fi
}
command -v wrk >/dev/null || install wrk
command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || install postgresql

OUT=${OUT:-hrflow-webhook-benchmarks/target/inbox}
mvn -B -q -ntp -pl hrflow-webhook-benchmarks -am install -DskipTests
JAR=hrflow-webhook-benchmarks/target/benchmarks.jar
mkdir -p "$OUT"
java -cp "$JAR" ai.hrflow.webhook.benchmarks.SignedRequest profile-1k "${SCHEME:-SIGNED_HEX}" inbox-test-secret > "$OUT/request.lua"

exec java ${JAVA_OPTS:-} -cp "$JAR" \
  -Dduration="${DURATION:-10}" -Dwarmup="${WARMUP:-30}" -Drounds="${ROUNDS:-5}" -Dconnections="${CONNECTIONS:-32}" \
  -Dtarget="${TARGET:-0.5}" -Dlatency.seconds="${LATENCY_SECONDS:-20}" \
  ai.hrflow.webhook.benchmarks.InboxBenchmark "$OUT/request.lua" "$(cd "$OUT" && pwd)" ${1:-postgresql,h2,latency,fleet}
