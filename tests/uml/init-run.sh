#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of the `make run` guest: report what the subsystem registered.

. "$PROJECT/tests/uml/lib-guest.sh"
guest_setup

{
	echo "kernel: Linux $(uname -r), User-Mode Linux on $(uname -m)"
	echo
	echo "DMA channels (/sys/class/dma):"
	chans=$(guest_list_channels)
	if [ -z "$chans" ]; then
		echo "  none registered"
	else
		printf '  %-14s %-24s %6s %14s\n' channel device in_use bytes
		while read -r name dev use bytes; do
			printf '  %-14s %-24s %6s %14s\n' "$name" "$dev" "$use" "$bytes"
		done <<<"$chans"
	fi
	echo
	echo "debugfs summary (/sys/kernel/debug/dmaengine/summary):"
	if [ -r /sys/kernel/debug/dmaengine/summary ]; then
		sed 's/^/  /' /sys/kernel/debug/dmaengine/summary
	else
		echo "  not available"
	fi
} > "$OUT/summary.txt" 2>&1

guest_finish
