# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the init scripts that run as PID 1 inside the UML guest.
# The root file system is the host's, read-only; $RESULTS names a host
# directory for output and $PROJECT the project checkout.  Nothing is
# mounted over a host path the checkout might live under (/tmp, /mnt,
# /home...): scratch space ($SCRATCH) and the results ($OUT) are mounted
# below the guest's own /dev.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

guest_setup() {
	mount -t proc none /proc
	mount -t sysfs none /sys
	mount -t devtmpfs none /dev
	mount -t debugfs none /sys/kernel/debug
	mkdir -p /dev/shm /dev/results
	mount -t tmpfs none /dev/shm
	mount -t hostfs none /dev/results -o "$RESULTS"
	SCRATCH=/dev/shm
	OUT=/dev/results
	export TMPDIR=$SCRATCH
}

# Mark the run complete and power the guest off.
guest_finish() {
	touch "$OUT/done"
	sync
	umount "$OUT" 2>/dev/null
	poweroff -f
	echo o > /proc/sysrq-trigger
}

# One line per DMA channel: "<channel> <device> <in_use> <bytes>".
guest_list_channels() {
	local c
	for c in /sys/class/dma/*; do
		[ -e "$c" ] || continue
		printf '%s %s %s %s\n' "$(basename "$c")" \
			"$(basename "$(readlink -f "$c/device")")" \
			"$(cat "$c/in_use")" "$(cat "$c/bytes_transferred")"
	done
}
