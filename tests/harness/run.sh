#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make run`: build the UML kernel, boot it and print what the guest saw.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$ROOT/tests/harness/uml.sh" build
results=$BUILD/run
disks=()
mkdir -p "$BUILD/run-disks"
for i in 0 1 2 3; do
	rm -f "$BUILD/run-disks/$i.img"
	truncate -s 32M "$BUILD/run-disks/$i.img"
	disks+=("ubd$i=$BUILD/run-disks/$i.img")
done
say "booting UML (console log: $results.console)"
start=$(date +%s)
if ! "$ROOT/tests/harness/uml.sh" boot "$ROOT/tests/uml/init-run.sh" "$results" "${disks[@]}"; then
	tail -n 40 "$results.console" >&2
	die "the guest did not finish"
fi
echo
cat "$results/summary.txt"
echo
say "guest ran in $(( $(date +%s) - start )) s"
