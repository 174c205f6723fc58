#!/usr/bin/env bash
# Compares jredis with a real redis-server using redis-benchmark, on this machine.
#
# Both servers are started here, on 127.0.0.1, and stopped by PID on exit. For every round
# and every workload, redis-benchmark runs against one server and then the other (the order
# alternates between rounds), so both see the same background load over time. The table shows
# the median over rounds of throughput and of the p50/p99 latencies, the ratio
# jredis/redis, and the geometric mean of the ratios.
#
# A workload whose command jredis does not know yet (unknown-command error) is shown as
# skipped, so the list can stay complete while commands land.
#
# Usage: benchmarks/compare.sh [options]
#   -r, --rounds N        rounds per workload (default 3)
#   -n, --requests N      requests per run (default 20000; pipelined runs use 4x)
#   -c, --clients N       parallel connections (default 50)
#   -o, --only REGEX      only workloads whose name matches (e.g. 'GET|SET$')
#       --redis-port P    port of the real redis-server (default 7200)
#       --jredis-port P   port of jredis (default 7201)
#       --no-build        do not build jredis even if redis-bootstrap/target/lib is missing
#       --raw FILE        also keep every CSV line measured (default: a temp file, removed)
# Environment: JAVA_HOME (a JDK 25 or later is searched for otherwise), JREDIS_JAVA_OPTS
# (extra JVM options for jredis, after the launcher's own), REDIS_SERVER / REDIS_BENCHMARK /
# REDIS_CLI (binaries). jredis is started by bin/jredis-server, with the JVM options it ships with.
# Needs: redis-server, redis-benchmark and redis-cli 7.x, python3 (for the summary).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

rounds=3
requests=20000
clients=50
only=""
redis_port=7200
jredis_port=7201
build=1
raw=""

while (( $# )); do
    case "$1" in
        -r|--rounds) rounds="$2"; shift 2 ;;
        -n|--requests) requests="$2"; shift 2 ;;
        -c|--clients) clients="$2"; shift 2 ;;
        -o|--only) only="$2"; shift 2 ;;
        --redis-port) redis_port="$2"; shift 2 ;;
        --jredis-port) jredis_port="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        --raw) raw="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

REDIS_SERVER="${REDIS_SERVER:-redis-server}"
REDIS_BENCHMARK="${REDIS_BENCHMARK:-redis-benchmark}"
REDIS_CLI="${REDIS_CLI:-redis-cli}"
for tool in "$REDIS_SERVER" "$REDIS_BENCHMARK" "$REDIS_CLI" python3; do
    command -v "$tool" >/dev/null || { echo "compare.sh: $tool not found" >&2; exit 1; }
done

# ------------------------------------------------------------------ workloads
# name | redis-benchmark arguments | name of the test in its CSV output
# (redis-benchmark 7.0 has no built-in XADD test: the command is given explicitly, so its CSV
# line is named after the command line)
big=$(( requests * 4 ))
workloads=(
    "PING_INLINE|-t ping_inline -n $requests|PING_INLINE"
    "PING_MBULK|-t ping_mbulk -n $requests|PING_MBULK"
    "SET|-t set -n $requests|SET"
    "GET|-t get -n $requests|GET"
    "INCR|-t incr -n $requests|INCR"
    "MSET (10 keys)|-t mset -n $requests|MSET (10 keys)"
    "SET -P 16|-t set -P 16 -n $big|SET"
    "GET -P 16|-t get -P 16 -n $big|GET"
    "SET -d 1024|-t set -d 1024 -n $requests|SET"
    "GET -d 1024|-t get -d 1024 -n $requests|GET"
    "SET -d 16384|-t set -d 16384 -n $requests|SET"
    "GET -d 16384|-t get -d 16384 -n $requests|GET"
    "SET -r 1000000|-t set -r 1000000 -n $requests|SET"
    "GET -r 1000000|-t get -r 1000000 -n $requests|GET"
    "LPUSH|-t lpush -n $requests|LPUSH"
    "RPUSH|-t rpush -n $requests|RPUSH"
    "LPOP|-t lpop -n $requests|LPOP"
    "RPOP|-t rpop -n $requests|RPOP"
    "SADD|-t sadd -n $requests|SADD"
    "SPOP|-t spop -n $requests|SPOP"
    "HSET|-t hset -n $requests|HSET"
    "ZADD|-t zadd -n $requests|ZADD"
    "ZPOPMIN|-t zpopmin -n $requests|ZPOPMIN"
    "LRANGE_100|-t lrange_100 -n $requests|LRANGE_100 (first 100 elements)"
    "LRANGE_600|-t lrange_600 -n $requests|LRANGE_600 (first 600 elements)"
    "XADD|-n $requests XADD bench:stream * field value|XADD bench:stream * field value"
)

