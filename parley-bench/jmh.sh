#!/usr/bin/env bash
# JMH micro-benchmarks of the server's hot paths (package org.parley.bench.jmh): codec, router, SCRAM.
#   mvn -B -pl parley-bench -am package -DskipTests && parley-bench/jmh.sh            # all
#   parley-bench/jmh.sh Codec -f 1 -wi 2 -i 3                                          # a subset, JMH options
# Not part of mvn verify. On a shared machine pin it (taskset -c 1) and compare runs made together.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$(ls "$here"/target/parley-bench-*.jar 2>/dev/null | grep -v -e sources -e tests | head -1)"
[ -n "$jar" ] || { echo "build first: mvn -B -pl parley-bench -am package -DskipTests" >&2; exit 1; }
exec java -cp "$jar:$here/target/lib/*" org.openjdk.jmh.Main "$@"
