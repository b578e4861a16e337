// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs view and knobs of the simulated scatter-gather DMA controller.
 */

/**
 * DOC: debugfs
 *
 * Each board has a directory named after its DMA device,
 * ``/sys/kernel/debug/sgdma-sim/sgdma.N/``, holding:
 *
 * ``state``
 *	The model's configuration and every channel's registers and state.
 * ``errors``
 *	Per channel: descriptors and bytes done, interrupts delivered, and
 *	failures by kind (read, write, desc, stall, irq), injected or
 *	genuine, with how many were injected.
 * ``latency_ns``
 *	Time each descriptor takes, from the next descriptor on.
 * ``fail_read``, ``fail_write``, ``fail_desc``, ``fail_stall``, ``fail_irq``
 *	Fail every Nth eligible event: 0 never, 1 always (a sticky
 *	failure), N every Nth time.
 * ``fault_channels``
 *	Mask of the channels all fault kinds apply to.
 * ``fault_read/`` ... ``fault_irq/``
 *	Standard fault_attr directories (probability, interval, times,
 *	verbose ...) for random failures, with CONFIG_FAULT_INJECTION_DEBUG_FS.
 *
 * The driver adds its own view, failures and watchdog counts included, as
 * ``sgdma`` in the DMA device's directory under
 * ``/sys/kernel/debug/dmaengine/``.
 */

#include <linux/debugfs.h>
#include <linux/fault-inject.h>
#include <linux/seq_file.h>

#include "sgdma-board.h"

static struct dentry *sgdma_debugfs_root;

static int sgdma_debugfs_state_show(struct seq_file *m, void *unused)
{
	sgdma_hw_show(m->private, m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sgdma_debugfs_state);

static int sgdma_debugfs_errors_show(struct seq_file *m, void *unused)
{
	struct sgdma_hw_chan_stats st;
	struct sgdma_hw *hw = m->private;
	unsigned int i, k;

	for (i = 0; i < sgdma_hw_channels(hw); i++) {
		sgdma_hw_chan_stats(hw, i, &st);
		seq_printf(m, "ch%u: llis %llu bytes %llu irqs %llu", i,
			   st.llis, st.bytes, st.irqs);
		for (k = 0; k < SGDMA_FAULT_NR; k++)
			seq_printf(m, " %s %llu", sgdma_hw_fault_name(k),
				   st.faults[k]);
		seq_printf(m, " injected %llu doorbells_ignored %llu\n",
			   st.injected, st.doorbells_ignored);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sgdma_debugfs_errors);

static int sgdma_debugfs_latency_get(void *data, u64 *val)
{
	*val = sgdma_hw_latency(data);
	return 0;
}

static int sgdma_debugfs_latency_set(void *data, u64 val)
{
	sgdma_hw_set_latency(data, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sgdma_debugfs_latency_fops, sgdma_debugfs_latency_get,
			 sgdma_debugfs_latency_set, "%llu\n");

static int sgdma_debugfs_channels_get(void *data, u64 *val)
{
	*val = READ_ONCE(sgdma_hw_fault(data, SGDMA_FAULT_READ)->channels);
	return 0;
}

static int sgdma_debugfs_channels_set(void *data, u64 val)
{
	unsigned int k;

	if (val > U32_MAX)
		return -EINVAL;
	for (k = 0; k < SGDMA_FAULT_NR; k++)
		WRITE_ONCE(sgdma_hw_fault(data, k)->channels, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sgdma_debugfs_channels_fops,
			 sgdma_debugfs_channels_get,
			 sgdma_debugfs_channels_set, "%#llx\n");

static void sgdma_debugfs_add_faults(struct dentry *dir, struct sgdma_hw *hw)
{
	struct sgdma_hw_fault_knob *knob;
	char name[32];
	unsigned int k;

	for (k = 0; k < SGDMA_FAULT_NR; k++) {
		knob = sgdma_hw_fault(hw, k);
		snprintf(name, sizeof(name), "fail_%s", sgdma_hw_fault_name(k));
		debugfs_create_u32(name, 0644, dir, &knob->every);
		snprintf(name, sizeof(name), "fault_%s", sgdma_hw_fault_name(k));
		/* without FAULT_INJECTION_DEBUG_FS there is no directory */
		fault_create_debugfs_attr(name, dir, &knob->attr);
	}
}

/**
 * sgdma_debugfs_add() - make a board's debugfs directory
 * @board: the board, with its driver bound
 *
 * Context: process context.
 * Return: the directory, for sgdma_debugfs_remove().
 */
struct dentry *sgdma_debugfs_add(struct sgdma_board *board)
{
	struct sgdma_hw *hw = sgdma_board_hw(board);
	struct dentry *dir;

	dir = debugfs_create_dir(sgdma_board_name(board), sgdma_debugfs_root);
	debugfs_create_file("state", 0444, dir, hw, &sgdma_debugfs_state_fops);
	debugfs_create_file("errors", 0444, dir, hw,
			    &sgdma_debugfs_errors_fops);
	debugfs_create_file_unsafe("latency_ns", 0644, dir, hw,
				   &sgdma_debugfs_latency_fops);
	debugfs_create_file_unsafe("fault_channels", 0644, dir, hw,
				   &sgdma_debugfs_channels_fops);
	sgdma_debugfs_add_faults(dir, hw);
	return dir;
}

/**
 * sgdma_debugfs_remove() - remove a board's debugfs directory
 * @dir: what sgdma_debugfs_add() returned
 *
 * Context: process context.
 */
void sgdma_debugfs_remove(struct dentry *dir)
{
	debugfs_remove_recursive(dir);
}

/**
 * sgdma_debugfs_init() - make /sys/kernel/debug/sgdma-sim
 *
 * Context: module init.
 */
void sgdma_debugfs_init(void)
{
	sgdma_debugfs_root = debugfs_create_dir("sgdma-sim", NULL);
}

/**
 * sgdma_debugfs_exit() - remove /sys/kernel/debug/sgdma-sim
 *
 * Context: module exit.
 */
void sgdma_debugfs_exit(void)
{
	debugfs_remove_recursive(sgdma_debugfs_root);
}
