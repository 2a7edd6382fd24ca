#!/usr/bin/env bash
# Runs CPU-bound busybox work (Debian's busybox-static:i386) natively, under qemu-i386 (Debian's
# qemu-user) and under `./mimic x86-user` (tiered), in one run; checks that all three print the same
# and prints a table: workload, seconds for each, the Mimic/qemu ratio, then the geometric mean of
# the ratios. Times are wall-clock and include start-up (the JVM's for Mimic).
#
# Workloads: sha256sum, gzip -c and bzip2 -c of a $SIZE_MB MiB file (default 64) of half random,
# half repetitive text; sort of a generated text of $SORT_LINES lines (default 400000); an awk
# floating-point loop of $AWK_ITERATIONS steps (default 1000000). Debian's busybox awk is built
# without sin, exp and log, and the loop's sums are exact in doubles: Mimic's x87 computes in
# doubles, not 80 bits, so a loop of inexact sums differs from the hardware in its last digits. Arguments name a subset
# (`sha256 awk`). A run longer than $TIMEOUT seconds (default 900) is reported as a timeout.
set -uf  # no globbing: workloads are split on spaces and contain *
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out="$root/bench/target/x86"
size_mb=${SIZE_MB:-64}
sort_lines=${SORT_LINES:-400000}
awk_iterations=${AWK_ITERATIONS:-1000000}
limit=${TIMEOUT:-900}
mkdir -p "$out"

if ! command -v qemu-i386 >/dev/null 2>&1; then
    echo "run-x86.sh: qemu-i386 is needed (Debian: apt-get install qemu-user)" >&2
    exit 2
fi
if ! bash "$root/isa-x86/src/test/resources/x86/busybox/fetch-busybox.sh" "$out/busybox" >&2; then
    echo "run-x86.sh: cannot fetch busybox-static:i386" >&2
    exit 2
fi
busybox="$out/busybox/bin/busybox"
# Builds Mimic if needed, before anything is timed.
"$root/mimic" --version >/dev/null || exit 2

data="$out/data-${size_mb}m.bin"
if [ ! -f "$data" ]; then
    echo "generating $data..." >&2
    half=$((size_mb * 512 * 1024))
    { openssl enc -aes-128-ctr -pass pass:mimic -nosalt -pbkdf2 < /dev/zero 2>/dev/null | head -c "$half"
      seq -f 'line %g of the repetitive half of the benchmark input' 1 10000000 | head -c "$half"; } > "$data"
fi
text="$out/sort-${sort_lines}.txt"
if [ ! -f "$text" ]; then
    awk -v n="$sort_lines" 'BEGIN { srand(1); for (i = 0; i < n; i++) printf "%08d %s %.4f\n", int(rand() * 1e8), substr("qwertyuiopasdfghjklzxcvbnm", 1 + int(rand() * 20), 6), rand() }' > "$text"
fi

declare -A commands=(
    [sha256]="sha256sum $data"
    [gzip]="gzip -c $data"
    [bzip2]="bzip2 -c $data"
    [sort]="sort $text"
    [awk]="awk BEGIN{for(i=1;i<=$awk_iterations;i++){s+=i%7*0.25;t+=i/4;u=u*0.5+i};printf(\"%.6f,%.3f,%.6e\\n\",s,t,u)}"
)
order=(sha256 gzip bzip2 sort awk)
if [ $# -gt 0 ]; then
    order=("$@")
fi

# time_run NAME TAG RUNNER...: runs busybox with the workload's arguments; prints "wall cpu" seconds
# (cpu is user plus system time of the process and its threads), or "timeout"/"failed".
time_run() {
    local name=$1 tag=$2
    shift 2
    local status
    # shellcheck disable=SC2086 # the workload's arguments are split on purpose
    { TIMEFORMAT='%R %U %S'; time timeout "$limit" "$@" $workload > "$out/$name.$tag.out" 2> "$out/$name.$tag.err"; } 2> "$out/$name.$tag.time"
    status=$?
    if [ $status -eq 124 ]; then
        echo timeout
    elif [ $status -ne 0 ]; then
        echo failed
    else
        awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$out/$name.$tag.time"
    fi
}

# Each cell is wall-clock seconds / CPU seconds; the ratio is of CPU seconds, which a busy machine
# disturbs less (Mimic's CPU time includes the JVM's compiler and GC threads).
printf '%-8s %15s %15s %17s %11s\n' workload native qemu-i386 mimic mimic/qemu
ratios=()
for name in "${order[@]}"; do
    workload=${commands[$name]:-}
    if [ -z "$workload" ]; then
        echo "run-x86.sh: no workload '$name' (have: ${!commands[*]})" >&2
        exit 2
    fi
    echo "running $name..." >&2
    native=$(time_run "$name" native "$busybox")
    qemu=$(time_run "$name" qemu qemu-i386 "$busybox")
    mimic=$(time_run "$name" mimic "$root/mimic" x86-user -- "$busybox")
    if [[ $qemu =~ ^[0-9.\ ]+$ ]] && ! cmp -s "$out/$name.native.out" "$out/$name.qemu.out"; then
        echo "run-x86.sh: $name under qemu-i386 printed something else than natively (see $out/$name.qemu.out)" >&2
        qemu=mismatch
    fi
    if [[ $mimic =~ ^[0-9.\ ]+$ ]] && ! cmp -s "$out/$name.native.out" "$out/$name.mimic.out"; then
        echo "run-x86.sh: $name under mimic printed something else than natively (see $out/$name.mimic.out)" >&2
        mimic=mismatch
    fi
    ratio=-
    if [[ $qemu =~ ^[0-9.\ ]+$ && $mimic =~ ^[0-9.\ ]+$ ]]; then
        ratio=$(awk -v m="${mimic#* }" -v q="${qemu#* }" 'BEGIN { printf "%.2f", m / q }')
        ratios+=("$ratio")
    fi
    printf '%-8s %15s %15s %17s %11s\n' "$name" "${native/ / / }" "${qemu/ / / }" "${mimic/ / / }" "$ratio"
done
if [ ${#ratios[@]} -gt 0 ]; then
    printf '%s\n' "${ratios[@]}" | awk '{ s += log($1); n++ } END { printf "geometric mean of mimic/qemu (CPU time): %.2f\n", exp(s / n) }'
fi
