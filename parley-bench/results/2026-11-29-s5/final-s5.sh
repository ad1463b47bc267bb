#!/usr/bin/env bash
# Final side-by-side run of session 5, from a fresh clone of main, nothing else running.
# Usage: final-s5.sh [PASS...]   (passes: provision A K H; default all, in that order)
# WORK must hold the 19,000 accounts of every server (session 4's /tmp/final4 does); Parley's own data is
# set aside first and its accounts made again, because session 4's richpresence pass left users 0..9,999
# rosters of 50 contacts there that the peers' data does not have.
set -u
ulimit -n 65536 2>/dev/null || ulimit -n 20000
cd "$(dirname "$0")/../../.."   # the repository root
export WORK=${WORK:-/tmp/final4} PORT=16222 DIRECT_PORT=16223 PARLEY_HTTP_PORT=16290 PROVISION_RATE=${PROVISION_RATE:-100}
OUT5=${OUT5:-/tmp/final5}
PASSES="${*:-provision A K H}"
for pass in $PASSES; do
  echo "$pass start $(date -u +%T)"
  case $pass in
  provision)   # Parley's data afresh, its 19,000 accounts through the admin API
    [ -d "$WORK/parley/data" ] && mv "$WORK/parley/data" "$WORK/parley/data-before-s5.$(date +%s)"
    OUT=$OUT5/results-provision SERVERS="parley" SCENARIOS="hold" HOLD_COUNT=19000 PARLEY_PROVISION=api \
      parley-bench/run-peers.sh provision ;;
  A)   # sign-in, chat and presence: three warm-up runs (a single compiler thread on one core needs about
       # three runs to finish compiling; measured in session 5) and three measured runs, one process each
    OUT=$OUT5/results SERVERS="parley prosody ejabberd" SCENARIOS="signin chat presence" WARMUP=3 RUNS=3 \
      CHAT_DURATION=15 PRESENCE_DURATION=15 parley-bench/run-peers.sh ;;
  K)   # the knee from 4,000 msg/s up by 1.25x, one measured run after a warm-up run (as session 4)
    OUT=$OUT5/results-knee SERVERS="parley prosody ejabberd" SCENARIOS="knee" WARMUP=1 KNEE_RUNS=1 \
      KNEE_START=4000 KNEE_FACTOR=1.25 KNEE_MAX_STEPS=9 KNEE_STEP=6 parley-bench/run-peers.sh ;;
  H)   # 19,000 sessions held (after 1,000 primed) on every server: memory per idle TLS session
    OUT=$OUT5/results-hold SERVERS="parley prosody ejabberd" SCENARIOS="hold" HOLD_COUNT=19000 HOLD_RATE=200 \
      HOLD_SECONDS=10 parley-bench/run-peers.sh ;;
  esac
  echo "$pass end $(date -u +%T)"
done
