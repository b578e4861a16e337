#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every check the project has: KUnit under UML, sparse, checkpatch,
# kernel-doc and the integration tests.  The last line counts KUnit cases,
# integration tests and static checks: "N passed, N failed".

set -uo pipefail
. "$(dirname "$0")/lib.sh"

rm -f "$BUILD/results/counts"
H=$ROOT/tests/harness
status=0
"$H/kunit.sh" || status=1
"$H/sparse.sh" || status=1
"$H/checkpatch.sh" || status=1
"$H/kerneldoc.sh" || status=1
"$H/check-maintainers.sh" || status=1
if [ -x "$ROOT/tests/integration/run-all.sh" ]; then
	"$ROOT/tests/integration/run-all.sh" || status=1
fi

passed=0 failed=0
while read -r _ p f; do
	passed=$((passed + p))
	failed=$((failed + f))
done < <(cat "$BUILD/results/counts" 2>/dev/null)
echo
awk '{ printf "  %-12s %4d passed, %d failed\n", $1, $2, $3 }' "$BUILD/results/counts" 2>/dev/null
[ "$failed" = 0 ] || status=1
[ "$passed" -gt 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
