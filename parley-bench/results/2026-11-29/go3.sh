#!/usr/bin/env bash
# After main's new migration: fresh Parley data. The 19,000-session hold, then a quiet-box rerun
# of the latency-sensitive scenarios for Parley and Prosody (ejabberd's first pass already ran quiet).
cd /tmp/perf-benchcopy
export WORK=/tmp/perf-peers PARLEY_HOME=/work/wt/perf KNEE_STEP=6 KNEE_MAX_STEPS=8 CHAT_DURATION=15 KNEE_RUNS=1
SERVERS="parley" SCENARIOS="hold" PROVISION_RATE=150 parley-bench/run-peers.sh
OUT=/tmp/perf-peers/results-quiet SERVERS="parley prosody" SCENARIOS="chat knee" parley-bench/run-peers.sh
