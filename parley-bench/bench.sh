#!/usr/bin/env bash
# Runs the load generator from the built module (mvn -pl parley-bench -am package -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$(ls "$here"/target/parley-bench-*.jar 2>/dev/null | grep -v -e sources -e tests | head -1)"
[ -n "$jar" ] || { echo "build first: mvn -B -pl parley-bench -am package -DskipTests" >&2; exit 1; }
# A small heap keeps the generator light; 1000s of sessions need tens of MB.
exec java ${BENCH_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseParallelGC} -cp "$jar:$here/target/lib/*" org.parley.bench.BenchMain "$@"
