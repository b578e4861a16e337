// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated scatter-gather DMA controller: boards, and the module that
 * makes them.
 */

/**
 * DOC: Simulated boards
 *
 * A board is what a real system would describe in firmware: a controller
 * and the wiring of its driver.  sgdma_board_create() builds one in four
 * steps.
 *
 * 1. A bare ``sgdma-hw.N`` platform device stands for the chip.  No driver
 *    binds to it; the hardware model (sgdma-hw.c) attaches its register
 *    window to it as a regmap.
 * 2. The model is built from &sgdma_board_config.hw.
 * 3. A software node carries the properties the driver reads:
 *    ``dma-channels``, ``dma-requests``, ``sgdma,timeout-ms`` and
 *    ``sgdma,private``, plus one child node per slave route with
 *    ``sgdma,consumer``, ``sgdma,dma-name`` and ``sgdma,request-line``.
 * 4. The ``sgdma.N`` platform device, a child of the chip, gets that node
 *    and one IRQ resource per channel, and is registered.  When the
 *    automatic bind fails, the board binds it once more with
 *    device_driver_attach() to report the probe's own error.
 *
 * N comes from one IDA shared by every board, so names are unique and
 * reused.  Boards come from the module load, from configfs
 * (sgdma-configfs.c) and from the KUnit suites.
 *
 * At load time two instances are made, because one device cannot serve
 * both kinds of users: while async_tx holds the channels of every public
 * device (dmaengine_get()), none of them can be requested exclusively.
 *
 * * ``sgdma.0``, public, ``default_channels`` channels with the
 *   ``default_caps`` capabilities: the engine async_tx and md offload to.
 * * ``sgdma.1``, private (DMA_PRIVATE), ``private_channels`` channels with
 *   the same capabilities plus slave transfers on eight request lines:
 *   for exclusive users such as dmatest and slave clients.
 *
 * Both default to CONFIG_DMA_SIM_SG_DEFAULT_CHANNELS channels; 0 leaves
 * an instance out.  ``default_latency_ns`` slows both down.
 */

#include <linux/err.h>
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "simdma-board.h"
#include "sgdma-board.h"
#include "sgdma-regs.h"

#define SGDMA_BOARD_DRIVER	"sgdma"
#define SGDMA_BOARD_CHIP	"sgdma-hw"
#define SGDMA_BOARD_SLAVE	"slave"
#define SGDMA_BOARD_MEM_OPS	(SGDMA_OPS_OP(SGDMA_OP_NOP) |		\
				 SGDMA_OPS_OP(SGDMA_OP_COPY) |		\
				 SGDMA_OPS_OP(SGDMA_OP_FILL) |		\
				 SGDMA_OPS_OP(SGDMA_OP_XOR) |		\
				 SGDMA_OPS_OP(SGDMA_OP_XOR_CHECK) |	\
				 SGDMA_OPS_OP(SGDMA_OP_PQ) |		\
				 SGDMA_OPS_OP(SGDMA_OP_PQ_CHECK))

/**
 * struct sgdma_board - one simulated board
 * @id: instance number, also the platform device ids
 * @chip: the device standing for the controller chip
 * @hw: the hardware model
 * @fwnode: properties of @pdev
 * @routes: child nodes of @fwnode, one per slave route
 * @nr_routes: entries in @routes
 * @pdev: the device the driver binds to
 * @debugfs: the board's debugfs directory, or NULL
 */
struct sgdma_board {
	int id;
	struct platform_device *chip;
	struct sgdma_hw *hw;
	struct fwnode_handle *fwnode;
	struct fwnode_handle **routes;
	unsigned int nr_routes;
	struct platform_device *pdev;
	struct dentry *debugfs;
};

static DEFINE_IDA(sgdma_board_ida);

static const char * const sgdma_board_cap_names[] = {
	[SGDMA_OP_NOP] = "interrupt",
	[SGDMA_OP_COPY] = "memcpy",
	[SGDMA_OP_FILL] = "memset",
	[SGDMA_OP_XOR] = "xor",
	[SGDMA_OP_XOR_CHECK] = "xor_val",
	[SGDMA_OP_PQ] = "pq",
	[SGDMA_OP_PQ_CHECK] = "pq_val",
};

/* ---- capability and width lists ----------------------------------- */

static int sgdma_board_cap_bit(const char *name, u32 *bit)
{
	int i;

	if (!strcmp(name, SGDMA_BOARD_SLAVE)) {
		*bit = SGDMA_OPS_HANDSHAKE;
		return 0;
	}
	i = match_string(sgdma_board_cap_names,
			 ARRAY_SIZE(sgdma_board_cap_names), name);
	if (i < 0)
		return -EINVAL;
	*bit = SGDMA_OPS_OP(i);
	return 0;
}

