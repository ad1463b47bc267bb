#!/usr/bin/env bash
# Issue 5's benchmark: richpresence at 10,000 users x 50 contacts, 2,000 phone changes/s over the
# Presence Web Service (run from the repository root, nothing else running for a quiet figure).
# Parley's JVM here differs from run-peers.sh's default (which is tuned for sign-in memory):
#  - C2 on (no TieredStopAtLevel=1): the change path (REST, recomposition, fan-out) cost 17 us per
#    delivery under C1 only against 8-10 us with C2; the sign-ins before the phase and the
#    generator's 20 s warm-up give C2 the time to compile it.
#  - a 256 MB young generation: 100,000 deliveries/s allocate ~150 MB/s; young collections then come
#    every ~1.2 s (45-130 ms each, ~10 % of the server's CPU, the same share as with 128 MB).
#  - the generator (bench richpresence) warms up 20 s and sends the PUTs over 64 pipelined
#    connections by default; RICH_DURATION 30 s.
set -u
ulimit -n 65536 2>/dev/null || ulimit -n 20000
cd "$(dirname "$0")/../../.."
export WORK=${WORK:-/tmp/rich5} PORT=${PORT:-16222} DIRECT_PORT=${DIRECT_PORT:-16223} PARLEY_HTTP_PORT=${PARLEY_HTTP_PORT:-16290}
SERVERS="parley" SCENARIOS="richpresence" WARMUP=0 RICH_RUNS=${RICH_RUNS:-3} RICH_RATE=${RICH_RATE:-2000} \
  RICH_DURATION=${RICH_DURATION:-30} PARLEY_PROVISION=api \
  PARLEY_JAVA_OPTS="-XX:+UseSerialGC -Xms768m -Xmn256m -Xmx1536m -Xss512k -XX:MaxDirectMemorySize=256m -XX:-AlwaysPreTouch -XX:MetaspaceSize=64m" \
  BENCH_JAVA_OPTS="-Xms1g -Xmx2g -XX:+UseParallelGC" parley-bench/run-peers.sh
