// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated cyclic and interleaved DMA controller: boards, and the module
 * that makes them.
 */

/**
 * DOC: Simulated boards
 *
 * A board stands for what firmware would describe on a real system: a
 * controller, its peripherals and how its driver is wired.
 * cydma_board_create() builds one:
 *
 * 1. a bare ``cydma-hw.N`` platform device stands for the chip; the
 *    hardware model (cydma-hw.c) hangs its register window on it as a
 *    regmap, and no driver binds to it;
 * 2. the model is built from &cydma_board_config.hw, peripherals included;
 * 3. a software node carries what the driver reads: ``dma-channels`` and
 *    ``dma-requests``, plus one child node per slave route with
 *    ``cydma,consumer``, ``cydma,dma-name`` and ``cydma,request-line``.
 *    Besides the configured routes, the chip device itself (the test
 *    bench, cydma_board_bench()) gets a route to every request line,
 *    named ``line<N>``, so that in-kernel exercisers can ask
 *    dma_request_chan() for a channel paced by any peripheral;
 * 4. the ``cydma.N`` platform device, a child of the chip, gets that node
 *    and one IRQ resource per channel.  If the driver does not bind on
 *    its own, the board binds it explicitly to report the probe's error.
 *
 * Board numbers come from one IDA.  The default board made at module load
 * has ``default_channels`` channels (a module parameter, by default
 * CONFIG_DMA_SIM_CYCLIC_DEFAULT_CHANNELS; 0 makes none), an
 * audio codec consuming 48 kHz 16-bit stereo on request line 0 (its rate
 * set by ``default_codec_rate``), a camera producing 320-byte lines 1800
 * times a second on line 1, and two bare FIFOs on lines 2 and 3.
 */

#include <linux/err.h>
#include <linux/idr.h>
#include <linux/log2.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "simdma-board.h"
#include "cydma-board.h"
#include "cydma-regs.h"

#define CYDMA_BOARD_DRIVER	"cydma"
#define CYDMA_BOARD_CHIP	"cydma-hw"

/**
 * struct cydma_board - one simulated board
 * @id: instance number, also the platform device ids
 * @chip: the device standing for the controller chip
 * @hw: the hardware model
 * @fwnode: properties of @pdev
 * @routes: child nodes of @fwnode, one per slave route
 * @nr_routes: entries in @routes
 * @pdev: the device the driver binds to
 * @debugfs: the board's debugfs directory, or NULL
 */
struct cydma_board {
	int id;
	struct platform_device *chip;
	struct cydma_hw *hw;
	struct fwnode_handle *fwnode;
	struct fwnode_handle **routes;
	unsigned int nr_routes;
	struct platform_device *pdev;
	struct cydma_debugfs *debugfs;
};

static DEFINE_IDA(cydma_board_ida);

/* Names of the CYDMA_FEATURES bits, in bit order */
static const char * const cydma_board_feature_names[] = {
	"mem", "slave", "cyclic", "chunks", "repeat",
};

static_assert(ARRAY_SIZE(cydma_board_feature_names) ==
	      const_ilog2(CYDMA_FEAT_ALL + 1));

/* ---- feature and width lists -------------------------------------- */

static int cydma_board_feature_bit(const char *word, u32 *bit)
{
	int i = match_string(cydma_board_feature_names,
			     ARRAY_SIZE(cydma_board_feature_names), word);

	if (i < 0)
		return -EINVAL;
	*bit = BIT(i);
	return 0;
}

/**
 * cydma_board_parse_features() - parse a feature list
 * @buf: words among mem, slave, cyclic, chunks and repeat, separated by
 *	blanks or commas
 * @features: receives the CYDMA_FEATURES register value
 *
 * Context: process context.
 * Return: 0, -EINVAL for an unknown word, -ENOMEM.
 */
int cydma_board_parse_features(const char *buf, u32 *features)
{
	return simdma_parse_words(buf, features, cydma_board_feature_bit);
}

/**
 * cydma_board_format_features() - print a feature list
 * @features: CYDMA_FEATURES register value
 * @buf: output buffer
 * @size: its size
 *
 * Context: any.
 * Return: characters written, newline included.
 */
