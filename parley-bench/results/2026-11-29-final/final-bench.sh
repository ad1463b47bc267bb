#!/usr/bin/env bash
# Final side-by-side run of session 2 (from /work/main). Pass A: three servers; pass B: Parley-only scenarios.
cd /work/main
export WORK=/tmp/final-peers PORT=45222 DIRECT_PORT=45223 PARLEY_HTTP_PORT=49090 PROVISION_RATE=100
SERVERS="parley prosody ejabberd" SCENARIOS="signin chat presence room knee" WARMUP=1 RUNS=3 \
  CHAT_DURATION=15 PRESENCE_DURATION=15 ROOM_DURATION=15 KNEE_RUNS=1 KNEE_STEP=6 KNEE_MAX_STEPS=8 \
  parley-bench/run-peers.sh
SERVERS="parley" SCENARIOS="hold richpresence" PROVISION_RATE=150 RICH_RUNS=1 WARMUP=0 \
  parley-bench/run-peers.sh
