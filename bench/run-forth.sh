#!/usr/bin/env bash
# Runs gforth's own benchmarks (siev, bubble, matrix, fib from gforth-common) on Mimic's Forth
# machine (`./mimic forth`, tiered) and on gforth-fast, in one run: each program's MAIN is repeated
# enough times to run for seconds, both systems' wall times are measured the same way (process
# start to exit, so Mimic's figure includes its JVM start, about half a second), and a table prints
# program, repeats, gforth-fast seconds, Mimic seconds, the ratio Mimic/gforth-fast (below 1 means
# Mimic is faster), then the geometric mean of the ratios. Arguments name a subset (`siev fib`);
# SCALE multiplies the repeat counts (default 1).
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

seconds() {  # command... : wall seconds of one run, its output discarded; fails with the command
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || return 1
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

printf '%-8s %8s %12s %12s %8s\n' program repeats gforth-fast mimic ratio
ratios=()
for p in "${programs[@]}"; do
    n=$(( ${repeats[$p]:-10} * scale ))
    run=": bench-repeat $n 0 do main loop ; bench-repeat bye"
    g=$(seconds gforth-fast "$programs_dir/$p.fs" -e "$run") || { echo "$p: gforth-fast failed" >&2; exit 1; }
    m=$(seconds "$root/mimic" forth "$programs_dir/$p.fs" -e "$run") || { echo "$p: mimic failed" >&2; exit 1; }
    r=$(echo "$m / $g" | bc -l)
    ratios+=("$r")
    printf '%-8s %8d %12.2f %12.2f %8.2f\n' "$p" "$n" "$g" "$m" "$r"
done
printf '%s\n' "${ratios[@]}" | awk '{ s += log($1); n++ } END { printf "geometric mean of the ratios: %.2f\n", exp(s / n) }'
