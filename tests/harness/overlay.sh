#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Prepare .build/linux: a pristine Linux 6.12 tree (extracted once per
# source version) with the upstream files named in overlay.manifest moved
# aside and every project file symlinked in at its kernel path.
#
# The previous overlay is recorded in .build/overlay.state, so a file that
# leaves the project gets its upstream version back, and any file whose
# content changes under the build gets a fresh timestamp: nothing stale
# survives an overlay change.

set -euo pipefail
. "$(dirname "$0")/lib.sh"
lock_or_reexec overlay "$@"

MANIFEST=$ROOT/tests/harness/overlay.manifest
SAVED=$BUILD/upstream-saved
STATE=$BUILD/overlay.state

source_id() {
	if [ -d "$KSRC" ]; then
		printf 'dir %s %s\n' "$(readlink -f "$KSRC")" \
			"$(make -s -C "$KSRC" kernelversion 2>/dev/null)"
	elif [ -f "$KSRC" ]; then
		printf 'tar %s %s\n' "$(readlink -f "$KSRC")" "$(stat -c '%s %Y' "$KSRC")"
	else
		die "no kernel source at KSRC=$KSRC"
	fi
}

extract() {
	say "preparing the kernel tree from $KSRC"
	rm -rf "$LINUX" "$SAVED" "$STATE" "$BUILD"/kunit* "$BUILD"/uml* "$BUILD"/coverage*
	mkdir -p "$LINUX"
	if [ -d "$KSRC" ]; then
		(cd "$KSRC" && tar -cf - --exclude=.git .) | tar -xf - -C "$LINUX"
	else
		tar -xf "$KSRC" -C "$LINUX" --strip-components=1
	fi
	[ -f "$LINUX/Makefile" ] || die "$KSRC does not look like a kernel tree"
	local ver
	ver=$(make -s -C "$LINUX" kernelversion)
	case "$ver" in
	6.12*) ;;
	*) die "KSRC=$KSRC is Linux $ver; the project targets 6.12" ;;
	esac
	source_id > "$BUILD/linux.id"
}

# manifest_entries KIND: the paths of one kind of manifest line.
manifest_entries() {
	awk -v kind="$1" '$1 == kind { print $2 }' "$MANIFEST"
}

# Move an upstream file out of the tree, once.
save_upstream() {
	local path=$1
	if [ -f "$LINUX/$path" ] && [ ! -L "$LINUX/$path" ]; then
		mkdir -p "$(dirname "$SAVED/$path")"
		mv "$LINUX/$path" "$SAVED/$path"
	fi
}

# Put an upstream file back with a new timestamp.
restore_upstream() {
	local path=$1
	rm -f "$LINUX/$path"
	if [ -f "$SAVED/$path" ]; then
		mv "$SAVED/$path" "$LINUX/$path"
		touch "$LINUX/$path"
	fi
}

is_upstream() {
	[ -f "$SAVED/$1" ] || { [ -f "$LINUX/$1" ] && [ ! -L "$LINUX/$1" ]; }
}

check_manifest() {
	local path bad=0 files replaced removed
	files=$(project_files)
	replaced=$(manifest_entries replace)
	removed=$(manifest_entries remove)
	for path in $replaced $removed; do
		is_upstream "$path" && continue
		echo "manifest: $path is not an upstream file" >&2
		bad=1
	done
	for path in $replaced; do
		grep -qxF "$path" <<<"$files" && continue
		echo "manifest: 'replace $path' but the project has no such file" >&2
		bad=1
	done
	for path in $removed; do
		! grep -qxF "$path" <<<"$files" ||
			{ echo "manifest: 'remove $path' but the project ships it" >&2; bad=1; }
	done
	for path in $files; do
		if is_upstream "$path" && ! grep -qxF "$path" <<<"$replaced"; then
			echo "overlay: $path shadows an upstream file; list it in $MANIFEST" >&2
			bad=1
		fi
	done
	return $bad
}

apply() {
	local path kind files
	files=$(project_files)

	# Undo what the previous overlay did and this one no longer wants.
	if [ -f "$STATE" ]; then
		while read -r kind path; do
			case "$kind" in
			link) grep -qxF "$path" <<<"$files" || restore_upstream "$path" ;;
			removed) grep -qxF "$path" <<<"$(manifest_entries remove)" ||
					restore_upstream "$path" ;;
			esac
		done < "$STATE"
	fi

	for path in $(manifest_entries replace) $(manifest_entries remove); do
		save_upstream "$path"
	done

	: > "$STATE.new"
	for path in $files; do
		local target=$ROOT/$path
		if [ "$(readlink "$LINUX/$path" 2>/dev/null)" != "$target" ]; then
			mkdir -p "$(dirname "$LINUX/$path")"
			ln -sfn "$target" "$LINUX/$path"
			touch "$target"
		fi
		echo "link $path" >> "$STATE.new"
	done
	for path in $(manifest_entries remove); do
		echo "removed $path" >> "$STATE.new"
	done
	mv "$STATE.new" "$STATE"
}

main() {
	mkdir -p "$BUILD"
	if [ ! -f "$BUILD/linux.id" ] || [ "$(cat "$BUILD/linux.id")" != "$(source_id)" ]; then
		extract
	fi
	check_manifest || die "overlay refused (see above)"
	apply
}

main "$@"
