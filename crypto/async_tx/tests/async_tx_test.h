/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared pieces of the async_tx KUnit suites: a software DMA engine
 * provider ("atp") with xor and P+Q capabilities and fault knobs, the
 * switch between the CPU and the offload mode, and CPU references.
 */
#ifndef _ASYNC_TX_TEST_H
#define _ASYNC_TX_TEST_H

#include <kunit/test.h>
#include <linux/async_tx.h>
#include <linux/completion.h>
#include <linux/dmaengine.h>

/* Most sources one provider descriptor accepts. */
#define ATP_MAX_SRC		16

/* Disks of the largest stripe the suites build. */
#define AT_MAX_DISKS		24

/**
 * struct atp_options - shape of a test provider
 * @caps: capabilities, as BIT(enum dma_transaction_type)
 * @max_xor: sources per xor descriptor
 * @max_pq: sources per P+Q descriptor
 * @pq_continue: the provider continues P+Q natively (no re-fed sources)
 * @align: copy, xor and P+Q alignment
 */
struct atp_options {
	unsigned long caps;
	unsigned int max_xor;
	unsigned int max_pq;
	bool pq_continue;
	enum dmaengine_alignment align;
};

struct atp;

/* every memory-to-memory async_tx capability, plus interrupts */
#define ATP_ALL_CAPS	(BIT(DMA_MEMCPY) | BIT(DMA_XOR) | BIT(DMA_XOR_VAL) | \
			 BIT(DMA_PQ) | BIT(DMA_PQ_VAL) | BIT(DMA_INTERRUPT))

struct atp *atp_create(struct kunit *test, const char *name,
		       const struct atp_options *opt);
struct atp *atp_create_default(struct kunit *test, const char *name);
struct dma_chan *atp_chan(struct atp *atp);
void atp_fail_preps(struct atp *atp, int skip, int count);
void atp_fail_completions(struct atp *atp, int skip, int count);
void atp_hold(struct atp *atp, bool hold);
unsigned int atp_preps(struct atp *atp, enum dma_transaction_type type);
unsigned int atp_runs(struct atp *atp, enum dma_transaction_type type);
unsigned int atp_bad_preps(struct atp *atp);
unsigned int atp_max_srcs(struct atp *atp, enum dma_transaction_type type);
unsigned int atp_continue_preps(struct atp *atp);
unsigned int atp_failed_preps(struct atp *atp);
bool atp_owns(struct atp *atp, struct dma_async_tx_descriptor *tx);

/**
 * struct at_env - one test's execution mode
 * @test: the test
 * @atp: the provider used in offload mode, or NULL in CPU mode
 * @offload: whether async_tx may use @atp
 */
struct at_env {
	struct kunit *test;
	struct atp *atp;
	bool offload;
};

struct at_env *at_env_cpu(struct kunit *test);
struct at_env *at_env_offload(struct kunit *test, struct atp *atp);
void at_env_set_offload(struct at_env *env, struct atp *atp);
const void *at_mode_gen_params(const void *prev, char *desc);
struct at_env *at_env_from_param(struct kunit *test);

/**
 * struct at_cb - counts the callbacks of one operation
 * @done: completed by the first callback
 * @calls: number of callbacks so far
 */
struct at_cb {
	struct completion done;
	atomic_t calls;
};

void at_cb_init(struct at_cb *cb);
void at_cb_fn(void *param);
void at_finish(struct kunit *test, struct at_cb *cb,
	       struct dma_async_tx_descriptor *tx);

struct page *at_page(struct kunit *test, int fill);
u8 *at_va(struct page *page);
void at_fill_random(struct page *page);
u8 at_gf_mul(u8 a, u8 b);
u8 at_gf_pow2(int e);
void at_ref_pq(struct page **blocks, unsigned int *offs, int disks,
	       size_t len, u8 *p, u8 *q);

#endif /* _ASYNC_TX_TEST_H */
