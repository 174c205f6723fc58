#!/usr/bin/env bash
# PING round trips while BGREWRITEAOF runs on a large keyspace, for jredis (the rewrite's base
# written by the fork-less background snapshot) and a real redis-server (fork), on this machine.
#
# Each server is started here on 127.0.0.1 with --appendonly yes in its own temp dir and filled
# with KEYS string keys (redis-cli --pipe). Then one client sends PING and waits for PONG in a
# loop (one connection, no pipelining) for the whole run, timing every round trip; after a
# second a second connection sends BGREWRITEAOF and polls INFO persistence every 50 ms until
# aof_rewrite_in_progress is 0; the pinger stops a second later. Printed: round trips during
# the rewrite (count, p50, p99, p99.9, max in ms) and the same outside it, and the rewrite's
# duration. Servers are stopped by PID on exit.
#
# Usage: benchmarks/aofrewrite-latency.sh [KEYS]   (default 1000000)
# Environment: JREDIS_PORT (7802), REDIS_PORT (7801), PREAMBLE (yes: aof-use-rdb-preamble).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
keys="${1:-1000000}"
jport="${JREDIS_PORT:-7802}"
rport="${REDIS_PORT:-7801}"
preamble="${PREAMBLE:-yes}"
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

measure() { # name port
    python3 - "$1" "$2" <<'PY'
import socket, sys, threading, time
name, port = sys.argv[1], int(sys.argv[2])
def conn():
    s = socket.create_connection(("127.0.0.1", port)); s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1); return s
samples, stop = [], threading.Event()
def pinger():
    s = conn()
    while not stop.is_set():
        t0 = time.perf_counter()
        s.sendall(b"PING\r\n")
        buf = b""
        while not buf.endswith(b"\r\n"):
            buf += s.recv(64)
        samples.append((t0, time.perf_counter() - t0))
th = threading.Thread(target=pinger); th.start()
time.sleep(1.0)
c = conn(); f = c.makefile("rb")
def call(cmd):
    c.sendall(cmd)
    line = f.readline()
    if line.startswith(b"$"):
        body = f.read(int(line[1:]) + 2); return body.decode()
    return line.decode().strip()
start = time.perf_counter()
reply = call(b"BGREWRITEAOF\r\n")
while "aof_rewrite_in_progress:1" in call(b"INFO persistence\r\n"):
    time.sleep(0.05)
end = time.perf_counter()
time.sleep(1.0); stop.set(); th.join()
def stats(xs):
    xs = sorted(x * 1000 for x in xs)
    if not xs: return "n=0"
    q = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))]
    return f"{len(xs)} | {q(0.5):.3f} | {q(0.99):.3f} | {q(0.999):.3f} | {xs[-1]:.3f}"
during = [d for t, d in samples if start <= t <= end]
outside = [d for t, d in samples if not (start <= t <= end)]
top = sorted(((d, t) for t, d in samples if start <= t <= end), reverse=True)[:3]
at = ", ".join(f"{d * 1000:.1f} ms at +{(t - start) * 1000:.0f}" for d, t in top)
print(f"| {name} | {reply} | {(end - start) * 1000:.0f} | during (worst: {at}) | {stats(during)} |")
worst = max((d, t) for t, d in samples if not (start <= t <= end))
where = f"{(worst[1] - start) * 1000:.0f} ms after BGREWRITEAOF" if worst[1] > start else f"{(start - worst[1]) * 1000:.0f} ms before it"
print(f"| {name} | | | outside (max {where}) | {stats(outside)} |")
PY
}

mkdir -p "$work/jredis" "$work/redis"
common=(--bind 127.0.0.1 --save "" --appendonly yes --aof-use-rdb-preamble "$preamble" --auto-aof-rewrite-percentage 0)
"$root/bin/jredis-server" --port "$jport" --dir "$work/jredis" "${common[@]}" > "$work/jredis.log" 2>&1 &
pids+=($!)
redis-server --port "$rport" --dir "$work/redis" "${common[@]}" > "$work/redis.log" 2>&1 &
pids+=($!)
wait_ready "$jport"; wait_ready "$rport"
fill "$jport"; fill "$rport"
echo "keys: jredis $(redis-cli -p "$jport" dbsize), redis $(redis-cli -p "$rport" dbsize); aof-use-rdb-preamble $preamble"
echo "| server | reply | rewrite ms | PINGs | n | p50 ms | p99 ms | p99.9 ms | max ms |"
echo "|---|---|---|---|---|---|---|---|---|"
measure jredis "$jport"
measure redis "$rport"