/**
 * sgdma_board_parse_caps() - parse a capability list
 * @buf: words among memcpy, memset, xor, xor_val, pq, pq_val, interrupt
 *	and slave, separated by blanks or commas
 * @ops: receives the SGDMA_OPS register value
 *
 * Context: process context.
 * Return: 0, -EINVAL for an unknown word, -ENOMEM.
 */
int sgdma_board_parse_caps(const char *buf, u32 *ops)
{
	return simdma_parse_words(buf, ops, sgdma_board_cap_bit);
}

/**
 * sgdma_board_format_caps() - print a capability list
 * @ops: SGDMA_OPS register value
 * @buf: output buffer
 * @size: its size
 *
 * Context: any.
 * Return: characters written, newline included.
 */
ssize_t sgdma_board_format_caps(u32 ops, char *buf, size_t size)
{
	ssize_t len = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sgdma_board_cap_names); i++) {
		if (ops & SGDMA_OPS_OP(i))
			len += scnprintf(buf + len, size - len, "%s%s",
					 len ? " " : "",
					 sgdma_board_cap_names[i]);
	}
	if (ops & SGDMA_OPS_HANDSHAKE)
		len += scnprintf(buf + len, size - len, "%s%s", len ? " " : "",
				 SGDMA_BOARD_SLAVE);
	return len + scnprintf(buf + len, size - len, "\n");
}

/**
 * sgdma_board_parse_widths() - parse a bus width list
 * @buf: widths in bytes (1, 2, 4 ... 128), separated by blanks or commas
 * @widths: receives the SGDMA_WIDTHS register value
 *
 * Context: process context.
 * Return: 0, -EINVAL for a bad width, -ENOMEM.
 */
int sgdma_board_parse_widths(const char *buf, u32 *widths)
{
	return simdma_parse_widths(buf, widths, 128);
}

/**
 * sgdma_board_format_widths() - print a bus width list
 * @widths: SGDMA_WIDTHS register value
 * @buf: output buffer
 * @size: its size
 *
 * Context: any.
 * Return: characters written, newline included.
 */
ssize_t sgdma_board_format_widths(u32 widths, char *buf, size_t size)
{
	return simdma_format_widths(widths, 128, buf, size);
}

/* ---- boards ------------------------------------------------------- */

/**
 * sgdma_board_default_config() - the configuration of a new board
 * @cfg: receives it
 *
 * Four channels with every capability, eight request lines with 4 KiB
 * FIFOs, bus widths of 1 to 8 bytes, 64 KiB per hardware descriptor, 16
 * XOR/PQ sources, 8-byte alignment for XOR and PQ, no latency, public.
 *
 * Context: any.
 */
void sgdma_board_default_config(struct sgdma_board_config *cfg)
{
	*cfg = (struct sgdma_board_config) {
		.hw = {
			.channels = 4,
			.request_lines = 8,
			.ops = SGDMA_BOARD_MEM_OPS | SGDMA_OPS_HANDSHAKE,
			.widths = GENMASK(3, 0),
			.max_burst = 256,
			.max_seg = SZ_64K,
			.max_sources = 16,
			.raid_align = 3,
			.fifo_depth = SZ_4K,
		},
	};
}
EXPORT_SYMBOL_GPL(sgdma_board_default_config);

static void sgdma_board_remove_nodes(struct sgdma_board *board)
{
	unsigned int i;

	for (i = 0; i < board->nr_routes; i++)
		fwnode_remove_software_node(board->routes[i]);
	kfree(board->routes);
	if (!IS_ERR_OR_NULL(board->fwnode))
		fwnode_remove_software_node(board->fwnode);
}

static int sgdma_board_add_route(struct sgdma_board *board,
				 const struct sgdma_board_route *route)
{
	const struct property_entry props[] = {
		PROPERTY_ENTRY_STRING("sgdma,consumer", route->consumer),
		PROPERTY_ENTRY_STRING("sgdma,dma-name", route->name),
		PROPERTY_ENTRY_U32("sgdma,request-line", route->line),
		{ }
	};
	struct fwnode_handle *node;

	node = fwnode_create_software_node(props, board->fwnode);
	if (IS_ERR(node))
		return PTR_ERR(node);
	board->routes[board->nr_routes++] = node;
	return 0;
}

