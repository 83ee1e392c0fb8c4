# Sourced by ./suite and .ci/run: picks a JDK >= 21 and makes sure PostgreSQL is running.
# shellcheck shell=bash

java_major() {
    "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

# Exports JAVA_HOME (and PATH) for a JDK >= 21: the current one if new enough, else the newest installed.
select_jdk() {
    local candidate best="" best_major=0 major
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        major=$(java_major "$JAVA_HOME/bin/java")
        if [ "${major:-0}" -ge 21 ]; then export PATH="$JAVA_HOME/bin:$PATH"; return 0; fi
    fi
    if command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        major=$(java_major "$candidate/bin/java")
        if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"; return 0; fi
    fi
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
        [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate/bin/java")
        if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate" best_major="$major"; fi
    done
    if [ -z "$best" ]; then
        echo "No JDK >= 21 found; installing one from Debian's packages" >&2
        if command -v apt-get >/dev/null 2>&1; then
            apt-get update -qq && (apt-get install -y -qq openjdk-21-jdk-headless || apt-get install -y -qq openjdk-25-jdk-headless) >&2
            select_jdk
            return $?
        fi
        echo "Please install a JDK >= 21 and set JAVA_HOME" >&2
        return 1
    fi
    export JAVA_HOME="$best" PATH="$best/bin:$PATH"
}

# Host and port of SUITE_DB_URL (jdbc:postgresql://host:port).
db_host() { local u="${SUITE_DB_URL:-jdbc:postgresql://127.0.0.1:5432}"; u="${u#jdbc:postgresql://}"; u="${u%%/*}"; echo "${u%%:*}"; }
db_port() { local u="${SUITE_DB_URL:-jdbc:postgresql://127.0.0.1:5432}"; u="${u#jdbc:postgresql://}"; u="${u%%/*}"; case "$u" in *:*) echo "${u##*:}" ;; *) echo 5432 ;; esac; }

# Starts the local PostgreSQL cluster when nothing answers on the configured port.
ensure_postgres() {
    local host port
    host=$(db_host) port=$(db_port)
    if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then return 0; fi
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
        local version
        version=$(ls /etc/postgresql | sort -V | tail -n 1)
        echo "Starting PostgreSQL $version" >&2
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    fi
    for _ in $(seq 1 30); do
        pg_isready -q -h "$host" -p "$port" 2>/dev/null && return 0
        sleep 1
    done
    echo "PostgreSQL is not answering on $host:$port" >&2
    return 1
}
