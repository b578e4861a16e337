#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make run`: build the UML kernel, boot it and print what the guest saw.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$ROOT/tests/harness/uml.sh" build
results=$BUILD/run
say "booting UML (console log: $results.console)"
start=$(date +%s)
if ! "$ROOT/tests/harness/uml.sh" boot "$ROOT/tests/uml/init-run.sh" "$results"; then
	tail -n 40 "$results.console" >&2
	die "the guest did not finish"
fi
echo
cat "$results/summary.txt"
echo
say "guest ran in $(( $(date +%s) - start )) s"
