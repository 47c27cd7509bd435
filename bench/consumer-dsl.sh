#!/usr/bin/env bash
# The consumer DSL benchmark: this DSL against pact-jvm, 1 and 50 interactions, over a plain JUnit run.
# Writes docs/benchmarks.md. Not a test: nothing asserts on times.
# Usage: bench/consumer-dsl.sh [runs per class, default 7]   (run it when no other build is running)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
OUT="$PWD/consumer-dsl/target/bench"
mkdir -p "$OUT"

# Jars, test classes (tests are not run here) and class paths; pact-core resolves to its freshly packaged jar.
# Each module writes the class path file; consumer-dsl, last in the reactor, writes it last.
./mvnw -q -pl consumer-dsl -am package dependency:build-classpath -DskipTests \
  -DincludeScope=test -Dmdep.outputFile="$OUT/test.cp"
./mvnw -q -pl consumer-dsl -am package dependency:build-classpath -DskipTests \
  -DincludeScope=runtime -Dmdep.outputFile="$OUT/runtime.cp"
# pact-jvm's own runtime dependencies, with its own versions.
./mvnw -q -f bench/pact-jvm-deps/pom.xml dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$OUT/pact-jvm-runtime.cp"

DSL_JAR="$PWD/consumer-dsl/target/consumer-dsl-0.1.0-SNAPSHOT.jar"
# What a user's test class path gains from the DSL: its jar, pact-core's jar and the runtime dependencies.
printf '%s:%s' "$DSL_JAR" "$(cat "$OUT/runtime.cp")" > "$OUT/dsl-runtime.cp"

CP="$PWD/consumer-dsl/target/test-classes:$DSL_JAR:$(cat "$OUT/test.cp")"
cd consumer-dsl
java -cp "$CP" io.pactbroker.consumer.bench.BenchMain all "$RUNS" ../docs/benchmarks.md \
  "$OUT/dsl-runtime.cp" "$OUT/pact-jvm-runtime.cp" "bench/consumer-dsl.sh $RUNS"
