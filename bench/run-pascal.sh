#!/usr/bin/env bash
# Runs the Pascal benchmarks (bench/pascal/*.pas) natively, compiled by `fpc -Miso -O2`, and on
# Mimic's p-machine (`./mimic pascal --stats`, tiered), in one run; checks that both print the same
# and prints a table: program, native seconds, Mimic seconds, ratio, Mimic p-instructions per
# second, then the geometric mean of the ratios. Arguments name a subset (`sieve dhry`).
#
# In an output that prints reals, numbers are compared within 0.1%: fpc computes with x87 extended
# intermediates while the p-machine, like C with doubles, uses IEEE doubles, so the last digits of
# reals (and counts decided by real comparisons) may differ. Such a difference is reported as a
# note; any other difference fails the run (exit status 1). A Mimic
# run longer than $MIMIC_TIMEOUT seconds (default 300) is stopped and reported as a timeout.
set -u
limit=${MIMIC_TIMEOUT:-300}
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out="$root/bench/target/pascal"
mkdir -p "$out"

if ! command -v fpc >/dev/null 2>&1; then
    echo "run-pascal.sh: fpc (Free Pascal) is needed for the native times (Debian: apt-get install fpc)" >&2
    exit 2
fi
# Builds Mimic if needed, before anything is timed.
"$root/mimic" --version >/dev/null || exit 2

if [ $# -gt 0 ]; then
    programs=("$@")
else
    programs=()
    for f in "$root"/bench/pascal/*.pas; do
        programs+=("$(basename "$f" .pas)")
    done
fi

now() { date +%s.%N; }
# `{ time ...; } 2>file` writes the user and system CPU seconds of what it ran.
TIMEFORMAT='%3U %3S'
cpu() { awk '{ print $1 + $2 }' "$1"; }

results="$out/results.tsv"
: > "$results"
for p in "${programs[@]}"; do
    src="$root/bench/pascal/$p.pas"
    if ! fpc -Miso -O2 -FE"$out" "$src" > "$out/$p.fpc.log" 2>&1; then
        echo "run-pascal.sh: fpc failed on $p.pas; see $out/$p.fpc.log" >&2
        exit 2
    fi
    echo "running $p..." >&2
    t0=$(now)
    { time "$out/$p" > "$out/$p.native.out"; } 2> "$out/$p.native.time"
    t1=$(now)
    { time (cd "$root" && timeout "$limit" ./mimic pascal --stats "$src" > "$out/$p.mimic.out" 2> "$out/$p.mimic.err"); } \
        2> "$out/$p.mimic.time"
    status=$?
    t2=$(now)
    if [ $status -eq 124 ]; then
        printf '%s\ttimeout\n' "$p" >> "$results"
        continue
    elif [ $status -ne 0 ]; then
        echo "run-pascal.sh: mimic failed on $p.pas (status $status):" >&2
        cat "$out/$p.mimic.err" >&2
        exit 1
    fi
    insns=$(sed -n 's/^guest instructions: *//p' "$out/$p.mimic.err" | tr -d ',')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$t0" "$t1" "$t2" "${insns:-0}" \
        "$(cpu "$out/$p.native.time")" "$(cpu "$out/$p.mimic.time")" >> "$results"
done

python3 - "$results" "$out" <<'PY'
import math, re, sys

results, out = sys.argv[1], sys.argv[2]
NUMBER = re.compile(r'^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$')

def is_real(token):
    return NUMBER.match(token) is not None and ('.' in token or 'e' in token.lower())

def compare(native, mimic):
    """'same', 'reals' (only numbers differ, slightly, in an output that prints reals: the
    x87-versus-double difference, which also moves integers counted from real comparisons,
    like fpkernel's points inside the Mandelbrot set) or 'different'."""
    a, b = native.split(), mimic.split()
    if a == b:
        return 'same'
    if len(a) != len(b) or not any(is_real(t) for t in a):
        return 'different'
    for x, y in zip(a, b):
        if x == y:
            continue
        if not (NUMBER.match(x) and NUMBER.match(y)):
            return 'different'
        fx, fy = float(x), float(y)
        if abs(fx - fy) > 1e-3 * max(abs(fx), abs(fy)):
            return 'different'
    return 'reals'

rows, notes, failed = [], [], False
for line in open(results):
    fields = line.rstrip('\n').split('\t')
    if fields[1] == 'timeout':
        failed = True
        notes.append(f'{fields[0]}: Mimic did not finish within the time limit (MIMIC_TIMEOUT)')
        continue
    name, t0, t1, t2, insns, native_cpu, mimic_cpu = fields
    native, mimic = float(t1) - float(t0), float(t2) - float(t1)
    native_cpu, mimic_cpu = max(float(native_cpu), 0.01), float(mimic_cpu)
    verdict = compare(open(f'{out}/{name}.native.out').read(), open(f'{out}/{name}.mimic.out').read())
    if verdict == 'different':
        failed = True
        notes.append(f'{name}: OUTPUT DIFFERS (see {out}/{name}.native.out and {name}.mimic.out)')
    elif verdict == 'reals':
        notes.append(f'{name}: numbers differ slightly (fpc: x87 extended intermediates; Mimic: IEEE doubles)')
    rows.append((name, native, mimic, mimic / native, native_cpu, mimic_cpu, mimic_cpu / native_cpu,
                 int(insns) / mimic))

print(f'{"":<10} {"---------- wall seconds ----------":>34} {"----------- CPU seconds ----------":>35}')
print(f'{"program":<10} {"native":>9} {"mimic":>9} {"ratio":>7}    {"native":>9} {"mimic":>9} {"ratio":>7}'
      f'  {"mimic p-insn/s":>15}')
for name, native, mimic, ratio, native_cpu, mimic_cpu, cpu_ratio, rate in rows:
    print(f'{name:<10} {native:9.2f} {mimic:9.2f} {ratio:7.2f}    {native_cpu:9.2f} {mimic_cpu:9.2f} {cpu_ratio:7.2f}'
          f'  {rate / 1e6:11.0f} M/s')
if rows:
    def mean(k):
        return math.exp(sum(math.log(r[k]) for r in rows) / len(rows))
    print(f'geometric mean of the ratios: {mean(3):.2f} (wall), {mean(6):.2f} (CPU)')
for n in notes:
    print('note: ' + n)
sys.exit(1 if failed else 0)
PY
