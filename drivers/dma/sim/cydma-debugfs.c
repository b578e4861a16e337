// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs view and knobs of the simulated cyclic and interleaved DMA
 * controller.
 */

/**
 * DOC: debugfs
 *
 * Each board has a directory named after its DMA device,
 * ``/sys/kernel/debug/cydma-sim/cydma.N/``, holding:
 *
 * ``state``
 *	The model's configuration and every channel's registers: state,
 *	running transfer, position, period count, next-frame register.
 * ``ports``
 *	Every peripheral: kind, clock state, data register address, rate,
 *	FIFO level, bytes and units moved, underruns, overruns, slipped
 *	time.
 * ``fail_desc``
 *	Sticky fault: while 1, every descriptor fetch fails (CH_ERR_DESC),
 *	so transfers end with DMA_TRANS_ABORTED.
 * ``rate_line<N>``
 *	Byte rate of the peripheral on request line N, changeable while it
 *	runs (a slower codec, a faster camera).
 * ``start_line<N>``
 *	Write 1 to start the peripheral on line N (its FIFO emptied, its
 *	counters cleared), 0 to stop its clock; reads 1 while started.
 * ``demo_cyclic``, ``demo_interleave``
 *	In-kernel exercisers driving the board through the public DMA engine
 *	API, for a quick look without a test module (cydma-demo.c).
 *
 * The driver adds its own per-channel view as ``cydma`` in the DMA
 * device's directory under ``/sys/kernel/debug/dmaengine/``.
 */

#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "cydma-board.h"

/**
 * struct cydma_debugfs_line - private data of a per-line knob
 * @hw: the controller
 * @line: request line
 */
struct cydma_debugfs_line {
	struct cydma_hw *hw;
	unsigned int line;
};

/**
 * struct cydma_debugfs - a board's debugfs directory
 * @dir: the directory
 * @nr_lines: entries in @lines
 * @lines: private data of the per-line knobs
 */
struct cydma_debugfs {
	struct dentry *dir;
	unsigned int nr_lines;
	struct cydma_debugfs_line lines[] __counted_by(nr_lines);
};

static struct dentry *cydma_debugfs_root;

static int cydma_debugfs_state_show(struct seq_file *m, void *unused)
{
	cydma_hw_show(m->private, m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cydma_debugfs_state);

static int cydma_debugfs_ports_show(struct seq_file *m, void *unused)
{
	cydma_hw_show_ports(m->private, m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cydma_debugfs_ports);

static int cydma_debugfs_fail_desc_get(void *data, u64 *val)
{
	*val = cydma_hw_fail_desc(data);
	return 0;
}

static int cydma_debugfs_fail_desc_set(void *data, u64 val)
{
	if (val > 1)
		return -EINVAL;
	cydma_hw_set_fail_desc(data, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(cydma_debugfs_fail_desc_fops,
			 cydma_debugfs_fail_desc_get,
			 cydma_debugfs_fail_desc_set, "%llu\n");

static int cydma_debugfs_rate_get(void *data, u64 *val)
{
	struct cydma_debugfs_line *l = data;
	struct cydma_hw_port_stats st;

	cydma_hw_port_stats(l->hw, l->line, &st);
	*val = st.rate;
	return 0;
}

static int cydma_debugfs_rate_set(void *data, u64 val)
{
	struct cydma_debugfs_line *l = data;

	if (val > U32_MAX)
		return -EINVAL;
	return cydma_hw_port_set_rate(l->hw, l->line, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(cydma_debugfs_rate_fops, cydma_debugfs_rate_get,
			 cydma_debugfs_rate_set, "%llu\n");

static int cydma_debugfs_start_get(void *data, u64 *val)
{
	struct cydma_debugfs_line *l = data;
	struct cydma_hw_port_stats st;

	cydma_hw_port_stats(l->hw, l->line, &st);
	*val = st.started;
	return 0;
}

static int cydma_debugfs_start_set(void *data, u64 val)
{
	struct cydma_debugfs_line *l = data;

	if (val > 1)
		return -EINVAL;
	if (val)
		return cydma_hw_port_start(l->hw, l->line);
	cydma_hw_port_stop(l->hw, l->line);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(cydma_debugfs_start_fops, cydma_debugfs_start_get,
			 cydma_debugfs_start_set, "%llu\n");

/* One rate and one start knob per request line. */
static void cydma_debugfs_add_lines(struct cydma_debugfs *d,
				    struct cydma_hw *hw)
{
	struct cydma_debugfs_line *l;
	char name[32];
	unsigned int i;

	for (i = 0; i < d->nr_lines; i++) {
		l = &d->lines[i];
		l->hw = hw;
		l->line = i;
		snprintf(name, sizeof(name), "rate_line%u", i);
		debugfs_create_file_unsafe(name, 0644, d->dir, l,
					   &cydma_debugfs_rate_fops);
		snprintf(name, sizeof(name), "start_line%u", i);
		debugfs_create_file_unsafe(name, 0644, d->dir, l,
					   &cydma_debugfs_start_fops);
	}
}

/**
 * cydma_debugfs_add() - make a board's debugfs directory
 * @board: the board, with its driver bound
 *
 * Context: process context.
 * Return: a handle for cydma_debugfs_remove(), or NULL (out of memory:
 * the board simply has no directory).
 */
struct cydma_debugfs *cydma_debugfs_add(struct cydma_board *board)
{
	struct cydma_hw *hw = cydma_board_hw(board);
	unsigned int n = cydma_hw_request_lines(hw);
	struct cydma_debugfs *d;

	d = kzalloc(struct_size(d, lines, n), GFP_KERNEL);
	if (!d)
		return NULL;
	d->nr_lines = n;
	d->dir = debugfs_create_dir(cydma_board_name(board),
				    cydma_debugfs_root);
	debugfs_create_file("state", 0444, d->dir, hw,
			    &cydma_debugfs_state_fops);
	debugfs_create_file("ports", 0444, d->dir, hw,
			    &cydma_debugfs_ports_fops);
	debugfs_create_file_unsafe("fail_desc", 0644, d->dir, hw,
				   &cydma_debugfs_fail_desc_fops);
	cydma_debugfs_add_lines(d, hw);
	cydma_demo_add(d->dir, board);
	return d;
}

/**
 * cydma_debugfs_remove() - remove a board's debugfs directory
 * @d: what cydma_debugfs_add() returned, or NULL
 *
 * Waits for readers and writers of its files to leave.
 *
 * Context: process context.
 */
void cydma_debugfs_remove(struct cydma_debugfs *d)
{
	if (!d)
		return;
	debugfs_remove_recursive(d->dir);
	kfree(d);
}

/**
 * cydma_debugfs_init() - make /sys/kernel/debug/cydma-sim
 *
 * Context: module init.
 */
void cydma_debugfs_init(void)
{
	cydma_debugfs_root = debugfs_create_dir("cydma-sim", NULL);
}

/**
 * cydma_debugfs_exit() - remove /sys/kernel/debug/cydma-sim
 *
 * Context: module exit.
 */
void cydma_debugfs_exit(void)
{
	debugfs_remove_recursive(cydma_debugfs_root);
}
