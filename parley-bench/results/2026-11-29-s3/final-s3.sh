#!/usr/bin/env bash
# Final side-by-side run of session 3, from a fresh clone of main (/work/final), nothing else running.
set -u
ulimit -n 65536 2>/dev/null || ulimit -n 20000
cd "$(dirname "$0")/../../.."   # the repository root (the run used a fresh clone of main at a2829a7)
export WORK=/tmp/final3 PORT=16222 DIRECT_PORT=16223 PARLEY_HTTP_PORT=16290 PROVISION_RATE=100
echo "A $(date -u +%T)"
SERVERS="parley prosody ejabberd" SCENARIOS="signin chat presence knee" WARMUP=1 RUNS=3 SIGNIN_PRIME=1000 \
  CHAT_DURATION=15 PRESENCE_DURATION=15 KNEE_STEP=6 KNEE_RUNS=1 \
  parley-bench/run-peers.sh
echo "B $(date -u +%T)"
SERVERS="parley prosody ejabberd" SCENARIOS="room" WARMUP=0 RUNS=1 ROOM_DURATION=15 ROOM_DRAIN=30 ${ROOM_ENV:-} \
  parley-bench/run-peers.sh
echo "C $(date -u +%T)"
# 10,000 sessions: a heap that starts big enough (no full GCs while it grows), a bigger generator heap,
# accounts through the admin API (in-band registration of 10,000 overran the blocking pool).
SERVERS="parley" SCENARIOS="richpresence" WARMUP=0 RICH_RUNS=3 RICH_RATE=${RICH_RATE:-1000} PARLEY_PROVISION=api \
  PARLEY_JAVA_OPTS="-XX:+UseSerialGC -Xms768m -Xmn24m -Xmx1536m -Xss512k -XX:MaxDirectMemorySize=256m -XX:-AlwaysPreTouch -XX:MetaspaceSize=64m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1" \
  BENCH_JAVA_OPTS="-Xms1g -Xmx2g -XX:+UseParallelGC" parley-bench/run-peers.sh
echo "D $(date -u +%T)"
OUT=$WORK/results-uring SERVERS="parley" SCENARIOS="chat" WARMUP=1 RUNS=3 CHAT_DURATION=15 \
  PARLEY_EXTRA="--set c2s.transport=io_uring" parley-bench/run-peers.sh
echo "E $(date -u +%T)"
