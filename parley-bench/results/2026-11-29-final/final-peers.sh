#!/usr/bin/env bash
# Peers for the final comparison (session 2): one warm-up and one measured run each, time-boxed.
cd /work/main
export WORK=/tmp/final-peers PORT=45222 DIRECT_PORT=45223 PARLEY_HTTP_PORT=49090 PROVISION_RATE=100
SERVERS="prosody ejabberd" SCENARIOS="signin chat presence room" WARMUP=1 RUNS=1 \
  CHAT_DURATION=15 PRESENCE_DURATION=15 ROOM_DURATION=15 parley-bench/run-peers.sh
