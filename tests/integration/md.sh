#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Integration test: md RAID5 and RAID6 over six 64 MiB file-backed UML
# block devices (four members, two spares), first with the xor/pq work
# offloaded to the simulated scatter-gather controller, then with no
# offload channel at all.  Every read-back must match byte for byte, every
# parity check must find no mismatch, and with offload the controller's
# channels must have moved bytes.

set -uo pipefail
. "$(dirname "$0")/../harness/lib.sh"

# run_md NAME [kernel args...]
run_md() {
	local name=$1 res=$BUILD/integration/md-$1 disks=() i
	shift
	mkdir -p "$BUILD/integration/disks"
	for i in 0 1 2 3 4 5; do
		local img=$BUILD/integration/disks/$name-$i.img
		rm -f "$img"
		truncate -s 64M "$img"
		disks+=("ubd$i=$img")
	done
	say "md ($name): booting the guest"
	if ! "$ROOT/tests/harness/uml.sh" boot "$ROOT/tests/integration/guest-md.sh" "$res" \
		"${disks[@]}" "$@"; then
		tail -n 30 "$res.console" >&2
		echo "md ($name): the guest did not finish" >&2
		record "md-$name" 0 1
		return 1
	fi
	rm -f "$BUILD"/integration/disks/"$name"-*.img

	# Upstream's raid6test ran at boot (late_initcall) in the same guest.
	local r6
	r6=$(grep -E 'raid6test: complete' "$res/dmesg" | tail -n 1)
	if grep -qE '\(([0-9]+) tests, 0 failures\)' <<<"$r6"; then
		say "raid6test ($name): ${r6#*raid6test: }"
		record "raid6test-$name" 1 0
	else
		echo "raid6test ($name): ${r6:-no result in the kernel log}" >&2
		record "raid6test-$name" 0 1
	fi

	local passed failed
	passed=$(grep -c ' ok$' "$res/md.results")
	failed=$(grep -vc ' ok$' "$res/md.results")
	grep -v ' ok$' "$res/md.results" >&2
	say "md ($name): $passed steps passed, $failed failed"
	record "md-$name" "$passed" "$failed"
	[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
}

. "$ROOT/tests/uml/lib-md.sh"

status=0
run_md offload || status=1
off=$BUILD/integration/md-offload
if [ -f "$off/channels.after" ]; then
	bytes=$(md_bytes_moved "$off/channels.before" "$off/channels.after")
	if [ "$bytes" -gt 0 ]; then
		say "md (offload): the controller moved $bytes bytes"
		record md-offload-counters 1 0
	else
		echo "md (offload): no DMA channel moved any data" >&2
		record md-offload-counters 0 1
		status=1
	fi
fi
run_md cpu sgdma_sim.default_channels=0 || status=1
exit "$status"
