#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Integration test: boot the UML kernel and run upstream's dmatest on
# every channel (memcpy, memset, xor and pq with verification, interrupt
# and polled completion, two threads per channel).  Every started thread
# must print a summary with zero failures.

set -uo pipefail
. "$(dirname "$0")/../harness/lib.sh"

res=$BUILD/integration/dmatest
say "dmatest: booting the guest (results: $res)"
# async_tx holds the public instance's channels; dmatest runs on the
# channels of the private instance the simulator also registers at boot.
if ! "$ROOT/tests/harness/uml.sh" boot "$ROOT/tests/integration/guest-dmatest.sh" "$res"; then
	tail -n 30 "$res.console" >&2
	echo "dmatest: the guest did not finish" >&2
	record dmatest 0 1
	exit 1
fi

passed=0 failed=0
while read -r pass started; do
	got=$(grep -c "^$pass " "$res/dmatest.log")
	bad=$(awk -v p="$pass" '$1 == p' "$res/dmatest.log" | grep -vc ' 0 failures')
	if [ "$started" -gt 0 ] && [ "$got" = "$started" ] && [ "$bad" = 0 ]; then
		say "dmatest: $pass: $got threads, all passed"
		passed=$((passed + 1))
	else
		echo "dmatest: $pass: $started threads started, $got summaries," \
			"$bad with failures" >&2
		awk -v p="$pass" '$1 == p' "$res/dmatest.log" | grep -v ' 0 failures' >&2
		failed=$((failed + 1))
	fi
done < "$res/dmatest.expected"
[ $((passed + failed)) -gt 0 ] || { echo "dmatest: no pass ran" >&2; failed=1; }
record dmatest "$passed" "$failed"
[ "$failed" = 0 ]
