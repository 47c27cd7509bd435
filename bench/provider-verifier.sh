#!/usr/bin/env bash
# The provider verifier benchmark: a 500-interaction pact verified against a local provider by this verifier (library,
# JUnit 5, CLI jar), by pact-jvm's JUnit 5 verifier and, when the npm package installs, by the Pact CLI's
# `pact verifier`, in one run. Prints a table and leaves it in provider-verifier/target/bench/provider-verifier.md.
# Not a test: nothing asserts on times.
# Usage: bench/provider-verifier.sh [interactions, default 500] [runs per verifier, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
INTERACTIONS="${1:-500}"
RUNS="${2:-5}"
OUT="$PWD/provider-verifier/target/bench"
mkdir -p "$OUT"

# Each module of the reactor writes the class path file; provider-verifier, last, writes it last.
./mvnw -q -pl provider-verifier -am package dependency:build-classpath -DskipTests -DincludeScope=test \
  -Dmdep.outputFile="$OUT/test.cp"
CLI_JAR=$(ls "$PWD"/provider-verifier/target/provider-verifier-*-cli.jar | head -n 1)
CP="$PWD/provider-verifier/target/test-classes:$PWD/provider-verifier/target/classes:$(cat "$OUT/test.cp")"

# The official Pact CLI, into a local folder; skipped when npm or the registry is not there.
PACT_CLI=""
if command -v npm >/dev/null 2>&1; then
  if [ -x "$OUT/pact-cli/node_modules/.bin/pact" ] || \
     (mkdir -p "$OUT/pact-cli" && cd "$OUT/pact-cli" && npm install --silent --no-audit --no-fund @pact-foundation/pact-cli@18.1.2 >/dev/null 2>&1); then
    PACT_CLI="$OUT/pact-cli/node_modules/.bin/pact"
  else
    echo "npm could not install @pact-foundation/pact-cli@18.1.2: the Pact CLI is left out" >&2
  fi
else
  echo "npm is not installed: the Pact CLI is left out" >&2
fi

cd provider-verifier
java -cp "$CP" io.pactbroker.verifier.bench.VerifierBench orchestrate "$INTERACTIONS" "$RUNS" "$CP" "$CLI_JAR" "$PACT_CLI"
