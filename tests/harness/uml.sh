#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the UML kernel used by `make run` and the integration tests
# (.build/uml/linux) and boot it with a test init script.
#
#   uml.sh build
#   uml.sh boot <init-script> <results-dir> [extra kernel args...]
#
# The guest sees the host's root read-only through hostfs, so the init
# script runs the host's own binaries; it writes to <results-dir>, which
# it mounts itself (see tests/uml/lib-guest.sh).

set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$BUILD/uml

build() {
	"$ROOT/tests/harness/overlay.sh"
	local frag=$out/.fragments
	mkdir -p "$out"
	cat "$LINUX/tools/testing/kunit/configs/arch_uml.config" \
		"$ROOT/tests/uml/run.config" > "$frag.new"
	if ! cmp -s "$frag.new" "$frag" || [ ! -f "$out/.config" ]; then
		cp "$frag.new" "$out/.config"
		make -s -C "$LINUX" O="$out" ARCH=um olddefconfig
		mv "$frag.new" "$frag"
	fi
	local opt missing=0
	while read -r opt; do
		grep -qxF "$opt" "$out/.config" ||
			{ echo "uml: $opt did not survive olddefconfig" >&2; missing=1; }
	done < <(grep -E '^CONFIG_' "$frag")
	[ "$missing" = 0 ] || die "uml: configuration incomplete"
	say "uml: building $out/linux (log: $out.log)"
	if ! make -s -C "$LINUX" O="$out" ARCH=um -j"$JOBS" linux > "$out.log" 2>&1; then
		grep -E -B2 -A8 'error|Error' "$out.log" | head -n 60 >&2
		die "uml: build failed"
	fi
	verify_objects "$out"
}

boot() {
	local init=$1 results=$2
	shift 2
	rm -rf "$results"
	mkdir -p "$results"
	# The guest's init finds the project through this variable.
	timeout "${UML_TIMEOUT:-900}" "$out/linux" mem=512M root=/dev/root rootfstype=hostfs \
		rootflags=/ ro init="$init" con=null con0=fd:0,fd:1 \
		RESULTS="$results" PROJECT="$ROOT" "$@" \
		< /dev/null > "$results.console" 2>&1 || true
	# A guest that crashed or hung leaves no "done" marker behind.
	[ -f "$results/done" ]
}

case "${1:-}" in
build) lock_or_reexec uml "$@"; build ;;
boot) shift; boot "$@" ;;
*) die "usage: uml.sh build | boot <init> <results> [args]" ;;
esac
