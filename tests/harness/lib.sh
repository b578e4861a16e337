# SPDX-License-Identifier: GPL-2.0
#
# Shared settings for the harness scripts.  Sourced, never run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/.build}
LINUX=$BUILD/linux
KSRC=${KSRC:-/usr/src/linux-source-6.12.tar.xz}
JOBS=${JOBS:-$(nproc)}

# Directories of the project that are laid over the kernel tree.
OVERLAY_DIRS="drivers include crypto lib Documentation"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }


# Project files (tracked or new, not ignored) below the overlay dirs.
project_files() {
	(cd "$ROOT" && git ls-files -co --exclude-standard -- $OVERLAY_DIRS) | sort -u |
		while read -r f; do
			if [ -f "$ROOT/$f" ]; then printf '%s\n' "$f"; fi
		done
}

# C sources and headers of the project, relative to $ROOT.
project_c_files() {
	project_files | grep -E '\.(c|h)$'
}

# lock_or_reexec NAME ARGS...: re-run the calling script holding the lock
# NAME (one per build directory, and one for the overlay), so concurrent
# make invocations queue for the same build but not for different ones.
lock_or_reexec() {
	local name=$1 var
	shift
	var=HARNESS_LOCKED_${name//[^a-zA-Z0-9]/_}
	if [ -z "${!var:-}" ]; then
		mkdir -p "$BUILD"
		export "$var=1"
		exec flock "$BUILD/.lock-$name" "$0" "$@"
	fi
}

# Fail if any object in build dir $1 was compiled from an upstream file
# the manifest says the project replaces or removes.
verify_objects() {
	local out=$1 manifest=$ROOT/tests/harness/overlay.manifest bad=0 path src
	for path in $(awk '$1 == "replace" || $1 == "remove" { print $2 }' "$manifest"); do
		case "$path" in *.c) ;; *) continue ;; esac
		src=$LINUX/$path
		[ -f "$out/${path%.c}.o" ] || continue
		if [ "$(readlink "$src" 2>/dev/null)" != "$ROOT/$path" ]; then
			echo "build: ${path%.c}.o was compiled from the upstream $path" >&2
			bad=1
		fi
	done
	return $bad
}

# Record a result line for `make check`'s final count.
record() {
	mkdir -p "$BUILD/results"
	printf '%s %s %s\n' "$1" "$2" "$3" >> "$BUILD/results/counts"
}