# ------------------------------------------------------------------ servers
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

JAVA="$(find_java25)" || { echo "compare.sh: no JDK 25 or later found (set JAVA_HOME)" >&2; exit 1; }
lib="$root/redis-bootstrap/target/lib"
if [[ ! -d "$lib" ]]; then
    (( build )) || { echo "compare.sh: $lib missing; build with mvn -DskipTests package" >&2; exit 1; }
    echo "building jredis..." >&2
    (cd "$root" && mvn -B -q -o -DskipTests package) >&2
fi

pids=()
workdir="$(mktemp -d /tmp/jredis-compare.XXXXXX)"
cleanup() {
    local p
    for p in "${pids[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    for p in "${pids[@]}"; do
        wait "$p" 2>/dev/null || true
    done
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() {
    "$REDIS_CLI" -h 127.0.0.1 -p "$1" ping >/dev/null 2>&1
}

await_ready() { # port pid name
    local i
    for (( i = 0; i < 200; i++ )); do
        if [[ "$("$REDIS_CLI" -h 127.0.0.1 -p "$1" ping 2>/dev/null)" == PONG ]]; then
            return 0
        fi
        kill -0 "$2" 2>/dev/null || { echo "compare.sh: $3 exited at start-up, see $workdir" >&2; exit 1; }
        sleep 0.1
    done
    echo "compare.sh: $3 did not answer PING on port $1" >&2
    exit 1
}

for p in "$redis_port" "$jredis_port"; do
    if port_busy "$p"; then
        echo "compare.sh: something already answers on 127.0.0.1:$p; choose other ports" >&2
        exit 1
    fi
done

"$REDIS_SERVER" --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize no --logfile "$workdir/redis.log" &
pids+=($!)
redis_pid=$!
# Through the launcher, so jredis runs with the JVM options it ships with (its collector above
# all: with the JVM's default G1, young pauses of 6-42 ms landed in single runs and decided their
# p99). The launcher execs java, so $! is the server's PID.
JAVA_HOME="$(dirname "$(dirname "$JAVA")")" "$root/bin/jredis-server" --port "$jredis_port" \
    >"$workdir/jredis.log" 2>&1 &
pids+=($!)
jredis_pid=$!
await_ready "$redis_port" "$redis_pid" redis-server
await_ready "$jredis_port" "$jredis_pid" jredis

echo "redis-server $("$REDIS_SERVER" --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') (pid $redis_pid, port $redis_port)" \
     "vs jredis on $("$JAVA" -version 2>&1 | head -1) (pid $jredis_pid, port $jredis_port)" >&2
echo "$rounds rounds, $requests requests per run ($big pipelined), $clients clients, $(nproc) CPUs" >&2

# ------------------------------------------------------------------ runs
results="$workdir/results.tsv"
: >"$results"

# Warms jredis's JIT (and redis's allocator) with one unrecorded run of every selected workload,
# so that no measured run pays for compiling the code of its command.
warm_one() { # port workload-index
    local name args test
    local -
    set -f
    IFS='|' read -r name args test <<<"${workloads[$2]}"
    # shellcheck disable=SC2086
    "$REDIS_BENCHMARK" -h 127.0.0.1 -p "$1" -c "$clients" --csv $args >/dev/null 2>&1 || true
}
for port in "$redis_port" "$jredis_port"; do
    "$REDIS_BENCHMARK" -h 127.0.0.1 -p "$port" -c "$clients" -n "$requests" -t ping_mbulk,set,get --csv \
        >/dev/null 2>&1 || true
    for idx in "${!workloads[@]}"; do
        name="${workloads[$idx]%%|*}"
        [[ -n "$only" && ! "$name" =~ $only ]] && continue
        warm_one "$port" "$idx"
    done
done

declare -A skipped=()
run_one() { # server port round workload-index
    local server="$1" port="$2" round="$3" idx="$4"
    local name args test out err line
    local -
    set -f # the arguments are split on spaces but never globbed (XADD's '*')
    IFS='|' read -r name args test <<<"${workloads[$idx]}"
    [[ -n "${skipped[$server/$name]:-}" ]] && return 0
    out="$workdir/out" err="$workdir/err"
    # shellcheck disable=SC2086
    if ! "$REDIS_BENCHMARK" -h 127.0.0.1 -p "$port" -c "$clients" --csv $args >"$out" 2>"$err"; then
        if grep -qi "unknown command" "$err"; then
            skipped[$server/$name]=1
            printf '%s\t%s\t%s\tSKIPPED\t\t\n' "$round" "$server" "$name" >>"$results"
            echo "  $server: $name skipped: $(grep -i -m1 'unknown command' "$err" | cut -c1-80)" >&2
            return 0
        fi
        echo "  $server: $name failed: $(grep -v 'Could not fetch server CONFIG' "$err" | head -3)" >&2
        printf '%s\t%s\t%s\tFAILED\t\t\n' "$round" "$server" "$name" >>"$results"
        return 0
    fi
    # "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
    line="$(grep -F "\"$test\"," "$out" | head -1 || true)"
    if [[ -z "$line" ]]; then
        echo "  $server: $name: no CSV line for \"$test\" in: $(head -3 "$out")" >&2
        printf '%s\t%s\t%s\tFAILED\t\t\n' "$round" "$server" "$name" >>"$results"
        return 0
    fi
    [[ -n "$raw" ]] && printf '%s,%s,%s,%s\n' "$round" "$server" "$name" "$line" >>"$raw"
    python3 - "$round" "$server" "$name" "$line" >>"$results" <<'EOF'
import csv, sys
row = next(csv.reader([sys.argv[4]]))
print("\t".join([sys.argv[1], sys.argv[2], sys.argv[3], row[1], row[4], row[6]]))
EOF
}

