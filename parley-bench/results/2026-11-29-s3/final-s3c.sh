#!/usr/bin/env bash
# Session 3 final, third part: Parley's high-range knee again, with a warm-up run (the JIT).
set -u
ulimit -n 65536 2>/dev/null || ulimit -n 20000
while ! grep -q "^H " /tmp/final3b.log; do sleep 5; done
cd "$(dirname "$0")/../../.."   # the repository root (the run used a fresh clone of main at a2829a7)
export WORK=/tmp/final3 PORT=16222 DIRECT_PORT=16223 PARLEY_HTTP_PORT=16290 PROVISION_RATE=100
echo "I $(date -u +%T)"
OUT=$WORK/results-knee-high-warm SERVERS="parley" SCENARIOS="knee" WARMUP=1 KNEE_RUNS=1 \
  KNEE_START=4000 KNEE_FACTOR=1.25 KNEE_MAX_STEPS=9 KNEE_STEP=6 parley-bench/run-peers.sh
echo "J $(date -u +%T)"
