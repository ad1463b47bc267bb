#!/usr/bin/env bash
# Session 3 final, second part: memory with more sessions than primed, and the knee above 9,731 msg/s.
set -u
ulimit -n 65536 2>/dev/null || ulimit -n 20000
while ! grep -q "^E " /tmp/final3.log; do sleep 10; done
cd "$(dirname "$0")/../../.."   # the repository root (the run used a fresh clone of main at a2829a7)
export WORK=/tmp/final3 PORT=16222 DIRECT_PORT=16223 PARLEY_HTTP_PORT=16290 PROVISION_RATE=100
echo "F $(date -u +%T)"
# 5,000 sessions held after 1,000 primed ones: RSS per session from sessions the priming did not leave memory for.
OUT=$WORK/results-hold SERVERS="parley prosody ejabberd" SCENARIOS="hold" HOLD_COUNT=5000 HOLD_RATE=200 HOLD_SECONDS=10 \
  parley-bench/run-peers.sh
echo "G $(date -u +%T)"
# The knee from 4,000 msg/s up by 1.25× (the first pass capped at 9,731 for Parley and Prosody).
OUT=$WORK/results-knee-high SERVERS="parley prosody ejabberd" SCENARIOS="knee" WARMUP=0 KNEE_RUNS=1 \
  KNEE_START=4000 KNEE_FACTOR=1.25 KNEE_MAX_STEPS=9 KNEE_STEP=6 parley-bench/run-peers.sh
echo "H $(date -u +%T)"
