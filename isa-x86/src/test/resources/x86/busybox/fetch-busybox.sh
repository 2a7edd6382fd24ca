#!/usr/bin/env bash
# Puts Debian's busybox-static:i386 binary at DIR/bin/busybox (for isa-x86's BusyboxTest).
# Needs the i386 architecture in dpkg (scripts/test adds it as root); prints why on failure.
set -euo pipefail
dir=$1
[ -x "$dir/bin/busybox" ] && exit 0
mkdir -p "$dir/download"
cd "$dir/download"
apt-get download busybox-static:i386 >/dev/null 2>&1 || { echo "cannot download busybox-static:i386 (run scripts/test as root once: it adds the i386 architecture)"; exit 1; }
dpkg-deb -x busybox-static_*_i386.deb "$dir/extract"
mkdir -p "$dir/bin"
cp "$dir/extract/bin/busybox" "$dir/bin/busybox"
