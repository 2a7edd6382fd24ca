#!/usr/bin/env bash
# Runs gforth's own benchmarks (siev, bubble, matrix, fib from gforth-common) on Mimic's Forth
# machine (`./mimic forth`, tiered) and on gforth-fast, in one run: each program's MAIN is repeated
# enough times to run for seconds, both systems are measured the same way (process start to exit, so
# Mimic's figures include its JVM start, about half a second), and a table prints program, repeats,
# then for gforth-fast and Mimic the wall seconds and the CPU seconds (user + sys, which a loaded
# host distorts less; Mimic's include its JIT compiler threads), and the ratios Mimic/gforth-fast
# of both (below 1 means Mimic is faster), then the geometric means of the ratios. Arguments name a
# subset (`siev fib`); SCALE multiplies the repeat counts (default 1).
set -u
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
programs_dir=${GFORTH_BENCH_DIR:-/usr/share/gforth/0.7.3}
scale=${SCALE:-1}

if ! command -v gforth-fast >/dev/null 2>&1 || [ ! -f "$programs_dir/siev.fs" ]; then
    echo "run-forth.sh: gforth-fast and its benchmark programs are needed (Debian: apt-get install gforth)" >&2
    exit 2
fi
# Builds Mimic if needed, before anything is timed.
"$root/mimic" --version >/dev/null || exit 2

# Repeats of MAIN per program, so that gforth-fast runs each for a few seconds.
declare -A repeats=([siev]=20 [bubble]=12 [matrix]=25 [fib]=15)
if [ $# -gt 0 ]; then programs=("$@"); else programs=(siev bubble matrix fib); fi

measure() {  # command... : "wall cpu" seconds of one run (bash's time), its output discarded
    local TIMEFORMAT='%R %U %S' t
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || return 1
    echo "$t" | awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }'
}

printf '%-8s %8s %11s %11s %11s %11s %7s %7s\n' program repeats gforth-wall mimic-wall gforth-cpu mimic-cpu wall× cpu×
walls=()
cpus=()
for p in "${programs[@]}"; do
    n=$(( ${repeats[$p]:-10} * scale ))
    run=": bench-repeat $n 0 do main loop ; bench-repeat bye"
    read -r gw gc < <(measure gforth-fast "$programs_dir/$p.fs" -e "$run") || { echo "$p: gforth-fast failed" >&2; exit 1; }
    read -r mw mc < <(measure "$root/mimic" forth "$programs_dir/$p.fs" -e "$run") || { echo "$p: mimic failed" >&2; exit 1; }
    [ -n "${gw:-}" ] && [ -n "${mw:-}" ] || { echo "$p: a run failed" >&2; exit 1; }
    rw=$(echo "$mw / $gw" | bc -l)
    rc=$(echo "$mc / $gc" | bc -l)
    walls+=("$rw")
    cpus+=("$rc")
    printf '%-8s %8d %11.2f %11.2f %11.2f %11.2f %7.2f %7.2f\n' "$p" "$n" "$gw" "$mw" "$gc" "$mc" "$rw" "$rc"
done
geomean() { awk '{ s += log($1); n++ } END { printf "%.2f", exp(s / n) }'; }
echo "geometric mean of the ratios: wall $(printf '%s\n' "${walls[@]}" | geomean), cpu $(printf '%s\n' "${cpus[@]}" | geomean)"
