#!/usr/bin/env bash
# Parley alone, one build (PARLEY_HOME), scenarios chat room presence richpresence on ports 26222/26223/26090.
# usage: run.sh LABEL PARLEY_HOME [scenarios...]
set -uo pipefail
label=$1; home=$2; shift 2
scen="${*:-chat room presence richpresence}"
export WORK=/tmp/out-peers-$label PORT=26222 DIRECT_PORT=26223 PARLEY_HTTP_PORT=26090 PARLEY_HOME=$home
export USERS='bench%d'
OUT=/tmp/out-bench/$label; mkdir -p "$OUT"
rp=$home/parley-bench/run-peers.sh
bench() { taskset -c 1 /tmp/out-base/parley-bench/bench.sh "$@"; }  # one generator for every build
common="--host 127.0.0.1 --port 26222 --tls starttls --domain localhost --users bench%d --password secret --target-name parley-$label --server-pid-file $WORK/parley/pid --warmup 1 --runs ${RUNS:-3}"
restart() { "$rp" restart parley >/dev/null 2>&1; }
"$rp" start parley
bench provision --method inband --port 26222 --domain localhost --users 'bench%d' --password secret -n 200 --rate 50
for sc in $scen; do
  restart
  echo "$(date -u +%FT%TZ) $label $sc start load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
  case $sc in
    room150) bench room $common -n 200 --senders 5 --rate 150 --duration 15 --json "$OUT/room150.json" ;;
    chat) bench chat $common -n 200 --rate 1000 --duration 15 --json "$OUT/chat.json" ;;
    room) bench room $common -n 200 --senders 5 --rate 50 --duration 15 --json "$OUT/room.json" ;;
    presence) bench presence $common -n 200 -k 10 --rate ${PRESENCE_RATE:-50} --duration 15 --json "$OUT/presence.json" ;;
    richpresence-fresh) bench richpresence $common -n 200 -k 10 --rate 200 --duration 15 --api http://127.0.0.1:26090 \
        --api-token-file $WORK/parley/data/admin-token --restart-command "$rp restart parley" --json "$OUT/richpresence-fresh.json" ;;
    richpresence) bench richpresence $common -n 200 -k 10 --rate 200 --duration 15 --api http://127.0.0.1:26090 \
        --api-token-file $WORK/parley/data/admin-token --json "$OUT/richpresence.json" ;;
  esac
  echo "$(date -u +%FT%TZ) $label $sc end load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
done
"$rp" stop parley