/* The software node describing the wiring, read by the driver. */
static int sgdma_board_add_nodes(struct sgdma_board *board,
				 const struct sgdma_board_config *cfg)
{
	struct property_entry props[5] = { };
	unsigned int i, n = 0;
	int ret;

	props[n++] = PROPERTY_ENTRY_U32("dma-channels", cfg->hw.channels);
	props[n++] = PROPERTY_ENTRY_U32("dma-requests", cfg->hw.request_lines);
	if (cfg->timeout_ms)
		props[n++] = PROPERTY_ENTRY_U32("sgdma,timeout-ms",
						cfg->timeout_ms);
	if (cfg->private)
		props[n++] = PROPERTY_ENTRY_BOOL("sgdma,private");
	board->fwnode = fwnode_create_software_node(props, NULL);
	if (IS_ERR(board->fwnode))
		return PTR_ERR(board->fwnode);
	if (!cfg->nr_routes)
		return 0;
	board->routes = kcalloc(cfg->nr_routes, sizeof(*board->routes),
				GFP_KERNEL);
	if (!board->routes)
		return -ENOMEM;
	for (i = 0; i < cfg->nr_routes; i++) {
		ret = sgdma_board_add_route(board, &cfg->routes[i]);
		if (ret)
			return ret;
	}
	return 0;
}

/* The device the driver binds to: IRQs as resources, wiring as a node. */
static int sgdma_board_add_pdev(struct sgdma_board *board)
{
	struct platform_device *pdev;

	pdev = simdma_board_add_pdev(SGDMA_BOARD_DRIVER, board->id,
				     &board->chip->dev, board->fwnode,
				     sgdma_hw_irq_lines(board->hw));
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	board->pdev = pdev;
	return 0;
}

static void sgdma_board_faults(struct sgdma_board *board,
			       const struct sgdma_board_config *cfg)
{
	u32 mask = cfg->fault_channels;
	unsigned int i;

	if (!mask)
		mask = GENMASK(sgdma_hw_channels(board->hw) - 1, 0);
	for (i = 0; i < SGDMA_FAULT_NR; i++)
		sgdma_hw_inject(board->hw, i, cfg->fault_every[i], mask);
}

/**
 * sgdma_board_create() - build a board and bind the driver to it
 * @cfg: what to build
 *
 * Context: process context; may sleep.
 * Return: the board, or an ERR_PTR():
 * * -EINVAL - @cfg is out of range
 * * -ENODEV - the driver is not available
 * * other - the driver's probe error, or an allocation failure
 */
struct sgdma_board *sgdma_board_create(const struct sgdma_board_config *cfg)
{
	struct sgdma_hw_config hwcfg = cfg->hw;
	struct sgdma_board *board;
	int ret;

