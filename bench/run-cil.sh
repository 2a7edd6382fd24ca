#!/usr/bin/env bash
# Runs the C# benchmarks (bench/cil/*.cs, compiled by `mcs -optimize+`) on mono and on Mimic's CLI
# machine (`./mimic cil`, tiered), in one run; checks that both print the same and prints a table:
# program, argument, mono and Mimic seconds and their ratio (Mimic/mono), wall-clock and CPU (user +
# system, which a machine loaded by other work distorts less), then the geometric means of the
# ratios. Arguments name a subset (`NBody Mandelbrot`). Times include each runtime's start-up
# (Mimic: the JVM and loading mscorlib's metadata). A Mimic run longer than $MIMIC_TIMEOUT seconds
# (default 300) is stopped and reported as a timeout.
set -u
limit=${MIMIC_TIMEOUT:-300}
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out="$root/bench/target/cil"
mkdir -p "$out"

for tool in mcs mono; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "run-cil.sh: $tool is needed (Debian: apt-get install mono-mcs mono-runtime)" >&2
        exit 2
    fi
done
# Builds Mimic if needed, before anything is timed.
"$root/mimic" --version >/dev/null || exit 2

# The problem size of each program: large enough that start-up is not most of the time.
declare -A size=([NBody]=2000000 [SpectralNorm]=1500 [Fannkuch]=10 [BinaryTrees]=16 [Mandelbrot]=3000)
if [ $# -gt 0 ]; then
    programs=("$@")
else
    programs=(NBody SpectralNorm Fannkuch BinaryTrees Mandelbrot)
fi

now() { date +%s.%N; }
# Runs a command (stdout to $1) and prints the CPU seconds it and its children used.
cpu() {
    python3 -c 'import resource, subprocess, sys
status = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "w")).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime)
sys.exit(status)' "$@"
}

results="$out/results.tsv"
: > "$results"
for p in "${programs[@]}"; do
    n=${size[$p]:-}
    if [ -z "$n" ] || ! mcs -optimize+ -out:"$out/$p.exe" "$root/bench/cil/$p.cs" > "$out/$p.mcs.log" 2>&1; then
        echo "run-cil.sh: cannot build $p (see $out/$p.mcs.log)" >&2
        exit 2
    fi
    echo "running $p $n..." >&2
    t0=$(now)
    c1=$(cpu "$out/$p.mono.out" mono "$out/$p.exe" "$n")
    t1=$(now)
    c2=$(cd "$root" && cpu "$out/$p.mimic.out" timeout "$limit" ./mimic cil "$out/$p.exe" "$n" 2> "$out/$p.mimic.err")
    status=$?
    t2=$(now)
    if [ $status -eq 124 ]; then
        printf '%s\t%s\ttimeout\n' "$p" "$n" >> "$results"
    elif [ $status -ne 0 ]; then
        echo "run-cil.sh: mimic failed on $p (status $status):" >&2
        cat "$out/$p.mimic.err" >&2
        exit 1
    else
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$n" "$t0" "$t1" "$t2" "$c1" "$c2" >> "$results"
    fi
done

python3 - "$results" "$out" <<'PY'
import math, sys

results, out = sys.argv[1], sys.argv[2]
rows, notes, failed = [], [], False
for line in open(results):
    fields = line.rstrip('\n').split('\t')
    if fields[2] == 'timeout':
        failed = True
        notes.append(f'{fields[0]}: Mimic did not finish within the time limit (MIMIC_TIMEOUT)')
        continue
    name, n, t0, t1, t2, c1, c2 = fields
    mono, mimic = float(t1) - float(t0), float(t2) - float(t1)
    mono_cpu, mimic_cpu = float(c1), float(c2)
    if open(f'{out}/{name}.mono.out').read() != open(f'{out}/{name}.mimic.out').read():
        failed = True
        notes.append(f'{name}: OUTPUT DIFFERS (see {out}/{name}.mono.out and {name}.mimic.out)')
    rows.append((name, n, mono, mimic, mimic / mono, mono_cpu, mimic_cpu, mimic_cpu / mono_cpu))

print(f'{"program":<13} {"n":>8} {"mono s":>8} {"mimic s":>8} {"ratio":>7} {"mono cpu":>9} {"mimic cpu":>9} {"ratio":>7}')
for name, n, mono, mimic, ratio, mono_cpu, mimic_cpu, cpu_ratio in rows:
    print(f'{name:<13} {n:>8} {mono:8.2f} {mimic:8.2f} {ratio:7.2f} {mono_cpu:9.2f} {mimic_cpu:9.2f} {cpu_ratio:7.2f}')
if rows:
    mean = math.exp(sum(math.log(r[4]) for r in rows) / len(rows))
    cpu_mean = math.exp(sum(math.log(r[7]) for r in rows) / len(rows))
    print(f'geometric mean of the ratios (Mimic/mono): wall {mean:.2f}, CPU {cpu_mean:.2f}')
for n in notes:
    print('note: ' + n)
sys.exit(1 if failed else 0)
PY
