#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sparse (C=2) over every project C file built into the KUnit kernel.
# Needs the KUnit build (make kunit) to exist; any warning fails.

set -euo pipefail
. "$(dirname "$0")/lib.sh"
out=${KUNIT_BUILD:-$BUILD/kunit}
lock_or_reexec "$(basename "$out")" "$@"
"$ROOT/tests/harness/overlay.sh"

[ -f "$out/.config" ] || die "no KUnit build in $out: run 'make kunit' first"

targets=()
skipped=()
for f in $(project_c_files | grep '\.c$'); do
	obj=${f%.c}.o
	if [ -f "$out/$obj" ]; then
		targets+=("$obj")
	else
		skipped+=("$f")
	fi
done
[ "${#skipped[@]}" = 0 ] || say "sparse: not built in this config: ${skipped[*]}"
[ "${#targets[@]}" -gt 0 ] || { say "sparse: nothing to check"; exit 0; }

log=$BUILD/sparse.log
make -s -C "$LINUX" O="$out" ARCH=um C=2 -j"$JOBS" "${targets[@]}" > "$log" 2>&1 || {
	cat "$log"
	die "sparse: build failed"
}
if grep -E 'warning:|error:' "$log"; then
	say "sparse: findings (see above)"
	record sparse 0 1
	exit 1
fi
say "sparse: ${#targets[@]} files clean"
record sparse 1 0
