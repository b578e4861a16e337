#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of `make run`: show the simulated cyclic and interleaved DMA
# controller at work, through the exercisers in its debugfs directory: a
# ring buffer played to the audio codec for N periods (default 200), and
# a two-dimensional frame copied memory to memory and checked byte for
# byte.  Prints their reports on stdout.
#
#   demo-cyclic.sh [periods]
#
# Exit status: 0 all good, 1 a check failed, 2 nothing to show (no debugfs
# or no cydma board).

periods=${1:-200}
root=/sys/kernel/debug/cydma-sim

# The first board's directory, or nothing.
cydma_board_dir() {
	local d
	for d in "$root"/cydma.*; do
		[ -d "$d" ] && { echo "$d"; return; }
	done
}

# Run the exerciser in file $1 with input $2; print its report indented.
cydma_exercise() {
	local file=$1 input=$2
	if ! echo "$input" > "$file" 2>/dev/null; then
		echo "  $(basename "$file"): could not run"
		return 1
	fi
	sed 's/^/  /' "$file"
	! grep -qE 'NO|timed out|refused' "$file"
}

# The value following the word $1 in the words after it.
cydma_field() {
	local key=$1
	shift
	while [ $# -gt 1 ]; do
		[ "$1" = "$key" ] && { echo "$2"; return; }
		shift
	done
}

# One line per peripheral: kind, state, rate, underruns and overruns.
cydma_ports() {
	local -a w
	while read -ra w; do
		printf '    %s %s %s, %s bytes/s, underruns %s, overruns %s\n' \
			"${w[0]}" "${w[1]}" "${w[2]}" \
			"$(cydma_field rate "${w[@]}")" \
			"$(cydma_field underruns "${w[@]}")" \
			"$(cydma_field overruns "${w[@]}")"
	done < "$1"
}

dir=$(cydma_board_dir)
if [ -z "$dir" ]; then
	echo "simulated cyclic DMA controller: none (no debugfs or no board)"
	exit 2
fi

status=0
echo "simulated cyclic DMA controller ($(basename "$dir")):"
cydma_exercise "$dir/demo_cyclic" "$periods" || status=1
cydma_exercise "$dir/demo_interleave" 1 || status=1
echo "  peripherals:"
cydma_ports "$dir/ports"
exit $status
