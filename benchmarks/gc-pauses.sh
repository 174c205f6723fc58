#!/usr/bin/env bash
# GC pauses of jredis under a mixed load over many keys, as issue #9 asks: starts the server
# the way bin/jredis-server does (same collector and flags) with GC and safepoint logging, fills
# it with about KEYS string keys (random suffixes, so ~95% distinct), then runs redis-benchmark's mixed workloads over that key space for
# SECONDS and prints the distribution of GC pauses (the collector's safepoints, threads stopped
# from reaching the safepoint to leaving it) and of the other safepoints.
#
# Usage: benchmarks/gc-pauses.sh [options]
#   -k, --keys N        distinct keys (default 1000000)
#   -s, --seconds N     length of the mixed load (default 60)
#   -p, --port P        port for jredis on 127.0.0.1 (default 7290)
#       --heap SIZE     -Xmx for jredis (default: the launcher's 75% of RAM); a small heap
#                       (e.g. 1g) forces many collections, the worst case for pauses
#       --keep-log F    copy the GC log to F
# Needs: redis-benchmark, redis-cli, python3, a built server (bin/jredis-server builds it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
keys=1000000
seconds=60
port=7290
heap=""
keep=""
while (( $# )); do
    case "$1" in
        -k|--keys) keys="$2"; shift 2 ;;
        -s|--seconds) seconds="$2"; shift 2 ;;
        -p|--port) port="$2"; shift 2 ;;
        --heap) heap="$2"; shift 2 ;;
        --keep-log) keep="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "gc-pauses.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
for tool in redis-benchmark redis-cli python3; do
    command -v "$tool" >/dev/null || { echo "gc-pauses.sh: $tool not found" >&2; exit 1; }
done
if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
    echo "gc-pauses.sh: something already answers on 127.0.0.1:$port; choose another --port" >&2
    exit 1
fi

workdir="$(mktemp -d /tmp/jredis-gc.XXXXXX)"
log="$workdir/gc.log"
pid=""
cleanup() {
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    [[ -n "$keep" && -f "$log" ]] && cp "$log" "$keep"
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

opts="-Xlog:gc,safepoint:file=$log:uptime,level,tags"
[[ -n "$heap" ]] && opts="$opts -Xmx$heap"
JREDIS_JAVA_OPTS="$opts ${JREDIS_JAVA_OPTS:-}" "$root/bin/jredis-server" --port "$port" --bind 127.0.0.1 \
    --save "" --appendonly no >"$workdir/server.log" 2>&1 &
pid=$!
for (( i = 0; i < 600; i++ )); do
    [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$workdir/server.log" >&2; exit 1; }
    sleep 0.2
done

echo "filling $keys keys..." >&2
# -r draws random key suffixes; 3x the key count of requests covers nearly all of them.
redis-benchmark -h 127.0.0.1 -p "$port" -t set -r "$keys" -n $(( keys * 3 )) -P 32 -c 20 -d 3 -q >/dev/null
echo "dbsize $(redis-cli -h 127.0.0.1 -p "$port" dbsize); mixed load for ${seconds}s..." >&2
mark="$(wc -l <"$log")"
timeout "$seconds" redis-benchmark -h 127.0.0.1 -p "$port" -t set,get,incr,lpush,lpop,sadd,hset,zadd \
    -r "$keys" -n 100000000 -c 50 -l -q >/dev/null 2>&1 || true

echo "collector and flags: ZGC (generational) as bin/jredis-server starts it${heap:+, -Xmx$heap}" >&2
tail -n +"$(( mark + 1 ))" "$log" >"$workdir/load.log"
python3 - "$workdir/load.log" <<'EOF'
import re, sys
gc, sp = [], []
for line in open(sys.argv[1]):
    # Generational ZGC's pauses are its safepoints (ZMarkStart..., ZMarkEnd..., ZRelocateStart...);
    # the time threads are stopped is the "Total" (reaching + at + leaving the safepoint).
    m = re.search(r'Safepoint "([^"]+)".*Total: ([0-9]+) ns', line)
    if m:
        (gc if m.group(1).startswith("Z") else sp).append(int(m.group(2)) / 1e6)
def show(name, xs):
    if not xs:
        print(f"{name}: none")
        return
    xs.sort()
    pct = lambda p: xs[min(len(xs) - 1, int(p / 100 * len(xs)))]
    print(f"{name}: {len(xs)}, p50 {pct(50):.3f} ms, p99 {pct(99):.3f} ms, max {xs[-1]:.3f} ms")
    edges = [0.1, 0.5, 1, 2, 5, 10]
    lo = 0
    for e in edges + [float("inf")]:
        n = sum(1 for x in xs if lo <= x < e)
        label = f"[{lo:g}, {e:g}) ms" if e != float("inf") else f">= {lo:g} ms"
        print(f"  {label:>16}: {n}")
        lo = e
show("GC pauses", gc)
show("other safepoints", sp)
EOF
