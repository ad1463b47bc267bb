#!/usr/bin/env bash
# Syscalls of the server during one chat run and one room run: sys.sh LABEL HOME WORKDIR
set -uo pipefail
label=$1; home=$2
export WORK=$3 PORT=26222 DIRECT_PORT=26223 PARLEY_HTTP_PORT=26090 PARLEY_HOME=$home
rp=$home/parley-bench/run-peers.sh
bench() { taskset -c 1 /tmp/out-base/parley-bench/bench.sh "$@"; }
common="--host 127.0.0.1 --port 26222 --tls starttls --domain localhost --users bench%d --password secret --target-name parley-$label --server-pid-file $WORK/parley/pid"
for sc in chat room; do
  "$rp" start parley >/dev/null 2>&1
  pid=$(cat $WORK/parley/pid)
  case $sc in
    chat) args="chat $common -n 200 --rate 1000 --duration 10" ;;
    room) args="room $common -n 200 --senders 5 --rate 20 --duration 10" ;;
  esac
  bench $args --warmup 1 --runs 1 >/dev/null 2>&1   # JIT warm
  strace -f -c -o /tmp/out-bench/sys-$label-$sc.txt -p $pid &
  st=$!
  sleep 1
  bench $args --warmup 0 --runs 1 --json /tmp/out-bench/sys-$label-$sc.json >/dev/null 2>&1
  kill -INT $st; wait $st
  "$rp" stop parley >/dev/null 2>&1
done