ssize_t cydma_board_format_features(u32 features, char *buf, size_t size)
{
	ssize_t len = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cydma_board_feature_names); i++) {
		if (features & BIT(i))
			len += scnprintf(buf + len, size - len, "%s%s",
					 len ? " " : "",
					 cydma_board_feature_names[i]);
	}
	return len + scnprintf(buf + len, size - len, "\n");
}

/**
 * cydma_board_parse_widths() - parse a beat width list
 * @buf: widths in bytes (1, 2, 4, 8 or 16), separated by blanks or commas
 * @widths: receives the CYDMA_WIDTHS register value
 *
 * Context: process context.
 * Return: 0, -EINVAL for a bad width, -ENOMEM.
 */
int cydma_board_parse_widths(const char *buf, u32 *widths)
{
	return simdma_parse_widths(buf, widths, 16);
}

/**
 * cydma_board_format_widths() - print a beat width list
 * @widths: CYDMA_WIDTHS register value
 * @buf: output buffer
 * @size: its size
 *
 * Context: any.
 * Return: characters written, newline included.
 */
ssize_t cydma_board_format_widths(u32 widths, char *buf, size_t size)
{
	return simdma_format_widths(widths, 16, buf, size);
}

/* ---- boards ------------------------------------------------------- */

/**
 * cydma_board_default_config() - the configuration of a new board
 * @cfg: receives it
 *
 * Four channels with every feature; four request lines: an audio codec
 * (sink, 192000 bytes/s in 4-byte frames, 16 KiB FIFO) on line 0, a
 * camera (source, 320-byte lines at 576000 bytes/s, 32 KiB FIFO) on line
 * 1, bare 4 KiB FIFOs on lines 2 and 3.  Beats of 1 to 8 bytes, bursts of
 * up to 64 beats, 64 KiB chunks, periods of at least 64 bytes, 65535
 * frames, 1 MiB gaps, 16 chunks per frame.  No slave routes.
 *
 * Context: any.
 */
void cydma_board_default_config(struct cydma_board_config *cfg)
{
	*cfg = (struct cydma_board_config) {
		.hw = {
			.channels = 4,
			.request_lines = 4,
			.features = CYDMA_FEAT_ALL,
			.widths = GENMASK(3, 0),
			.max_burst = 64,
			.max_chunk = SZ_64K,
			.min_period = 64,
			.max_frames = U16_MAX,
			.max_gap = SZ_1M,
			.max_chunks = 16,
		},
	};
	cfg->hw.ports[CYDMA_BOARD_CODEC_LINE] = (struct cydma_hw_port_config) {
		.kind = CYDMA_PORT_SINK,
		.rate = CYDMA_BOARD_CODEC_RATE,
		.unit = CYDMA_BOARD_CODEC_UNIT,
		.fifo_depth = SZ_16K,
	};
	cfg->hw.ports[CYDMA_BOARD_CAMERA_LINE] = (struct cydma_hw_port_config) {
		.kind = CYDMA_PORT_SOURCE,
		.rate = CYDMA_BOARD_CAMERA_RATE,
		.unit = CYDMA_BOARD_CAMERA_LINE_BYTES,
		.fifo_depth = SZ_32K,
	};
	cfg->hw.ports[2].fifo_depth = SZ_4K;
	cfg->hw.ports[3].fifo_depth = SZ_4K;
}
EXPORT_SYMBOL_GPL(cydma_board_default_config);

static void cydma_board_remove_nodes(struct cydma_board *board)
{
	unsigned int i;

	for (i = 0; i < board->nr_routes; i++)
		fwnode_remove_software_node(board->routes[i]);
	kfree(board->routes);
	if (!IS_ERR_OR_NULL(board->fwnode))
		fwnode_remove_software_node(board->fwnode);
}

static int cydma_board_add_route(struct cydma_board *board,
				 const struct cydma_board_route *route)
{
	const struct property_entry props[] = {
		PROPERTY_ENTRY_STRING("cydma,consumer", route->consumer),
		PROPERTY_ENTRY_STRING("cydma,dma-name", route->name),
		PROPERTY_ENTRY_U32("cydma,request-line", route->line),
		{ }
	};
	struct fwnode_handle *node;

	node = fwnode_create_software_node(props, board->fwnode);
	if (IS_ERR(node))
		return PTR_ERR(node);
	board->routes[board->nr_routes++] = node;
	return 0;
}

