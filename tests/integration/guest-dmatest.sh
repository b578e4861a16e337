#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of the dmatest integration test: upstream's unmodified
# dmatest, driven through /sys/module/dmatest/parameters as a user would,
# against every channel of the simulated controllers.  Each thread's
# summary line lands in $OUT/dmatest.log; $OUT/dmatest.expected counts the
# threads that were started.

. "$PROJECT/tests/uml/lib-guest.sh"
guest_setup

P=/sys/module/dmatest/parameters

# run_dmatest NAME MODE POLLED: one pass over all channels.
run_dmatest() {
	local name=$1 mode=$2 polled=$3 started
	echo "$mode" > $P/dmatest
	echo "$polled" > $P/polled
	echo 2 > $P/threads_per_chan
	echo "${DMATEST_ITERATIONS:-100}" > $P/iterations
	echo 0 > $P/max_channels
	echo 3000 > $P/timeout
	echo 16384 > $P/test_buf_size
	echo > $P/channel
	dmesg -C
	echo 1 > $P/run
	cat $P/wait > /dev/null
	dmesg > "$OUT/dmatest-$name.dmesg"
	started=$(sed -nE 's/.*dmatest: Started ([0-9]+) threads using.*/\1/p' \
		"$OUT/dmatest-$name.dmesg" | awk '{ s += $1 } END { print s + 0 }')
	echo "$name $started" >> "$OUT/dmatest.expected"
	grep -E 'dmatest: .*summary [0-9]+ tests' "$OUT/dmatest-$name.dmesg" |
		sed "s/^/$name /" >> "$OUT/dmatest.log"
}

dmesg > "$OUT/dmesg.boot"
if [ -d $P ]; then
	guest_list_channels > "$OUT/channels.before"
	run_dmatest copy-irq 0 0
	run_dmatest fill-irq 1 0
	run_dmatest copy-polled 0 1
	run_dmatest fill-polled 1 1
	guest_list_channels > "$OUT/channels.after"
	cat /sys/kernel/debug/dmaengine/summary > "$OUT/summary" 2>/dev/null
fi
dmesg > "$OUT/dmesg"
guest_finish
