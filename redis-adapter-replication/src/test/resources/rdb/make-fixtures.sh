#!/bin/sh
# Regenerates the RDB fixtures with a real redis-server 7.0 on port $1 whose --dir is $2
# (started with --enable-debug-command local). Each block's commands are what made the file.
set -e
C="redis-cli -p $1"
D=$2
$C flushall >/dev/null
# strings.rdb: every string encoding, expiries, several dbs, keys already expired
$C debug set-active-expire 0 >/dev/null
$C set int8 100 >/dev/null; $C set neg8 -5 >/dev/null; $C set int16 30000 >/dev/null
$C set int32 -2000000000 >/dev/null; $C set bigint 12345678901 >/dev/null; $C set zero 0 >/dev/null
$C set leading 007 >/dev/null; $C set empty "" >/dev/null; $C set short hello >/dev/null
$C append short " world" >/dev/null
$C set lzf aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa >/dev/null
$C set lzftext "the quick brown fox jumps over the lazy dog, the quick brown fox jumps again" >/dev/null
$C set incompressible abcdefghijklmnopqrstuvwxyz0123456789 >/dev/null
$C set bin "$(printf 'a\tb\001c')" >/dev/null
$C set ttl v PXAT 4102444800123 >/dev/null
$C -n 3 set db3key db3value >/dev/null; $C -n 3 set db3ttl x PXAT 4102444800000 >/dev/null
$C -n 15 set last yes >/dev/null
$C set gone bye PX 1 >/dev/null; $C -n 3 set gone3 bye PX 1 >/dev/null
sleep 0.1
$C save >/dev/null; cp $D/dump.rdb $D/strings.rdb
$C flushall >/dev/null
$C debug set-active-expire 1 >/dev/null
# types.rdb: lists, sets, sorted sets, hashes and a stream in Redis 7.0's encodings
$C rpush smalllist a b 1 2 -3 "" 70000 >/dev/null
for i in $(seq 1 300); do $C rpush biglist element-$i $i >/dev/null; done
$C sadd intset 1 2 3 -100 70000 5000000000 >/dev/null
$C sadd strset a b c d >/dev/null
$C zadd smallz 1 a 2.5 b -3 c inf d -inf e 100 f >/dev/null
for i in $(seq 1 200); do $C zadd bigz $i.5 m$i >/dev/null; done
$C zadd bigz inf top -inf bottom >/dev/null
$C hset smallh f1 v1 f2 2 f3 "" num 123456789012 >/dev/null
for i in $(seq 1 200); do $C hset bigh f$i v$i >/dev/null; done
$C xadd s 1-1 a 1 b 2 >/dev/null; $C xadd s 1-2 a 3 b 4 >/dev/null; $C xadd s 2-0 c 5 >/dev/null
$C xadd s 3-0 a 6 b 7 >/dev/null; $C xdel s 1-2 >/dev/null
$C xgroup create s g1 0 >/dev/null; $C xreadgroup group g1 alice count 2 streams s ">" >/dev/null
$C xgroup create s g2 '$' >/dev/null
$C -n 2 lpush otherdb x >/dev/null
$C save >/dev/null; cp $D/dump.rdb $D/types.rdb
$C flushall >/dev/null
# function.rdb: one function library and one string
$C function load "#!lua name=mylib
redis.register_function('myfunc', function(keys, args) return 1 end)" >/dev/null
$C set k v >/dev/null
$C save >/dev/null; cp $D/dump.rdb $D/function.rdb
$C function flush >/dev/null
$C flushall >/dev/null
