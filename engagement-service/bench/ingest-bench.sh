#!/usr/bin/env bash
# Ingestion benchmark of engagement-service (not part of ./mvnw verify).
#
#   ./engagement-service/bench/ingest-bench.sh [events] [batch] [concurrency]     (defaults 1000000 10000 2)
#
# Starts the packaged service on a free port against a fresh database on the local PostgreSQL (SUITE_DB_URL,
# default jdbc:postgresql://127.0.0.1:5432, user postgres), loads the events through POST /workspaces/{ws}/events
# from a separate JVM, raw-COPYs the same rows into a plain table (primary key + BRIN on time: the yardstick) and
# into one with the event table's indexes on the same PostgreSQL, and prints the
# rates, their ratio and the service's resident memory. Everything it created is removed at the end
# (BENCH_SERVICE_LOG=<file> keeps the service's log there). Before the timed load, BENCH_WARMUP events (default
# 100000) go untimed to another workspace so that the service is measured JIT-compiled, as it runs in production.
set -euo pipefail

EVENTS=${1:-1000000}
BATCH=${2:-10000}
CONCURRENCY=${3:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MODULE="$ROOT/engagement-service"
DB_URL=${SUITE_DB_URL:-jdbc:postgresql://127.0.0.1:5432}
DB_HOSTPORT=${DB_URL#jdbc:postgresql://}
DB_HOST=${DB_HOSTPORT%%:*}
DB_PORT=${DB_HOSTPORT##*:}
DB_NAME="engagement_bench_$(date +%s)"

if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
        if [[ -x "$candidate/bin/java" ]] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
            export JAVA_HOME=$candidate
            break
        fi
    done
fi
JAVA="$JAVA_HOME/bin/java"

if [[ ! -f "$MODULE/target/quarkus-app/quarkus-run.jar" ]]; then
    (cd "$ROOT" && ./mvnw -B -q -pl engagement-service package -DskipTests)
fi
PGJDBC=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-42*.jar' | sort | tail -1)

WORK=$(mktemp -d)
SERVICE_PID=""
cleanup() {
    if [[ -n "$SERVICE_PID" ]]; then
        kill "$SERVICE_PID" 2>/dev/null || true
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    if [[ -n "${BENCH_SERVICE_LOG:-}" && -f "$WORK/service.log" ]]; then
        cp "$WORK/service.log" "$BENCH_SERVICE_LOG"
    fi
    psql -q -h "$DB_HOST" -p "$DB_PORT" -U "${SUITE_DB_USER:-postgres}" -d postgres \
        -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
psql -q -h "$DB_HOST" -p "$DB_PORT" -U "${SUITE_DB_USER:-postgres}" -d postgres -c "CREATE DATABASE $DB_NAME"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

# shellcheck disable=SC2086 # BENCH_SERVICE_OPTS: extra JVM options of the service, e.g. a flight recording
"$JAVA" -Xms256m -Xmx256m -Xmn128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k \
    ${BENCH_SERVICE_OPTS:-} \
    -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.datasource.jdbc.url="$DB_URL/$DB_NAME" \
    -Dmp.jwt.verify.publickey.location="file:$WORK/public.pem" \
    -Dquarkus.log.level=WARN \
    -Dsuite.rate-limit.ingest.per-minute=1000000 -Dsuite.rate-limit.ingest.burst=100000 \
    -jar "$MODULE/target/quarkus-app/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!

for _ in $(seq 1 360); do
    if curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then
        break
    fi
    sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { cat "$WORK/service.log"; exit 1; }

"$JAVA" -Xmx3g -cp "$PGJDBC" "$MODULE/bench/IngestBench.java" --url "http://127.0.0.1:$PORT" \
    --jdbc "$DB_URL/$DB_NAME" --key "$WORK/private.pem" --pid "$SERVICE_PID" \
    --events "$EVENTS" --batch "$BATCH" --concurrency "$CONCURRENCY" --warmup "${BENCH_WARMUP:-100000}"
