#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian packages a harness command needs, only when missing.
# Usage: deps.sh [base|run|check|coverage]...
# As root, missing packages are installed with apt-get; otherwise the
# exact command to run is printed and the script fails.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

want="gcc make bc flex bison libelf-dev python3 xz-utils sparse perl util-linux"
[ -f "$KSRC" ] || [ -d "$KSRC" ] || want="$want linux-source-6.12"
for set in "$@"; do
	case "$set" in
	coverage) want="$want clang lld llvm" ;;
	run|check) want="$want mdadm" ;;
	base) ;;
	*) die "unknown dependency set '$set'" ;;
	esac
done

missing=""
for pkg in $want; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "missing packages:$missing" >&2
	echo "run: sudo apt-get install -y$missing" >&2
	exit 1
fi
say "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
