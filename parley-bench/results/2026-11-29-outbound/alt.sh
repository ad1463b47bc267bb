#!/usr/bin/env bash
# Alternates the builds per scenario so that they see the same machine load.
# usage: BUILDS="base:/tmp/out-base new:/tmp/out-new" alt.sh ROUND scenario...
round=$1; shift
for sc in "$@"; do
  for b in $BUILDS; do
    /tmp/out-bench/run.sh ${b%%:*}-$round ${b#*:} $sc
  done
done