/* The test bench's own route to request line @line. */
static int cydma_board_add_bench_route(struct cydma_board *board,
				       unsigned int line)
{
	struct cydma_board_route route = {
		.consumer = dev_name(&board->chip->dev),
		.line = line,
	};
	char name[16];

	snprintf(name, sizeof(name), CYDMA_BOARD_BENCH_NAME, line);
	route.name = name;
	/* the property strings are copied into the node */
	return cydma_board_add_route(board, &route);
}

/* The software node describing the wiring, read by the driver. */
static int cydma_board_add_nodes(struct cydma_board *board,
				 const struct cydma_board_config *cfg)
{
	const struct property_entry props[] = {
		PROPERTY_ENTRY_U32("dma-channels", cfg->hw.channels),
		PROPERTY_ENTRY_U32("dma-requests", cfg->hw.request_lines),
		{ }
	};
	unsigned int i, lines = cfg->hw.request_lines;
	int ret;

	board->fwnode = fwnode_create_software_node(props, NULL);
	if (IS_ERR(board->fwnode))
		return PTR_ERR(board->fwnode);
	if (!cfg->nr_routes && !lines)
		return 0;
	board->routes = kcalloc(cfg->nr_routes + lines, sizeof(*board->routes),
				GFP_KERNEL);
	if (!board->routes)
		return -ENOMEM;
	for (i = 0; i < cfg->nr_routes; i++) {
		ret = cydma_board_add_route(board, &cfg->routes[i]);
		if (ret)
			return ret;
	}
	for (i = 0; i < lines; i++) {
		ret = cydma_board_add_bench_route(board, i);
		if (ret)
			return ret;
	}
	return 0;
}

/* The device the driver binds to: IRQs as resources, wiring as a node. */
static int cydma_board_add_pdev(struct cydma_board *board)
{
	struct platform_device *pdev;

	pdev = simdma_board_add_pdev(CYDMA_BOARD_DRIVER, board->id,
				     &board->chip->dev, board->fwnode,
				     cydma_hw_irq_lines(board->hw));
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	board->pdev = pdev;
	return 0;
}

/**
 * cydma_board_create() - build a board and bind the driver to it
 * @cfg: what to build
 *
 * Context: process context; may sleep.
 * Return: the board, or an ERR_PTR():
 * * -EINVAL - @cfg is out of range
 * * -ENODEV - the driver is not available
 * * other - the driver's probe error, or an allocation failure
 */
struct cydma_board *cydma_board_create(const struct cydma_board_config *cfg)
{
	struct cydma_hw_config hwcfg = cfg->hw;
	struct cydma_board *board;
	int ret;

