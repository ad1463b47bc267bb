#!/usr/bin/env bash
# The side-by-side run for issue 3 (h-perf), as reported.
cd /tmp/perf-benchcopy
export WORK=/tmp/perf-peers PARLEY_HOME=/work/wt/perf KNEE_STEP=6 KNEE_MAX_STEPS=8 CHAT_DURATION=15 PRESENCE_DURATION=15 PRESENCE_RUNS=1 KNEE_RUNS=1
SERVERS="parley prosody ejabberd" parley-bench/run-peers.sh
SERVERS="parley" SCENARIOS="hold" PROVISION_RATE=150 parley-bench/run-peers.sh
