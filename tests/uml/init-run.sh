#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of the `make run` guest: show the subsystem at work.  The channels
# the simulated controllers registered; upstream's dmatest on the private
# scatter-gather instance; an md RAID6 array whose parity is offloaded to
# the public instance through async_tx; the cyclic controller's ring and
# 2-D frame demonstrations.  Everything goes to $OUT/summary.txt.

. "$PROJECT/tests/uml/lib-guest.sh"
guest_setup
. "$PROJECT/tests/uml/lib-md.sh"
md_setup

show_channels() {
	printf '  %-11s %-9s %6s %14s\n' channel device in_use bytes_moved
	guest_list_channels | while read -r name dev use bytes; do
		printf '  %-11s %-9s %6s %14s\n' "$name" "$dev" "$use" "$bytes"
	done
}

demo_dmatest() {
	local P=/sys/module/dmatest/parameters dev
	dev=$(for c in /sys/class/dma/*; do
		[ "$(cat "$c/in_use")" = 0 ] && basename "$(readlink -f "$c/device")"
	done | grep sgdma | head -n 1)
	[ -d $P ] && [ -n "$dev" ] || { echo "  (no free scatter-gather instance)"; return; }
	echo "$dev" > $P/device
	echo 1 > $P/threads_per_chan
	echo 200 > $P/iterations
	echo > $P/channel
	dmesg -C
	echo 1 > $P/run
	cat $P/wait > /dev/null
	# "dma1chan0-copy0: summary 200 tests, 0 failures 1.2 iops 345 KB/s"
	dmesg | grep -oE 'dma[0-9]+chan[0-9]+-[a-z]+[0-9]+: summary .* KB/s' |
		awk '{ printf "  %-16s %s tests, %s failures, %s KB/s\n", $1, $3, $5, $9 }' |
		sort
}

demo_md() {
	local before=$SCRATCH/ch.before after=$SCRATCH/ch.after
	head -c 8M /dev/urandom > "$SCRATCH/data"
	guest_list_channels > $before
	md_create 6 /dev/ubda /dev/ubdb /dev/ubdc /dev/ubdd || { echo "  create failed"; return; }
	dd if="$SCRATCH/data" of=/dev/md0 bs=1M oflag=direct status=none
	md_check_parity && echo "  RAID6 over 4 disks: wrote 8 MiB, parity check: 0 mismatches"
	md_fail /dev/ubdb /dev/ubdc > /dev/null 2>&1
	md_compare "$SCRATCH/data" 8 &&
		echo "  two disks failed: read back 8 MiB degraded, identical"
	mdadm --stop /dev/md0 > /dev/null 2>&1
	guest_list_channels > $after
	echo "  bytes moved by the DMA channels meanwhile: $(md_bytes_moved $before $after)"
	echo "  (xor and P+Q work ran on the simulated controller through async_tx)"
}

{
	echo "kernel: Linux $(uname -r), User-Mode Linux on $(uname -m)"
	echo
	echo "DMA channels (/sys/class/dma):"
	show_channels
	echo
	echo "dmatest, memcpy + xor + pq with verification, on a private instance:"
	demo_dmatest
	echo
	echo "md RAID6 with async_tx offload:"
	demo_md
	echo
	bash "$PROJECT/tests/uml/demo-cyclic.sh" 200
	echo
	echo "DMA channels afterwards:"
	show_channels
	echo
	echo "debugfs summary (/sys/kernel/debug/dmaengine/summary):"
	sed 's/^/  /' /sys/kernel/debug/dmaengine/summary 2>/dev/null
} > "$OUT/summary.txt" 2>&1

guest_finish
