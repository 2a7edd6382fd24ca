#!/bin/sh
# Builds the benchmarks and runs IrLoopBenchmark with short settings, then prints the three
# numbers the backend is judged by: interpreter IR ops/s, JIT/Java and interpreter/Java time ratios.
# Extra arguments go to JMH. The benchmarks need Java 21+; the first such java found is used:
# $JAVA, then $JAVA_HOME/bin/java, java on the PATH, /usr/lib/jvm/*/bin/java.
set -e
cd "$(dirname "$0")/.."

major() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
for candidate in "$JAVA" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(major "$candidate")" -ge 21 ] 2>/dev/null; then
        java="$candidate"
        break
    fi
done
if [ -z "$java" ]; then
    echo "run-backend.sh: no Java 21 or later found; set JAVA to one" >&2
    exit 1
fi

mvn -q -pl bench -am package -DskipTests
json=bench/target/backend.json
"$java" -jar bench/target/benchmarks.jar IrLoopBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1 -rf json -rff "$json" "$@"
python3 - "$json" <<'PY'
import json, sys
score = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open(sys.argv[1]))}
print("interpreter: %.1f million IR ops/s" % (score["interpreter"] / 1e6))
print("JIT/Java time ratio: %.2f" % (score["java"] / score["jit"]))
print("interpreter/Java time ratio: %.2f" % (score["java"] / score["interpreter"]))
PY
