#!/usr/bin/env bash
# Final side-by-side run of session 4, from a fresh clone of main, nothing else running.
# Usage: final-s4.sh [PASS...]   (passes: provision A K R H S C P; default all, in that order)
set -u
ulimit -n 65536 2>/dev/null || ulimit -n 20000
cd "$(dirname "$0")/../../.."   # the repository root
export WORK=${WORK:-/tmp/final4} PORT=16222 DIRECT_PORT=16223 PARLEY_HTTP_PORT=16290 PROVISION_RATE=${PROVISION_RATE:-100}
PASSES="${*:-provision A K R H S C P}"
for pass in $PASSES; do
  echo "$pass start $(date -u +%T)"
  case $pass in
  provision)   # 19,000 accounts on every server for the hold pass (accounts that exist count as done)
    OUT=$WORK/results-provision SERVERS="parley prosody ejabberd" SCENARIOS="hold" HOLD_COUNT=19000 \
      parley-bench/run-peers.sh provision ;;
  A)   # sign-in, chat and presence: a warm-up run and three measured runs on one server process each
    SERVERS="parley prosody ejabberd" SCENARIOS="signin chat presence" WARMUP=1 RUNS=3 \
      CHAT_DURATION=15 PRESENCE_DURATION=15 parley-bench/run-peers.sh ;;
  K)   # the knee from 4,000 msg/s up by 1.25x, one measured run after a warm-up run
    OUT=$WORK/results-knee SERVERS="parley prosody ejabberd" SCENARIOS="knee" WARMUP=1 KNEE_RUNS=1 \
      KNEE_START=4000 KNEE_FACTOR=1.25 KNEE_MAX_STEPS=9 KNEE_STEP=6 parley-bench/run-peers.sh ;;
  R)   # rich presence at 10,000 users x 50 contacts, 2,000 changes/s (issue 5): helper-25's script and JVM flags
    RICH_RUNS=3 parley-bench/results/2026-11-29-rich5/rich5.sh ;;
  H)   # 19,000 sessions held (after 1,000 primed) on every server: memory per idle TLS session
    OUT=$WORK/results-hold SERVERS="parley prosody ejabberd" SCENARIOS="hold" HOLD_COUNT=19000 HOLD_RATE=200 \
      HOLD_SECONDS=10 parley-bench/run-peers.sh ;;
  P)   # presence again for Parley with three warm-up runs: at 500 deliveries/s, pass A's single warm-up run
       # left C2 compiling during the measured runs (324, 401, 125 us per delivery). In its own WORK: pass R
       # gave users 0..9,999 rosters of 50, which the presence scenario's users would broadcast to.
    WORK=$WORK-presence OUT=$WORK/results SERVERS="parley" SCENARIOS="presence" WARMUP=3 RUNS=3 \
      PRESENCE_DURATION=15 parley-bench/run-peers.sh ;;
  S)   # control for pass A's sign-ins: a fresh server before every run, as session 3 measured
    OUT=$WORK/results-signin-restart SERVERS="parley prosody ejabberd" SCENARIOS="signin" WARMUP=1 RUNS=3 \
      SIGNIN_RESTART=1 parley-bench/run-peers.sh ;;
  C)   # chat again for Prosody and Parley: Prosody's pass-A figure (441 us/msg) was 1.9x session 3's (233)
    OUT=$WORK/results-chat-again SERVERS="prosody parley" SCENARIOS="chat" WARMUP=1 RUNS=3 CHAT_DURATION=15 \
      parley-bench/run-peers.sh ;;
  esac
  echo "$pass end $(date -u +%T)"
done
