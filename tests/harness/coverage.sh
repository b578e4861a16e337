#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make coverage`: the KUnit run built with clang (LLVM=1) and the kernel's
# coverage_uml.config, then a per-file table for the project's C files and
# an HTML report in .build/coverage-html.  (gcc's gcov cannot instrument
# UML with Debian 12's gcc; clang's source-based coverage can.)

set -euo pipefail
. "$(dirname "$0")/lib.sh"
out=$BUILD/coverage
lock_or_reexec coverage "$@"
rm -f "$LINUX/default.profraw"
cfg=$LINUX/tools/testing/kunit/configs/coverage_uml.config
KUNIT_BUILD=$out KUNIT_ARGS="--make_options=LLVM=1 --kunitconfig=$cfg" \
	"$ROOT/tests/harness/kunit.sh" || say "coverage: some tests failed; reporting anyway"
[ -f "$LINUX/default.profraw" ] || die "coverage: the kernel wrote no profile"
mv "$LINUX/default.profraw" "$out/default.profraw"
llvm-profdata merge -o "$out/kunit.profdata" "$out/default.profraw"

mapfile -t files < <(project_c_files | grep '\.c$' | grep -v '/tests/' | sed "s|^|$LINUX/|")
llvm-cov report "$out/linux" -instr-profile="$out/kunit.profdata" "${files[@]}" |
	sed "s|$LINUX/||" | tee "$BUILD/coverage.txt"
llvm-cov show "$out/linux" -instr-profile="$out/kunit.profdata" -format=html \
	-output-dir="$BUILD/coverage-html" "${files[@]}" > /dev/null
say "coverage: table in .build/coverage.txt, HTML in .build/coverage-html/index.html"
