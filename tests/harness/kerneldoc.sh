#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/kernel-doc -none -Wall over every project C file and header.

set -euo pipefail
. "$(dirname "$0")/lib.sh"
"$ROOT/tests/harness/overlay.sh"

mapfile -t files < <(project_c_files)
[ "${#files[@]}" -gt 0 ] || { say "kerneldoc: no C files"; exit 0; }
out=$(cd "$ROOT" && perl "$LINUX/scripts/kernel-doc" -none -Wall "${files[@]}" 2>&1) || true
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	say "kerneldoc: $(grep -c . <<<"$out") warnings"
	record kerneldoc 0 1
	exit 1
fi
say "kerneldoc: ${#files[@]} files clean"
record kerneldoc 1 0
