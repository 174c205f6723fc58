#!/usr/bin/env python3
"""Memory per idle connection of a running server: jredis or redis-server.

Opens N connections, sends one PING on each (so each has served a command), and compares the
server's memory with the connections open against before they were opened:
  - both: process RSS (/proc/PID/status VmRSS);
  - jredis (a JVM; start it with -XX:NativeMemoryTracking=summary for the direct figure):
    heap used after a full GC (jcmd GC.run, GC.heap_info) and NMT's "Other" committed memory,
    where direct ByteBuffers are counted;
  - redis-server: INFO memory used_memory.

Usage: idle_memory.py --port P --pid PID [--jcmd PATH] [-n 10000] [--settle 5]
--settle waits before measuring with the connections open: redis-server frees an idle client's
query buffer after 2 s (clientsCron), so measuring at once overstates its steady state.
The client needs `ulimit -n` above N, and so does the server (maxclients too).
"""
import argparse
import os
import re
import socket
import subprocess
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def info_used_memory(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"INFO memory\r\n")
    data = b""
    while b"\r\n" not in data or len(data) < 20:
        data += s.recv(65536)
    header, _, rest = data.partition(b"\r\n")
    need = int(header[1:])
    while len(rest) < need:
        rest += s.recv(65536)
    s.close()
    m = re.search(rb"used_memory:(\d+)", rest)
    return int(m.group(1))


def jvm_figures(pid, jcmd):
    subprocess.run([jcmd, str(pid), "GC.run"], capture_output=True, check=True)
    time.sleep(1.0)
    heap = subprocess.run([jcmd, str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    used = None
    m = re.search(r"used (\d+)K", heap)
    if m:
        used = int(m.group(1)) * 1024
    nmt = subprocess.run([jcmd, str(pid), "VM.native_memory", "summary"], capture_output=True, text=True).stdout
    other = None
    m = re.search(r"-\s+Other \(reserved=\d+KB, committed=(\d+)KB\)", nmt)
    if m:
        other = int(m.group(1)) * 1024
    return used, other


def measure(args):
    fig = {"rss": rss_kib(args.pid) * 1024}
    if args.jcmd:
        fig["heap_used"], fig["nmt_other"] = jvm_figures(args.pid, args.jcmd)
    else:
        time.sleep(1.0)
        fig["rss"] = rss_kib(args.pid) * 1024
        fig["used_memory"] = info_used_memory(args.port)
    return fig


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--jcmd")
    p.add_argument("-n", type=int, default=10000)
    p.add_argument("--settle", type=float, default=5.0)
    args = p.parse_args()

    before = measure(args)
    conns = []
    for _ in range(args.n):
        s = socket.create_connection(("127.0.0.1", args.port))
        s.sendall(b"PING\r\n")
        conns.append(s)
    for s in conns:
        reply = s.recv(64)
        assert reply == b"+PONG\r\n", reply
    time.sleep(args.settle)
    after = measure(args)
    print(f"{'figure':<12} {'before':>14} {'with ' + str(args.n):>14} {'bytes/conn':>12}")
    for k in before:
        if before[k] is None or after[k] is None:
            continue
        print(f"{k:<12} {before[k]:>14,} {after[k]:>14,} {(after[k] - before[k]) / args.n:>12,.0f}")
    for s in conns:
        s.close()


if __name__ == "__main__":
    main()
