#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every F: pattern in MAINTAINERS must match at least one project file,
# and every project file must be covered by some entry.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

mapfile -t files < <(cd "$ROOT" && git ls-files -co --exclude-standard | sort -u)
mapfile -t patterns < <(sed -n 's/^F:[[:space:]]*//p' "$ROOT/MAINTAINERS")

# matches PATTERN FILE: kernel MAINTAINERS semantics (a trailing slash
# covers a directory, shell wildcards otherwise).
matches() {
	case "$1" in
	*/) [[ "$2" == "$1"* ]] ;;
	*) [[ "$2" == $1 ]] ;;
	esac
}

bad=0
for p in "${patterns[@]}"; do
	hit=0
	for f in "${files[@]}"; do
		matches "$p" "$f" && { hit=1; break; }
	done
	[ "$hit" = 1 ] || { echo "MAINTAINERS: F: $p matches no file" >&2; bad=1; }
done
for f in "${files[@]}"; do
	case "$f" in
	LICENSES/*|README.md|MAINTAINERS|.gitignore) continue ;;
	esac
	hit=0
	for p in "${patterns[@]}"; do
		matches "$p" "$f" && { hit=1; break; }
	done
	[ "$hit" = 1 ] || { echo "MAINTAINERS: $f is not covered by any entry" >&2; bad=1; }
done
if [ "$bad" = 0 ]; then
	say "maintainers: ${#patterns[@]} patterns, all match"
	record maintainers 1 0
else
	record maintainers 0 1
	exit 1
fi
