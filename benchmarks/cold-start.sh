#!/usr/bin/env bash
# Cold start of the ingest function: a fresh JVM (JVM flags as template.yaml sets them) wires its
# SDK clients from the environment and handles its first SNS bounce end to end against DynamoDB on
# moto (moto_server must be on the PATH). Run from the repository root after
# `mvn -q package -DskipTests -Dspotbugs.skip=true`.
# Usage: benchmarks/cold-start.sh [runs]
# JVM flags: COLD_START_JAVA_OPTS (default: template.yaml's JAVA_TOOL_OPTIONS, read from it, plus the
# serial collector, Lambda's default: "the Java 17 runtime also uses the serial GC by default",
# https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html; without the flag this 2-core,
# 24 GB machine picks G1). Add -XX:MaxRAM=512m to size the heap as in a 512 MB sandbox (an 8 MB
# initial heap: about 15 young collections before the first event; results file, 06:35 section).
# Classes are loaded as Lambda loads them: the deployment jar is extracted into a task folder (Lambda
# unzips the package into /var/task, and its runtime's CustomerClassLoader puts /var/task and
# /var/task/lib/*.jar on the class path: aws-lambda-java-libs, aws-lambda-java-runtime-interface-
# client, CustomerClassLoader.java), not read from the jar file.
# Same-load comparison: BASELINE_JAR=path/to/older/ingest.jar runs right after each run (driven by
# the same LocalInvoke), and gets its own medians.
set -euo pipefail
runs=${1:-15}
template_opts=$(awk '/JAVA_TOOL_OPTIONS:/ {sub(/.*JAVA_TOOL_OPTIONS: */, ""); print; exit}' template.yaml)
opts=${COLD_START_JAVA_OPTS:-$template_opts -XX:+UseSerialGC}
work=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$work"' EXIT
mkfifo "$work/stdin"
unzip -q functions/ingest/target/ingest.jar -d "$work/task"
if [ -n "${BASELINE_JAR:-}" ]; then unzip -q "$BASELINE_JAR" -d "$work/base"; fi
java -cp benchmarks/target/benchmarks.jar \
  io.sesguardian.benchmarks.MotoDynamoDbServer guardian "$work/ready" < "$work/stdin" > "$work/server.log" 2>&1 &
exec 3> "$work/stdin"
for _ in $(seq 1 300); do [ -s "$work/ready" ] && break; sleep 0.1; done
[ -s "$work/ready" ] || { echo "moto did not start"; cat "$work/server.log"; exit 1; }
export GUARDIAN_TABLE=guardian AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
export AWS_ENDPOINT_URL_DYNAMODB="$(head -1 "$work/ready")"
# Ingest jars before 2026-12-02 06:00 read SESv2 ListEmailIdentities on the first bounce (a
# BASELINE_JAR may): point SESv2 at the loopback server too. Today's ingest makes no SES call.
export AWS_ENDPOINT_URL_SESV2="$AWS_ENDPOINT_URL_DYNAMODB"
wall=(); inside=(); mains=(); built=(); base_wall=(); base_inside=()
run() { # main-class classpath event -> "inside wall"
  local start end out
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  out=$(java $opts -cp "$2" $1 "$3" 2>/dev/null)
  end=$(date +%s%N)
  echo "$out" | grep -q '"suppressed":1' || { echo "run did not suppress: $out" >&2; exit 1; }
  echo "$(echo "$out" | awk '/handled-after-jvm-start-ms/ {print $2}') $(( (end - start) / 1000000 ))" \
    "$(echo "$out" | awk '/main-after-jvm-start-ms/ {print $2}')" \
    "$(echo "$out" | awk '/constructed-after-jvm-start-ms/ {print $2}')"
}
for i in $(seq 1 "$runs"); do
  sed -e "s/0100019d3f132db8/cold${i}start/g" -e "s/jordan.lee@/jordan.lee.run${i}@/g" \
    events/lambda-sns/bounce-permanent-general.json > "$work/event.json"
  read -r a b c d < <(run "io.sesguardian.benchmarks.LocalInvoke io.sesguardian.functions.ingest.IngestHandler" \
    "$work/task:benchmarks/target/classes" "$work/event.json")
  inside+=("$a"); wall+=("$b"); mains+=("$c"); built+=("$d")
  if [ -n "${BASELINE_JAR:-}" ]; then
    sed -e "s/0100019d3f132db8/base${i}start/g" -e "s/jordan.lee@/jordan.lee.base${i}@/g" \
      events/lambda-sns/bounce-permanent-general.json > "$work/event.json"
    read -r a b _ < <(run "io.sesguardian.benchmarks.LocalInvoke io.sesguardian.functions.ingest.IngestHandler" \
      "$work/base:benchmarks/target/classes" "$work/event.json")
    base_inside+=("$a"); base_wall+=("$b")
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "runs: $runs, JVM options: $opts"
echo "first event handled, ms after JVM start: median $(median "${inside[@]}") (all: ${inside[*]})"
echo "whole process (launch to exit), ms: median $(median "${wall[@]}") (all: ${wall[*]})"
echo "phases, median ms after JVM start: main entered $(median "${mains[@]}"), handler constructed $(median "${built[@]}"), first event handled $(median "${inside[@]}")"
if [ -n "${BASELINE_JAR:-}" ]; then
  echo "baseline $BASELINE_JAR, first event handled: median $(median "${base_inside[@]}") (all: ${base_inside[*]})"
  echo "baseline whole process: median $(median "${base_wall[@]}") (all: ${base_wall[*]})"
fi
