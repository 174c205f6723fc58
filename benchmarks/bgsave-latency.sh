#!/usr/bin/env bash
# Latency of GET and SET while BGSAVE runs on a large keyspace, against the same without BGSAVE,
# for jredis (fork-less snapshot: slices on the command thread + copy-on-write per key) and for
# a real redis-server (fork), on this machine.
#
# Each server is started here on 127.0.0.1 with its own temp dir, filled with KEYS string keys
# (redis-cli --pipe), then redis-benchmark (-c CLIENTS, random keys over the whole keyspace)
# measures SET then GET twice: once idle ("quiet"), once while a loop keeps a BGSAVE running
# ("bgsave": a new one starts as soon as the previous ended). The table shows throughput and
# redis-benchmark's p50/p99/max latency (ms), and how many BGSAVEs completed during the run.
# Servers are stopped by PID on exit.
#
# Usage: benchmarks/bgsave-latency.sh [KEYS] [REQUESTS]   (defaults 1000000 and 300000)
# Environment: CLIENTS (default 20), JREDIS_PORT (7211), REDIS_PORT (7210), JREDIS_JAVA_OPTS
# (e.g. -Xmx2g). jredis starts through bin/jredis-server, so with the launcher's JDK and collector. Needs redis-server, redis-cli, redis-benchmark 7.x.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
keys="${1:-1000000}"
requests="${2:-300000}"
clients="${CLIENTS:-20}"
jport="${JREDIS_PORT:-7211}"
rport="${REDIS_PORT:-7210}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

wait_ready() { for _ in $(seq 1 100); do redis-cli -p "$1" ping >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "server on $1 did not start" >&2; exit 1; }

fill() {
    python3 - "$keys" <<'PY' | redis-cli -p "$1" --pipe >/dev/null
import sys
n = int(sys.argv[1]); out = sys.stdout.buffer
for i in range(n):
    k = b"key:%012d" % i; v = b"value-%d" % i
    out.write(b"*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (len(k), k, len(v), v))
PY
}

field() { redis-cli -p "$1" info persistence | tr -d '\r' | sed -n "s/^$2://p"; }

# Keeps a BGSAVE running until the file $work/stop appears; prints how many completed.
bgsave_loop() {
    local port=$1 done=0 before
    before=$(field "$port" rdb_saves)
    while [ ! -e "$work/stop" ]; do
        if [ "$(field "$port" rdb_bgsave_in_progress)" = 0 ]; then redis-cli -p "$port" bgsave >/dev/null; fi
        sleep 0.05
    done
    while [ "$(field "$port" rdb_bgsave_in_progress)" = 1 ]; do sleep 0.05; done
    echo $(( $(field "$port" rdb_saves) - before ))
}

bench() { # port -> csv lines "test","rps","avg","min","p50","p95","p99","max"
    redis-benchmark -p "$1" -t set,get -n "$requests" -c "$clients" -r "$keys" -d 16 --csv | grep -E '^"(SET|GET)"'
}

measure() { # name port
    local name=$1 port=$2
    bench "$port" | sed "s/^/$name,quiet,-,/"
    rm -f "$work/stop"
    bgsave_loop "$port" > "$work/count" &
    local loop=$!
    sleep 0.3
    local out; out=$(bench "$port")
    touch "$work/stop"; wait "$loop"
    echo "$out" | sed "s/^/$name,bgsave,$(cat "$work/count"),/"
}

mkdir -p "$work/jredis" "$work/redis"
"$root/bin/jredis-server" --port "$jport" --bind 127.0.0.1 --dir "$work/jredis" --save "" \
    > "$work/jredis.log" 2>&1 &
pids+=($!)
redis-server --port "$rport" --bind 127.0.0.1 --save "" --appendonly no --dir "$work/redis" \
    > "$work/redis.log" 2>&1 &
pids+=($!)
wait_ready "$jport"; wait_ready "$rport"
fill "$jport"; fill "$rport"
echo "keys: jredis $(redis-cli -p "$jport" dbsize), redis $(redis-cli -p "$rport" dbsize); $requests requests, $clients clients"
{ measure jredis "$jport"; measure redis "$rport"; } > "$work/results.csv"
python3 - "$work/results.csv" <<'PY'
import csv, sys
print("| server | while | bgsaves done | test | ops/s | p50 ms | p99 ms | max ms |")
print("|---|---|---|---|---|---|---|---|")
for r in csv.reader(open(sys.argv[1])):
    name, mode, saves, test, rps, avg, mn, p50, p95, p99, mx = r
    print(f"| {name} | {mode} | {saves} | {test} | {float(rps):.0f} | {p50} | {p99} | {mx} |")
PY
