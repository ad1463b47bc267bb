#!/usr/bin/env bash
set -u
ulimit -n 65536 2>/dev/null || true
cd "$(dirname "$0")/../../.."
export WORK=/tmp/final3 PORT=16222 DIRECT_PORT=16223 PARLEY_HTTP_PORT=16290 PROVISION_RATE=100
for mn in 24m 96m; do
echo "== Xmn$mn $(date -u +%T)"
OUT=$WORK/results-knee-xmn$mn SERVERS="parley" SCENARIOS="knee" WARMUP=1 KNEE_RUNS=1 \
  KNEE_START=6250 KNEE_FACTOR=1.25 KNEE_MAX_STEPS=5 KNEE_STEP=6 \
  PARLEY_JAVA_OPTS="-XX:+UseSerialGC -Xms160m -Xmn$mn -Xmx768m -Xss512k -XX:MaxDirectMemorySize=256m -XX:-AlwaysPreTouch -XX:MetaspaceSize=64m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1 -Xlog:gc:file=/tmp/knee-gc-$mn.log" \
  parley-bench/run-peers.sh 2>&1 | grep -E "knee:"
done
