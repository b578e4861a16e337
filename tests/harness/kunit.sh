#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the UML KUnit kernel with the project overlaid and run its suites.
#   KUNIT_FILTER='suite.*'   run only matching suites/cases
#   EXTRA_TESTS=<dir>        also build <dir> (a Kbuild Makefile, KUnit
#                            sources and an optional .kunitconfig) into
#                            the same kernel and run it
#   KUNIT_BUILD=<dir>        build directory (default .build/kunit)
#   KUNIT_ARGS='...'         more kunit.py arguments

set -euo pipefail
. "$(dirname "$0")/lib.sh"
out=${KUNIT_BUILD:-$BUILD/kunit}
lock_or_reexec "$(basename "$out")" "$@"

log=$out.log
"$ROOT/tests/harness/overlay.sh"

extra_link=$LINUX/drivers/dma/kunit-extra
rm -f "$extra_link"
configs=(--kunitconfig="$ROOT/tests/kunit/.kunitconfig")
if [ -n "${EXTRA_TESTS:-}" ]; then
	extra=$(cd "$ROOT" && cd "$EXTRA_TESTS" && pwd) || die "EXTRA_TESTS=$EXTRA_TESTS not found"
	[ -f "$extra/Makefile" ] || die "$extra has no Kbuild Makefile"
	ln -s "$extra" "$extra_link"
	[ -f "$extra/.kunitconfig" ] && configs+=(--kunitconfig="$extra/.kunitconfig")
fi

args=(run --build_dir="$out" --jobs="$JOBS" --timeout=900 "${configs[@]}")
[ -n "${KUNIT_FILTER:-}" ] && args+=("$KUNIT_FILTER")
# shellcheck disable=SC2206
[ -n "${KUNIT_ARGS:-}" ] && args+=(${KUNIT_ARGS})

say "kunit: building and running (log: $log)"
set +e
# The terminal gets kunit.py's own report and any error; build noise
# (upstream's warnings, clang's modpost chatter) stays in the log.
python3 "$LINUX/tools/testing/kunit/kunit.py" "${args[@]}" 2>&1 | tee "$log" |
	grep --line-buffered -E '^\[[0-9:]+\]|[Ee]rror'
status=${PIPESTATUS[0]}
[ "$status" = 0 ] || { echo "--- last lines of $log:"; tail -n 40 "$log"; } >&2
set -e

verify_objects "$out" || status=1

summary=$(grep -E 'Ran [0-9]+ tests?' "$log" | tail -n 1 || true)
passed=$(sed -nE 's/.*passed: ([0-9]+).*/\1/p' <<<"$summary")
failed=$(sed -nE 's/.*failed: ([0-9]+).*/\1/p' <<<"$summary")
crashed=$(sed -nE 's/.*crashed: ([0-9]+).*/\1/p' <<<"$summary")
passed=${passed:-0}
failed=$(( ${failed:-0} + ${crashed:-0} ))
if [ -z "$summary" ] || { [ "$status" != 0 ] && [ "$failed" = 0 ]; }; then
	echo "kunit: the run did not complete (see $log)" >&2
	failed=$((failed + 1))
	status=1
fi
record kunit "$passed" "$failed"
exit "$status"
