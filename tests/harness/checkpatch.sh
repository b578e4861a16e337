#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/checkpatch.pl --strict over every project file.  Any error,
# warning or check fails.

set -euo pipefail
. "$(dirname "$0")/lib.sh"
"$ROOT/tests/harness/overlay.sh"
EXCEPTIONS=$ROOT/tests/harness/checkpatch.exceptions

files=$(cd "$ROOT" && git ls-files -co --exclude-standard |
	grep -vE '^(LICENSES/|\.gitignore$|.*\.md$)' | sort -u)
bad=0 n=0
for f in $files; do
	[ -f "$ROOT/$f" ] || continue
	n=$((n + 1))
	ignore=FILE_PATH_CHANGES
	for t in $(awk -v f="$f" '$1 == f { print $2 }' "$EXCEPTIONS"); do
		ignore=$ignore,$t
	done
	out=$(cd "$LINUX" && perl scripts/checkpatch.pl --strict --no-tree --quiet \
		--no-summary --show-types --ignore "$ignore" -f "$ROOT/$f" 2>&1) || true
	if [ -n "$out" ]; then
		printf '%s\n' "$out"
		bad=$((bad + 1))
	fi
done
if [ "$bad" = 0 ]; then
	say "checkpatch: $n files clean"
	record checkpatch 1 0
else
	say "checkpatch: $bad of $n files have findings"
	record checkpatch 0 1
	exit 1
fi