	board = kzalloc(sizeof(*board), GFP_KERNEL);
	if (!board)
		return ERR_PTR(-ENOMEM);
	board->id = ida_alloc(&sgdma_board_ida, GFP_KERNEL);
	if (board->id < 0) {
		ret = board->id;
		goto err_free;
	}
	hwcfg.id = board->id;
	board->chip = platform_device_register_simple(SGDMA_BOARD_CHIP,
						      board->id, NULL, 0);
	if (IS_ERR(board->chip)) {
		ret = PTR_ERR(board->chip);
		goto err_ida;
	}
	board->hw = sgdma_hw_create(&board->chip->dev, &hwcfg);
	if (IS_ERR(board->hw)) {
		ret = PTR_ERR(board->hw);
		goto err_chip;
	}
	sgdma_board_faults(board, cfg);
	ret = sgdma_board_add_nodes(board, cfg);
	if (ret)
		goto err_nodes;
	ret = sgdma_board_add_pdev(board);
	if (ret)
		goto err_nodes;
	ret = simdma_board_bind(board->pdev, SGDMA_BOARD_DRIVER);
	if (ret)
		goto err_pdev;
	board->debugfs = sgdma_debugfs_add(board);
	return board;

err_pdev:
	platform_device_unregister(board->pdev);
err_nodes:
	sgdma_board_remove_nodes(board);
	sgdma_hw_destroy(board->hw);
err_chip:
	platform_device_unregister(board->chip);
err_ida:
	ida_free(&sgdma_board_ida, board->id);
err_free:
	kfree(board);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(sgdma_board_create);

/**
 * sgdma_board_destroy() - unbind the driver and tear a board down
 * @board: the board, or NULL or an ERR_PTR() (ignored)
 *
 * Clients still holding channels keep them, but every transfer stops.
 *
 * Context: process context; may sleep.
 */
void sgdma_board_destroy(struct sgdma_board *board)
{
	if (IS_ERR_OR_NULL(board))
		return;
	sgdma_debugfs_remove(board->debugfs);
	platform_device_unregister(board->pdev);
	sgdma_board_remove_nodes(board);
	sgdma_hw_destroy(board->hw);
	platform_device_unregister(board->chip);
	ida_free(&sgdma_board_ida, board->id);
	kfree(board);
}
EXPORT_SYMBOL_GPL(sgdma_board_destroy);

/**
 * sgdma_board_hw() - the hardware model of a board
 * @board: the board
 *
 * Context: any.
 * Return: the model, for peripheral access and fault injection.
 */
struct sgdma_hw *sgdma_board_hw(struct sgdma_board *board)
{
	return board->hw;
}
EXPORT_SYMBOL_GPL(sgdma_board_hw);

/**
 * sgdma_board_dev() - the device the DMA driver is bound to
 * @board: the board
 *
 * Context: any.
 * Return: the device; &dma_device.dev of the board's DMA channels.
 */
struct device *sgdma_board_dev(struct sgdma_board *board)
{
	return &board->pdev->dev;
}
EXPORT_SYMBOL_GPL(sgdma_board_dev);

/**
 * sgdma_board_name() - name of the device the DMA driver is bound to
 * @board: the board
 *
 * Context: any.
 * Return: "sgdma.N".
 */
const char *sgdma_board_name(struct sgdma_board *board)
{
	return dev_name(&board->pdev->dev);
}
EXPORT_SYMBOL_GPL(sgdma_board_name);

/* ---- the module --------------------------------------------------- */

static unsigned int sgdma_public_channels = CONFIG_DMA_SIM_SG_DEFAULT_CHANNELS;
module_param_named(default_channels, sgdma_public_channels, uint, 0444);
MODULE_PARM_DESC(default_channels,
		 "channels of the public instance made at load time, for async_tx (0: none)");

static unsigned int sgdma_private_channels = CONFIG_DMA_SIM_SG_DEFAULT_CHANNELS;
module_param_named(private_channels, sgdma_private_channels, uint, 0444);
MODULE_PARM_DESC(private_channels,
		 "channels of the private instance made at load time, for dmatest and slave clients (0: none)");

static char *sgdma_default_caps = "memcpy memset xor xor_val pq pq_val interrupt";
module_param_named(default_caps, sgdma_default_caps, charp, 0444);
MODULE_PARM_DESC(default_caps,
		 "capabilities of both: memcpy memset xor xor_val pq pq_val interrupt slave (the private one always has slave)");

static ulong sgdma_default_latency_ns;
module_param_named(default_latency_ns, sgdma_default_latency_ns, ulong, 0444);
MODULE_PARM_DESC(default_latency_ns, "time each descriptor of both takes");

static struct sgdma_board *sgdma_default_boards[2];

static int __init sgdma_default_create(unsigned int slot, unsigned int channels,
				       bool private)
{
	struct sgdma_board_config cfg;
	struct sgdma_board *board;
	int ret;

	if (!channels)
		return 0;
	sgdma_board_default_config(&cfg);
	cfg.hw.channels = channels;
	cfg.hw.latency_ns = sgdma_default_latency_ns;
	cfg.private = private;
	ret = sgdma_board_parse_caps(sgdma_default_caps, &cfg.hw.ops);
	if (ret)
		return ret;
	if (private)
		cfg.hw.ops |= SGDMA_OPS_HANDSHAKE;
	if (!(cfg.hw.ops & SGDMA_OPS_HANDSHAKE))
		cfg.hw.request_lines = 0;
	board = sgdma_board_create(&cfg);
	if (IS_ERR(board))
		return PTR_ERR(board);
	sgdma_default_boards[slot] = board;
	return 0;
}

static int __init sgdma_sim_init(void)
{
	int ret;

	sgdma_debugfs_init();
	ret = sgdma_configfs_init();
	if (ret) {
		sgdma_debugfs_exit();
		return ret;
	}
	ret = sgdma_default_create(0, sgdma_public_channels, false);
	if (ret)
		pr_warn("sgdma-sim: no public default instance: %d\n", ret);
	ret = sgdma_default_create(1, sgdma_private_channels, true);
	if (ret)
		pr_warn("sgdma-sim: no private default instance: %d\n", ret);
	return 0;
}
module_init(sgdma_sim_init);

static void __exit sgdma_sim_exit(void)
{
	sgdma_board_destroy(sgdma_default_boards[1]);
	sgdma_board_destroy(sgdma_default_boards[0]);
	sgdma_configfs_exit();
	sgdma_debugfs_exit();
}
module_exit(sgdma_sim_exit);

MODULE_SOFTDEP("pre: sgdma");
MODULE_DESCRIPTION("Simulated scatter-gather DMA controller hardware and boards");
MODULE_LICENSE("GPL");
