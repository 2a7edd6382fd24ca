#!/usr/bin/env bash
# Boots Debian's i386 kernel (linux-image-686) with a busybox-static initramfs on `./mimic x86` and on
# `qemu-system-i386 -accel tcg` with the same flags, in one run:
#   -m 256 -kernel vmlinuz -initrd initramfs -append "console=ttyS0 quiet" -nographic -no-reboot
# and drives both over the serial console (stdin/stdout): the time from start to the shell's prompt,
# then an in-guest `sha256sum` of a $SIZE_MB MiB file (default 32) that the guest writes into its RAM
# disk first (deterministic text from `yes`, not timed). Both guests must print the same digest.
# Prints a table: phase, then wall-clock / CPU seconds (user + system of the emulator process, read
# from /proc when the marker appears) for each, and the Mimic/QEMU ratio of CPU seconds, which a
# busy machine disturbs less. Mimic's times include the JVM's start-up, compiler and GC threads.
# A phase longer than $TIMEOUT seconds (default 900) stops the run.
set -u
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out="$root/bench/target/pc"
size_mb=${SIZE_MB:-32}
limit=${TIMEOUT:-900}
ready="mimic: busybox shell"
mkdir -p "$out"

for tool in qemu-system-i386 cpio; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-pc.sh: $tool is needed (Debian: apt-get install qemu-system-x86 cpio)" >&2
        exit 2
    fi
done
"$root/scripts/fetch-debian-kernel" >&2
kernel=$(ls "$root"/pc/target/debian-kernel/boot/vmlinuz-* 2>/dev/null | head -n1)
if [ -z "$kernel" ]; then
    echo "run-pc.sh: no Debian kernel in pc/target/debian-kernel (scripts/fetch-debian-kernel needs the i386 dpkg architecture)" >&2
    exit 2
fi
if ! bash "$root/isa-x86/src/test/resources/x86/busybox/fetch-busybox.sh" "$out/busybox" >&2; then
    echo "run-pc.sh: cannot fetch busybox-static:i386" >&2
    exit 2
fi
# Builds Mimic if needed, before anything is timed.
"$root/mimic" --version >/dev/null || exit 2

initramfs="$out/initramfs.cpio"
rm -rf "$out/root"
mkdir -p "$out/root/bin" "$out/root/proc" "$out/root/dev" "$out/root/tmp"
cp "$out/busybox/bin/busybox" "$out/root/bin/"
cat > "$out/root/init" <<EOF
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
echo "$ready"
exec sh
EOF
chmod 755 "$out/root/init"
(cd "$out/root" && find . | cpio -o -H newc --quiet) > "$initramfs"

ticks=$(getconf CLK_TCK)
# cpu_seconds PID: user + system time of the process and its threads so far.
cpu_seconds() {
    awk -v t="$ticks" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / t }' "/proc/$1/stat"
}

# await MARKER: reads the guest's console until a line contains MARKER; false on timeout or end.
await() {
    local line deadline=$((SECONDS + limit))
    while [ $SECONDS -lt $deadline ]; do
        if ! IFS= read -r -t $((deadline - SECONDS)) line <&"${GUEST[0]}"; then
            return 1
        fi
        line=${line%$'\r'}
        printf '%s\n' "$line" >> "$log"
        if [[ $line == *"$1"* ]]; then
            last_line=$line
            return 0
        fi
    done
    return 1
}

# run_guest TAG COMMAND...: boots, times the phases; sets boot_cell, sha_cell, digest ("failed" on a problem).
run_guest() {
    local tag=$1
    shift
    log="$out/$tag.console"
    : > "$log"
    boot_cell=failed sha_cell=failed digest=-
    local start
    start=$(date +%s.%N)
    coproc GUEST { exec "$@" 2> "$out/$tag.err"; }
    local pid=$GUEST_PID
    if await "$ready"; then
        boot_cell="$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }') $(cpu_seconds "$pid")"
        echo "yes 'a line of the benchmark file for sha256sum' | head -c $((size_mb << 20)) > /tmp/data; echo data-\"ready\"" >&"${GUEST[1]}"
        if await "data-ready"; then
            local wall0 cpu0
            wall0=$(date +%s.%N)
            cpu0=$(cpu_seconds "$pid")
            echo "sha256sum /tmp/data; echo sha256-\"done\"" >&"${GUEST[1]}"
            if await "  /tmp/data" && digest=${last_line%% *} && await "sha256-done"; then
                sha_cell=$(awk -v s="$wall0" -v e="$(date +%s.%N)" -v c0="$cpu0" -v c1="$(cpu_seconds "$pid")" \
                    'BEGIN { printf "%.2f %.2f", e - s, c1 - c0 }')
            fi
        fi
    fi
    echo "poweroff -f" >&"${GUEST[1]}" 2>/dev/null
    sleep 2
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

flags=(-m 256 -kernel "$kernel" -initrd "$initramfs" -append "console=ttyS0 quiet" -nographic -no-reboot)
echo "booting on qemu-system-i386..." >&2
run_guest qemu qemu-system-i386 -accel tcg "${flags[@]}"
qemu_boot=$boot_cell qemu_sha=$sha_cell qemu_digest=$digest
echo "booting on mimic..." >&2
run_guest mimic "$root/mimic" x86 "${flags[@]}"
mimic_boot=$boot_cell mimic_sha=$sha_cell mimic_digest=$digest
if [ "$qemu_digest" != "$mimic_digest" ]; then
    echo "run-pc.sh: the guests' sha256sum differ: qemu $qemu_digest, mimic $mimic_digest (consoles in $out)" >&2
    mimic_sha=mismatch
fi

ratio() {
    if [[ $1 =~ ^[0-9.]+\ [0-9.]+$ && $2 =~ ^[0-9.]+\ [0-9.]+$ ]]; then
        awk -v m="${2#* }" -v q="${1#* }" 'BEGIN { printf "%.2f", m / q }'
    else
        echo -
    fi
}
printf '%-22s %17s %17s %11s\n' phase qemu-system-i386 mimic mimic/qemu
printf '%-22s %17s %17s %11s\n' "boot to shell" "${qemu_boot/ / / }" "${mimic_boot/ / / }" "$(ratio "$qemu_boot" "$mimic_boot")"
printf '%-22s %17s %17s %11s\n' "sha256sum ${size_mb} MiB" "${qemu_sha/ / / }" "${mimic_sha/ / / }" "$(ratio "$qemu_sha" "$mimic_sha")"
echo "(wall / CPU seconds; ratio of CPU seconds; load average $(cut -d' ' -f1-3 /proc/loadavg))"
