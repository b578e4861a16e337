# SPDX-License-Identifier: GPL-2.0
#
# The DMA engine subsystem tree.  Every target lays the project over a
# pristine Linux 6.12 tree in .build/linux (see tests/harness/) and builds
# User-Mode Linux kernels from it.
#
#   make run         build, boot and show what the subsystem does
#   make check       every check; ends with "N passed, N failed"
#   make kunit       KUnit only   (KUNIT_FILTER='suite.*', EXTRA_TESTS=<dir>)
#   make sparse | checkpatch | kerneldoc | coverage | clean
#
# KSRC=<tree or tarball> picks another pristine 6.12 source.

H := tests/harness

.PHONY: all run check kunit sparse checkpatch kerneldoc coverage prepare clean

all: check

prepare:
	@$(H)/deps.sh base
	@$(H)/overlay.sh

run:
	@$(H)/deps.sh run
	@$(H)/run.sh

check:
	@$(H)/deps.sh check
	@$(H)/check.sh

kunit:
	@$(H)/deps.sh base
	@$(H)/kunit.sh

sparse:
	@$(H)/deps.sh base
	@$(H)/sparse.sh

checkpatch:
	@$(H)/deps.sh base
	@$(H)/checkpatch.sh

kerneldoc:
	@$(H)/deps.sh base
	@$(H)/kerneldoc.sh

coverage:
	@$(H)/deps.sh coverage
	@$(H)/coverage.sh

clean:
	rm -rf .build
