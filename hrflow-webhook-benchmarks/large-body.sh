#!/usr/bin/env bash
# The library's server (BenchmarkServer) with a 64 MiB heap receives 5 MiB bodies: a batch of ~4,900 profile events and
# one event with a ~5 MB text, three times each; prints status and time of each, and fails unless
# every answer is 200 and the server never ran out of memory.
#
#   hrflow-webhook-benchmarks/large-body.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18183}
SECRET=large-body-secret
OUT=hrflow-webhook-benchmarks/target/large-body
mkdir -p "$OUT"
mvn -B -q -ntp -pl hrflow-webhook-benchmarks -am package -Dmaven.test.skip=true
JAR=hrflow-webhook-benchmarks/target/benchmarks.jar
batch_sig=$(java -cp "$JAR" ai.hrflow.webhook.benchmarks.LargeBody batch 5000000 "$OUT/batch.json" "$SECRET")
event_sig=$(java -cp "$JAR" ai.hrflow.webhook.benchmarks.LargeBody event 5000000 "$OUT/event.json" "$SECRET")
java -Xmx64m -cp "$JAR" ai.hrflow.webhook.benchmarks.BenchmarkServer "$PORT" "$SECRET" READING > "$OUT/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done
failures=0
for kind in batch event; do
  sig=${kind}_sig
  for run in 1 2 3; do
    result=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT/webhooks" \
      -H 'Content-Type: application/json' -H 'Expect:' -H "HTTP-HRFLOW-SIGNATURE: ${!sig}" --data-binary @"$OUT/$kind.json")
    echo "$kind $(stat -c %s "$OUT/$kind.json") bytes, run $run: HTTP ${result% *} in ${result#* } s"
    [ "${result% *}" = 200 ] || failures=$((failures + 1))
  done
done
if grep -q OutOfMemoryError "$OUT/server.log"; then echo "the server ran out of memory"; failures=$((failures + 1)); fi
grep -o 'webhook 200 [0-9]* events\? \[[^]]*\] BODY_HEX in [0-9.]* ms' "$OUT/server.log" | sed 's/\[.*\]/[...]/' || true
exit $failures