[[ -n "$raw" ]] && : >"$raw"
start=$SECONDS
for (( round = 1; round <= rounds; round++ )); do
    echo "round $round/$rounds" >&2
    for idx in "${!workloads[@]}"; do
        name="${workloads[$idx]%%|*}"
        [[ -n "$only" && ! "$name" =~ $only ]] && continue
        if (( round % 2 )); then
            run_one redis "$redis_port" "$round" "$idx"
            run_one jredis "$jredis_port" "$round" "$idx"
        else
            run_one jredis "$jredis_port" "$round" "$idx"
            run_one redis "$redis_port" "$round" "$idx"
        fi
    done
done
echo "measured in $(( SECONDS - start )) s" >&2

# ------------------------------------------------------------------ summary
order="$workdir/order"
for w in "${workloads[@]}"; do
    name="${w%%|*}"
    [[ -n "$only" && ! "$name" =~ $only ]] && continue
    echo "$name"
done >"$order"

python3 - "$results" "$order" <<'EOF'
import math, statistics, sys
from collections import defaultdict

runs = defaultdict(list)      # (server, workload) -> [(rps, p50, p99)]
status = {}                   # (server, workload) -> SKIPPED / FAILED
for line in open(sys.argv[1]):
    rnd, server, name, rps, p50, p99 = line.rstrip("\n").split("\t")
    if rps in ("SKIPPED", "FAILED"):
        status[(server, name)] = rps
    else:
        runs[(server, name)].append((float(rps), float(p50), float(p99)))
order = [l.rstrip("\n") for l in open(sys.argv[2])]

def med(server, name, i):
    vals = [r[i] for r in runs.get((server, name), [])]
    return statistics.median(vals) if vals else None

head = ["workload", "redis rps", "jredis rps", "ratio", "redis p50/p99 ms", "jredis p50/p99 ms"]
rows, ratios = [], []
for name in order:
    r_rps, j_rps = med("redis", name, 0), med("jredis", name, 0)
    def lat(server):
        p50, p99 = med(server, name, 1), med(server, name, 2)
        return "-" if p50 is None else f"{p50:.3f}/{p99:.3f}"
    def rps(server, v):
        return f"{v:,.0f}" if v is not None else status.get((server, name), "-").lower()
    if r_rps and j_rps:
        ratio = j_rps / r_rps
        ratios.append(ratio)
        ratio_s = f"{ratio:.2f}"
    else:
        ratio_s = "-"
    rows.append([name, rps("redis", r_rps), rps("jredis", j_rps), ratio_s, lat("redis"), lat("jredis")])

widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
def fmt(r):
    return "| " + " | ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                             for i, (c, w) in enumerate(zip(r, widths))) + " |"
print(fmt(head))
print("|" + "|".join(("-" * (w + 1) + ":") if i else ("-" * (w + 2)) for i, w in enumerate(widths)) + "|")
for r in rows:
    print(fmt(r))
if ratios:
    g = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
    print(f"\ngeometric mean of jredis/redis throughput over {len(ratios)} workloads: {g:.2f}")
EOF
