#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the UML kernel once and run every integration test against it.

set -uo pipefail
. "$(dirname "$0")/../harness/lib.sh"

"$ROOT/tests/harness/uml.sh" build || { record uml-build 0 1; exit 1; }
status=0
for t in "$ROOT"/tests/integration/[a-z]*.sh; do
	case "$(basename "$t")" in
	run-all.sh|guest-*) continue ;;
	esac
	"$t" || status=1
done
exit "$status"
