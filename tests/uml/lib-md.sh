# SPDX-License-Identifier: GPL-2.0
#
# md helpers for guest scripts (sourced after lib-guest.sh): arrays over
# the UML block devices /dev/ubda.. built with the host's mdadm.

md_setup() {
	mount -t tmpfs none /run
	export MDADM_NO_SYSTEMCTL=1 MDADM_NO_UDEV=1
}

# Wait until md0 has no resync, recovery or check running.
md_wait() {
	local i
	mdadm --wait /dev/md0 > /dev/null 2>&1
	for i in $(seq 600); do
		grep -q idle /sys/block/md0/md/sync_action && return 0
		sleep 0.1
	done
	return 1
}

# md_create LEVEL DEVICES...
md_create() {
	local level=$1
	shift
	mdadm --zero-superblock "$@" > /dev/null 2>&1
	mdadm --create /dev/md0 --run --quiet --level="$level" --raid-devices=$# \
		--metadata=1.2 "$@" && md_wait
}

# md_compare FILE MB: the first MB MiB of md0 equal FILE.
md_compare() {
	dd if=/dev/md0 bs=1M count="$2" iflag=direct status=none | cmp - "$1"
}

md_check_parity() {
	local n
	echo check > /sys/block/md0/md/sync_action
	md_wait || return 1
	n=$(cat /sys/block/md0/md/mismatch_cnt)
	[ "$n" = 0 ] || { echo "mismatch_cnt=$n"; return 1; }
}

md_fail() {
	local d
	for d in "$@"; do
		mdadm /dev/md0 --fail "$d" && mdadm /dev/md0 --remove "$d" || return 1
	done
}

md_add_spares() {
	mdadm /dev/md0 --add "$@" && md_wait
}

# Bytes moved by all DMA channels between two guest_list_channels outputs.
md_bytes_moved() {
	awk 'NR == FNR { b[$1] = $4; next } { s += $4 - b[$1] } END { print s + 0 }' "$1" "$2"
}
