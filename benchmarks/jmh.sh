#!/usr/bin/env bash
# Runs the JMH benchmarks of the hot path. Every argument goes to JMH, e.g.
#   benchmarks/jmh.sh                                   # everything, with the defaults in the classes
#   benchmarks/jmh.sh Dispatch -prof gc                 # one class, with allocation per operation
#   benchmarks/jmh.sh -f 1 -wi 2 -i 3 -w 1s -r 1s       # short settings for a busy machine
#   benchmarks/jmh.sh -l                                # list the benchmarks
# Set JMH_REBUILD=1 to rebuild the jar even when it looks up to date.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"

java_feature() { # prints the feature version of the java at $1, or nothing
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java25() {
    local candidates=()
    [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
    candidates+=(/usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*-2[5-9]*/bin/java /usr/lib/jvm/*-[3-9][0-9]*/bin/java
                 /opt/java/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java)
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    local c v
    for c in "${candidates[@]}"; do
        [[ -x "$c" ]] || continue
        v="$(java_feature "$c")"
        if [[ -n "$v" && "$v" -ge 25 ]]; then
            echo "$c"
            return 0
        fi
    done
    return 1
}

JAVA="$(find_java25)" || { echo "jmh.sh: no JDK 25 or later found (set JAVA_HOME)" >&2; exit 1; }

# Rebuild when the jar is missing or older than any source or pom it is made of.
stale=0
if [[ ! -f "$jar" || -n "${JMH_REBUILD:-}" ]]; then
    stale=1
elif [[ -n "$(find "$root/pom.xml" "$here/pom.xml" "$here/src" "$root"/redis-domain/src/main "$root"/redis-domain/pom.xml \
        "$root"/redis-application/src/main "$root"/redis-application/pom.xml \
        "$root"/redis-adapter-net/src/main "$root"/redis-adapter-net/pom.xml -newer "$jar" -print -quit)" ]]; then
    stale=1
fi
if (( stale )); then
    echo "jmh.sh: building $jar" >&2
    # -am builds the modules it depends on in the same reactor (nothing is installed to ~/.m2).
    (cd "$root" && mvn -B -q -o -DskipTests -pl benchmarks -am package) >&2
fi

# JMH itself still uses sun.misc.Unsafe, which JDK 25 warns about; the benchmarks do not.
exec "$JAVA" --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar "$jar" "$@"
