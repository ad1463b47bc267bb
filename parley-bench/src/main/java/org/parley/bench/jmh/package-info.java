/**
 * JMH micro-benchmarks of the server's hot paths (issue 3): the XML stream codec, router dispatch
 * of a 1:1 message, SCRAM verification. Not run by {@code mvn verify}; run them with
 * {@code parley-bench/jmh.sh [JMH options] [regex]} after {@code mvn -pl parley-bench -am package -DskipTests}.
 */
package org.parley.bench.jmh;