	board = kzalloc(sizeof(*board), GFP_KERNEL);
	if (!board)
		return ERR_PTR(-ENOMEM);
	board->id = ida_alloc(&cydma_board_ida, GFP_KERNEL);
	if (board->id < 0) {
		ret = board->id;
		goto err_free;
	}
	hwcfg.id = board->id;
	board->chip = platform_device_register_simple(CYDMA_BOARD_CHIP,
						      board->id, NULL, 0);
	if (IS_ERR(board->chip)) {
		ret = PTR_ERR(board->chip);
		goto err_ida;
	}
	board->hw = cydma_hw_create(&board->chip->dev, &hwcfg);
	if (IS_ERR(board->hw)) {
		ret = PTR_ERR(board->hw);
		goto err_chip;
	}
	ret = cydma_board_add_nodes(board, cfg);
	if (ret)
		goto err_nodes;
	ret = cydma_board_add_pdev(board);
	if (ret)
		goto err_nodes;
	ret = simdma_board_bind(board->pdev, CYDMA_BOARD_DRIVER);
	if (ret)
		goto err_pdev;
	board->debugfs = cydma_debugfs_add(board);
	return board;

err_pdev:
	platform_device_unregister(board->pdev);
err_nodes:
	cydma_board_remove_nodes(board);
	cydma_hw_destroy(board->hw);
err_chip:
	platform_device_unregister(board->chip);
err_ida:
	ida_free(&cydma_board_ida, board->id);
err_free:
	kfree(board);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(cydma_board_create);

/**
 * cydma_board_destroy() - unbind the driver and tear a board down
 * @board: the board, or NULL or an ERR_PTR() (ignored)
 *
 * Clients still holding channels keep them, but every transfer stops.
 *
 * Context: process context; may sleep.
 */
void cydma_board_destroy(struct cydma_board *board)
{
	if (IS_ERR_OR_NULL(board))
		return;
	cydma_debugfs_remove(board->debugfs);
	platform_device_unregister(board->pdev);
	cydma_board_remove_nodes(board);
	cydma_hw_destroy(board->hw);
	platform_device_unregister(board->chip);
	ida_free(&cydma_board_ida, board->id);
	kfree(board);
}
EXPORT_SYMBOL_GPL(cydma_board_destroy);

/**
 * cydma_board_hw() - the hardware model of a board
 * @board: the board
 *
 * Context: any.
 * Return: the model, for access to the peripherals.
 */
struct cydma_hw *cydma_board_hw(struct cydma_board *board)
{
	return board->hw;
}
EXPORT_SYMBOL_GPL(cydma_board_hw);

/**
 * cydma_board_dev() - the device the DMA driver is bound to
 * @board: the board
 *
 * Context: any.
 * Return: the device; &dma_device.dev of the board's DMA channels.
 */
struct device *cydma_board_dev(struct cydma_board *board)
{
	return &board->pdev->dev;
}
EXPORT_SYMBOL_GPL(cydma_board_dev);

/**
 * cydma_board_bench() - the device standing for the test bench
 * @board: the board
 *
 * dma_request_chan() on this device with the name ``line<N>`` returns a
 * channel of the board paced by request line N.
 *
 * Context: any.
 * Return: the chip device of the board.
 */
struct device *cydma_board_bench(struct cydma_board *board)
{
	return &board->chip->dev;
}
EXPORT_SYMBOL_GPL(cydma_board_bench);

/**
 * cydma_board_name() - name of the device the DMA driver is bound to
 * @board: the board
 *
 * Context: any.
 * Return: "cydma.N".
 */
const char *cydma_board_name(struct cydma_board *board)
{
	return dev_name(&board->pdev->dev);
}
EXPORT_SYMBOL_GPL(cydma_board_name);

/* ---- the module --------------------------------------------------- */

static unsigned int cydma_default_channels =
	CONFIG_DMA_SIM_CYCLIC_DEFAULT_CHANNELS;
module_param_named(default_channels, cydma_default_channels, uint, 0444);
MODULE_PARM_DESC(default_channels,
		 "channels of the instance made at load time (0: none)");

static unsigned int cydma_default_codec_rate = CYDMA_BOARD_CODEC_RATE;
module_param_named(default_codec_rate, cydma_default_codec_rate, uint, 0444);
MODULE_PARM_DESC(default_codec_rate,
		 "bytes per second the audio codec of that instance consumes");

static struct cydma_board *cydma_default_board;

static int __init cydma_default_create(void)
{
	struct cydma_board_config cfg;

	if (!cydma_default_channels)
		return 0;
	cydma_board_default_config(&cfg);
	cfg.hw.channels = cydma_default_channels;
	cfg.hw.ports[CYDMA_BOARD_CODEC_LINE].rate = cydma_default_codec_rate;
	cydma_default_board = cydma_board_create(&cfg);
	return PTR_ERR_OR_ZERO(cydma_default_board);
}

static int __init cydma_sim_init(void)
{
	int ret;

	cydma_debugfs_init();
	ret = cydma_configfs_init();
	if (ret) {
		cydma_debugfs_exit();
		return ret;
	}
	ret = cydma_default_create();
	if (ret) {
		pr_warn("cydma-sim: no default instance: %d\n", ret);
		cydma_default_board = NULL;
	}
	return 0;
}
module_init(cydma_sim_init);

static void __exit cydma_sim_exit(void)
{
	cydma_board_destroy(cydma_default_board);
	cydma_configfs_exit();
	cydma_debugfs_exit();
}
module_exit(cydma_sim_exit);

MODULE_SOFTDEP("pre: cydma");
MODULE_DESCRIPTION("Simulated cyclic and interleaved DMA controller hardware and boards");
MODULE_LICENSE("GPL");
