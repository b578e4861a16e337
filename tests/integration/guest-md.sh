#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of the md integration test.  Builds RAID5 and RAID6 arrays
# over the UML block devices, writes random data, checks parity, fails
# disks, reads back degraded, rebuilds onto spares and reads back again.
# Each step appends "<name> ok|FAIL <detail>" to $OUT/md.results.

. "$PROJECT/tests/uml/lib-guest.sh"
guest_setup
. "$PROJECT/tests/uml/lib-md.sh"
md_setup

MB=16
R=$OUT/md.results

step() {
	local name=$1
	shift
	if out=$("$@" 2>&1); then
		echo "$name ok" >> "$R"
	else
		echo "$name FAIL $(tr '\n' ' ' <<<"$out" | cut -c1-300)" >> "$R"
	fi
}

# scenario LEVEL FAILED... : one array's whole life.
scenario() {
	local level=$1 name=raid$1
	shift
	mdadm --zero-superblock /dev/ubd[a-f] > /dev/null 2>&1
	step "$name-create" md_create "$level" /dev/ubda /dev/ubdb /dev/ubdc /dev/ubdd
	step "$name-write" dd if="$SCRATCH/data" of=/dev/md0 bs=1M count=$MB \
		oflag=direct status=none
	step "$name-readback" md_compare "$SCRATCH/data" $MB
	step "$name-check" md_check_parity
	step "$name-degrade" md_fail "$@"
	step "$name-degraded-readback" md_compare "$SCRATCH/data" $MB
	step "$name-rebuild" md_add_spares /dev/ubde /dev/ubdf
	step "$name-rebuilt-readback" md_compare "$SCRATCH/data" $MB
	step "$name-rebuilt-check" md_check_parity
	step "$name-stop" mdadm --stop /dev/md0
}

head -c $((MB << 20)) /dev/urandom > "$SCRATCH/data"
guest_list_channels > "$OUT/channels.before"
scenario 5 /dev/ubdb
scenario 6 /dev/ubda /dev/ubdc
guest_list_channels > "$OUT/channels.after"
cat /sys/kernel/debug/dmaengine/summary > "$OUT/summary" 2>/dev/null
dmesg > "$OUT/dmesg"
guest_finish
