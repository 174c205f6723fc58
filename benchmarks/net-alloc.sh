#!/usr/bin/env bash
# Heap bytes that jredis's command thread allocates per request over real sockets.
#
# Starts jredis on 127.0.0.1 (port 7202 unless -p), warms it with redis-benchmark, then runs
# GET, pipelined GET, SET and PING workloads and reads the thread's allocation counter
# ("allocated=" of `jcmd Thread.print -e`, 1 KB resolution) before and after each run.
# Each run opens new connections, which costs a fixed amount per run (read buffer and session
# of each client, about 19 KB per connection); the script shows the per-run total, and the
# per-request figure with that fixed part taken out, measured as the PING run's total
# (PING stores nothing, so what it allocates is the connections).
#
# Usage: benchmarks/net-alloc.sh [-p PORT] [-n REQUESTS] [-c CLIENTS]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
port=7202
requests=300000
clients=50
while (( $# )); do
    case "$1" in
        -p) port="$2"; shift 2 ;;
        -n) requests="$2"; shift 2 ;;
        -c) clients="$2"; shift 2 ;;
        *) echo "usage: $0 [-p PORT] [-n REQUESTS] [-c CLIENTS]" >&2; exit 2 ;;
    esac
done

find_java25() {
    local c v
    for c in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*-2[5-9]*/bin/java \
             /usr/lib/jvm/*-[3-9][0-9]*/bin/java "$(command -v java || true)"; do
        [[ -x "$c" ]] || continue
        v="$("$c" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')"
        if [[ -n "$v" && "$v" -ge 25 ]]; then echo "$c"; return 0; fi
    done
    return 1
}
JAVA="$(find_java25)" || { echo "net-alloc.sh: no JDK 25 or later found (set JAVA_HOME)" >&2; exit 1; }
JCMD="$(dirname "$JAVA")/jcmd"
lib="$root/redis-bootstrap/target/lib"
[[ -d "$lib" ]] || (cd "$root" && mvn -B -q -o -DskipTests package) >&2

if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
    echo "net-alloc.sh: something already answers on port $port" >&2
    exit 1
fi
log="$(mktemp /tmp/jredis-net-alloc.XXXXXX)"
"$JAVA" --add-exports java.base/jdk.internal.misc=org.agrona -p "$lib" \
    -m io.jredis.bootstrap/io.jredis.bootstrap.Main --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT
for (( i = 0; i < 100; i++ )); do
    [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]] && break
    sleep 0.1
done

bench() {
    redis-benchmark -h 127.0.0.1 -p "$port" -c "$clients" -q "$@" 2>/dev/null | tr '\r' '\n' | grep -v '^ *$' | tail -1
}
allocated() { # bytes allocated so far by the event-loop thread (the main thread)
    "$JCMD" "$pid" Thread.print -e | sed -n 's/^"main" .* allocated=\([0-9]*\)K.*/\1/p' | awk '{print $1 * 1024}'
}

bench -n 200000 -t set,get >/dev/null   # warm-up: JIT, and the keys GET reads
bench -n 400000 -P 16 -t get >/dev/null

a=$(allocated); sleep 3; b=$(allocated)
echo "idle 3 s: $(( b - a )) bytes"
declare -A total=()
for spec in "PING_MBULK|-n $requests -t ping_mbulk" "GET|-n $requests -t get" \
            "GET -P 16|-n $(( requests * 4 )) -P 16 -t get" "SET (3-byte values)|-n $requests -t set"; do
    label="${spec%%|*}"
    # shellcheck disable=SC2086
    set -- ${spec#*|}
    a=$(allocated)
    rps="$(bench "$@")"
    b=$(allocated)
    total[$label]=$(( b - a ))
    n=$2
    fixed=${total[PING_MBULK]}
    per=$(awk -v d=$(( b - a - fixed )) -v n="$n" 'BEGIN { printf "%.2f", d / n }')
    printf '%-20s %9d requests  %10d bytes  %s B/request beyond the connections   (%s)\n' \
        "$label" "$n" $(( b - a )) "$per" "$rps"
done
