// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/skbuff.c - socket buffers. An skb's head is either kmalloc() memory
 * or a page fragment (head_frag); fragments come from a per-vCPU cache of
 * 32 KiB compound blocks. The block's reference count is raised by a large
 * bias when it is taken, each fragment handed out owns one of those
 * references and skb_free_frag() drops it through the block's head page,
 * so a fragment can be freed from any pointer inside it, from any vCPU,
 * and the block goes back to the page allocator when the last is freed.
 *
 * The per-vCPU cache needs no lock: a vCPU runs one task at a time and
 * nothing here sleeps, so nobody else touches the cache in between.
 *
 * Clones share a buffer: shinfo's dataref counts the sk_buffs over it and
 * is touched only once a clone exists (skb->cloned), so the common free
 * of an uncloned skb costs no atomic beyond its users count.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <net/checksum.h>

#include "../mm/private.h"

#define FRAG_ORDER 3
#define FRAG_BLOCK (PAGE_SIZE << FRAG_ORDER)
/* More than the fragments one block can give (at least one cache line each). */
#define FRAG_BIAS (FRAG_BLOCK / SMP_CACHE_BYTES + 1)

struct frag_cache {
	struct page *page;
	unsigned int offset;
	unsigned int bias; /* references still owned by the cache */
};

static struct frag_cache frag_caches[NR_CPUS];

static void frag_block_release(struct page *page, unsigned int refs)
{
	if (__atomic_sub_fetch(&page->_refcount, refs, __ATOMIC_ACQ_REL) == 0)
		uldd_page_put_last(page);
}

static void *frag_alloc(unsigned int fragsz, gfp_t gfp)
{
	struct frag_cache *c;
	struct page *page;
	void *p;

	fragsz = SKB_DATA_ALIGN(fragsz);
	if (unlikely(fragsz > FRAG_BLOCK)) {
		page = alloc_pages(gfp, get_order(fragsz));
		return page ? page_address(page) : NULL;
	}
	c = &frag_caches[smp_processor_id()];
	if (unlikely(!c->page || c->offset + fragsz > FRAG_BLOCK)) {
		if (c->page)
			frag_block_release(c->page, c->bias);
		c->page = NULL;
		page = alloc_pages(gfp | __GFP_COMP, FRAG_ORDER);
		if (!page)
			return NULL;
		__atomic_add_fetch(&page->_refcount, FRAG_BIAS - 1, __ATOMIC_RELAXED);
		c->page = page;
		c->bias = FRAG_BIAS;
		c->offset = 0;
	}
	p = (char *)page_address(c->page) + c->offset;
	c->offset += fragsz;
	c->bias--;
	return p;
}

void *netdev_alloc_frag(unsigned int fragsz)
{
	return frag_alloc(fragsz, GFP_ATOMIC);
}

void *napi_alloc_frag(unsigned int fragsz)
{
	return frag_alloc(fragsz, GFP_ATOMIC);
}

void skb_free_frag(void *addr)
{
	put_page(virt_to_page(addr));
}

static void skb_head_free(struct sk_buff *skb)
{
	if (skb->head_frag)
		skb_free_frag(skb->head);
	else
		kfree(skb->head);
}

/* The skb around a head of size bytes (shared info included). */
static struct sk_buff *skb_wrap(void *data, unsigned int size, bool frag, gfp_t gfp)
{
	struct skb_shared_info *shinfo;
	struct sk_buff *skb;

	/* The head is the driver's to map; the sk_buff is the shim's, out of reach. */
	skb = uldd_private_alloc(sizeof(*skb), gfp);
	if (!skb)
		return NULL;
	memset(skb, 0, sizeof(*skb));
	size = SKB_WITH_OVERHEAD(size);
	skb->head = data;
	skb->data = data;
	skb->tail = data;
	skb->end = (unsigned char *)data + size;
	skb->head_frag = frag;
	skb->truesize = SKB_TRUESIZE(size);
	skb->mac_header = (u16)~0U;
	skb->network_header = (u16)~0U;
	skb->transport_header = (u16)~0U;
	skb->inner_mac_header = (u16)~0U;
	skb->inner_network_header = (u16)~0U;
	skb->inner_transport_header = (u16)~0U;
	refcount_set(&skb->users, 1);
	shinfo = skb_shinfo(skb);
	memset(shinfo, 0, offsetof(struct skb_shared_info, dataref));
	memset(&shinfo->hwtstamps, 0, sizeof(shinfo->hwtstamps));
	atomic_set(&shinfo->dataref, 1);
	return skb;
}

struct sk_buff *__alloc_skb(unsigned int size, gfp_t gfp, int flags, int node)
{
	struct sk_buff *skb;
	unsigned int total;
	void *data;

	(void)flags;
	(void)node;
	total = SKB_DATA_ALIGN(size) + SKB_DATA_ALIGN(sizeof(struct skb_shared_info));
	data = kmalloc(total, gfp);
	if (!data)
		return NULL;
	skb = skb_wrap(data, total, false, gfp);
	if (!skb)
		kfree(data);
	return skb;
}

struct sk_buff *build_skb(void *data, unsigned int frag_size)
{
	unsigned int size = frag_size ? frag_size : (unsigned int)ksize(data);

	return skb_wrap(data, size, frag_size != 0, GFP_ATOMIC);
}

struct sk_buff *napi_build_skb(void *data, unsigned int frag_size)
{
	return build_skb(data, frag_size);
}

struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int len, gfp_t gfp)
{
	struct sk_buff *skb = __alloc_skb(len + NET_SKB_PAD, gfp, 0, -1);

	if (skb) {
		skb_reserve(skb, NET_SKB_PAD);
		skb->dev = dev;
	}
	return skb;
}

struct sk_buff *__napi_alloc_skb(struct napi_struct *napi, unsigned int len, gfp_t gfp)
{
	struct sk_buff *skb = __alloc_skb(len + NET_SKB_PAD + NET_IP_ALIGN, gfp, 0, -1);

	if (skb) {
		skb_reserve(skb, NET_SKB_PAD + NET_IP_ALIGN);
		skb->dev = napi->dev;
	}
	return skb;
}

/* This sk_buff lets go of its buffer: the last one over it frees it. */
static void skb_release_data(struct sk_buff *skb)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);

	if (skb->cloned && !atomic_dec_and_test(&shinfo->dataref))
		return;
	for (unsigned int i = 0; i < shinfo->nr_frags; i++)
		put_page(skb_frag_page(&shinfo->frags[i]));
	skb_head_free(skb);
}

void kfree_skb(struct sk_buff *skb)
{
	if (!skb || !refcount_dec_and_test(&skb->users))
		return;
	skb_release_data(skb);
	uldd_private_free(skb);
}

void consume_skb(struct sk_buff *skb)
{
	kfree_skb(skb);
}

void napi_consume_skb(struct sk_buff *skb, int budget)
{
	(void)budget;
	kfree_skb(skb);
}

void skb_add_rx_frag(struct sk_buff *skb, int i, struct page *page, int off, int size,
		     unsigned int truesize)
{
	skb_fill_page_desc(skb, i, page, off, size);
	skb->len += size;
	skb->data_len += size;
	skb->truesize += truesize;
}

void skb_over_panic(struct sk_buff *skb, unsigned int len, void *here)
{
	pr_emerg("skb_over_panic: put %u bytes past the end: len %u, tailroom %d, from %pS\n", len,
		 skb->len, skb_tailroom(skb), here);
	BUG();
}

void skb_under_panic(struct sk_buff *skb, unsigned int len, void *here)
{
	pr_emerg("skb_under_panic: pushed %u bytes before the head: headroom %u, from %pS\n", len,
		 skb_headroom(skb), here);
	BUG();
}

/*
 * A new head with nhead more bytes before and ntail more after; the
 * header offsets are from head, so they move with it.
 */
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp)
{
	unsigned int old_size = skb_end_offset(skb);
	unsigned int size = SKB_DATA_ALIGN(old_size + nhead + ntail);
	unsigned int total = size + SKB_DATA_ALIGN(sizeof(struct skb_shared_info));
	struct skb_shared_info *shinfo;
	unsigned char *data;
	long delta;

	if (WARN_ON(nhead < 0 || ntail < 0 || skb_shared(skb)))
		return -EINVAL;
	data = kmalloc(total, gfp);
	if (!data)
		return -ENOMEM;
	memcpy(data + nhead, skb->head, skb->tail - skb->head);
	shinfo = (struct skb_shared_info *)(data + size);
	memcpy(shinfo, skb_shinfo(skb),
	       offsetof(struct skb_shared_info, frags[skb_shinfo(skb)->nr_frags]));
	atomic_set(&shinfo->dataref, 1);
	delta = data + nhead - skb->head;
	if (skb->cloned) {
		/* The new shinfo's own references; the old buffer goes with its last user. */
		for (unsigned int i = 0; i < shinfo->nr_frags; i++)
			get_page(skb_frag_page(&shinfo->frags[i]));
		skb_release_data(skb);
	} else {
		/* The fragments' references move with the shinfo. */
		skb_head_free(skb);
	}
	skb->cloned = 0;
	skb->head = data;
	skb->head_frag = 0;
	skb->data += delta;
	skb->tail += delta;
	skb->end = data + size;
	if (skb->mac_header != (u16)~0U)
		skb->mac_header += nhead;
	if (skb->network_header != (u16)~0U)
		skb->network_header += nhead;
	if (skb->transport_header != (u16)~0U)
		skb->transport_header += nhead;
	if (skb->inner_mac_header != (u16)~0U)
		skb->inner_mac_header += nhead;
	if (skb->inner_network_header != (u16)~0U)
		skb->inner_network_header += nhead;
	if (skb->inner_transport_header != (u16)~0U)
		skb->inner_transport_header += nhead;
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		skb->csum_start += nhead;
	skb->truesize += size - old_size;
	return 0;
}

int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	unsigned int start = skb_headlen(skb);
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	char *out = to;

	if (offset < 0 || len < 0 || (unsigned int)(offset + len) > skb->len)
		return -EFAULT;
	if ((unsigned int)offset < start) {
		int n = min_t(int, len, (int)start - offset);

		memcpy(out, skb->data + offset, n);
		out += n;
		offset += n;
		len -= n;
	}
	for (unsigned int i = 0; len > 0 && i < shinfo->nr_frags; i++) {
		const skb_frag_t *f = &shinfo->frags[i];
		unsigned int end = start + skb_frag_size(f);

		if ((unsigned int)offset < end) {
			int n = min_t(int, len, (int)(end - offset));

			memcpy(out, (char *)skb_frag_address(f) + (offset - start), n);
			out += n;
			offset += n;
			len -= n;
		}
		start = end;
	}
	return 0;
}

/* Moves delta bytes from the fragments into the linear part. */
void *__pskb_pull_tail(struct sk_buff *skb, int delta)
{
	struct skb_shared_info *shinfo;
	int eat = delta, tailroom = (int)(skb->end - skb->tail);
	unsigned int i, k;

	/* It rewrites the fragment list: a shared one must become this skb's own. */
	if ((tailroom < delta || skb_cloned(skb)) &&
	    pskb_expand_head(skb, 0, tailroom < delta ? delta - tailroom + 128 : 0, GFP_ATOMIC))
		return NULL;
	if (skb_copy_bits(skb, (int)skb_headlen(skb), skb->tail, delta))
		return NULL;
	shinfo = skb_shinfo(skb);
	for (i = 0, k = 0; i < shinfo->nr_frags; i++) {
		skb_frag_t *f = &shinfo->frags[i];

		if (eat >= (int)skb_frag_size(f)) {
			eat -= (int)skb_frag_size(f);
			put_page(skb_frag_page(f));
			continue;
		}
		shinfo->frags[k] = *f;
		if (eat) {
			shinfo->frags[k].bv_offset += eat;
			shinfo->frags[k].bv_len -= eat;
			eat = 0;
		}
		k++;
	}
	shinfo->nr_frags = (u8)k;
	skb->tail += delta;
	skb->data_len -= delta;
	return skb->tail;
}

int skb_pad(struct sk_buff *skb, int pad)
{
	int tailroom;

	if (skb_is_nonlinear(skb) && !__pskb_pull_tail(skb, (int)skb->data_len))
		goto fail;
	tailroom = (int)(skb->end - skb->tail);
	if ((tailroom < pad || skb_cloned(skb)) &&
	    pskb_expand_head(skb, 0, tailroom < pad ? pad - tailroom : 0, GFP_ATOMIC))
		goto fail;
	memset(skb->tail, 0, pad);
	return 0;
fail:
	kfree_skb(skb);
	return -ENOMEM;
}

struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp)
{
	struct sk_buff *n = uldd_private_alloc(sizeof(*n), gfp);

	if (!n)
		return NULL;
	/* Counted before the flag is seen: a free of either then finds dataref 2. */
	atomic_inc(&skb_shinfo(skb)->dataref);
	skb->cloned = 1;
	memcpy(n, skb, sizeof(*n));
	n->next = n->prev = NULL;
	n->uldd = NULL;
	refcount_set(&n->users, 1);
	return n;
}

struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t gfp)
{
	unsigned int headroom = skb_headroom(skb);
	struct skb_shared_info *from = skb_shinfo(skb), *to;
	struct sk_buff buffer, *n = __alloc_skb(skb_end_offset(skb) + skb->data_len, gfp, 0, -1);

	if (!n)
		return NULL;
	skb_reserve(n, (int)headroom);
	skb_put(n, skb->len);
	memcpy(n->head, skb->head, headroom);
	if (WARN_ON(skb_copy_bits(skb, 0, n->data, (int)skb->len))) {
		kfree_skb(n);
		return NULL;
	}
	/*
	 * Every field as the original has it, but those that describe the
	 * buffer. Same headroom: the header offsets from head hold as they are.
	 */
	buffer = *n;
	memcpy(n, skb, sizeof(*n));
	n->next = n->prev = NULL;
	n->len = buffer.len;
	n->data_len = 0;
	n->cloned = 0;
	n->head_frag = buffer.head_frag;
	n->head = buffer.head;
	n->data = buffer.data;
	n->tail = buffer.tail;
	n->end = buffer.end;
	n->truesize = buffer.truesize;
	refcount_set(&n->users, 1);
	n->uldd = NULL;
	to = skb_shinfo(n);
	to->gso_size = from->gso_size;
	to->gso_segs = from->gso_segs;
	to->gso_type = from->gso_type;
	return n;
}

void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_tail(list, skb);
	spin_unlock_irqrestore(&list->lock, flags);
}

struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb;
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	skb = __skb_dequeue(list);
	spin_unlock_irqrestore(&list->lock, flags);
	return skb;
}

void skb_queue_head(struct sk_buff_head *list, struct sk_buff *skb)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_head(list, skb);
	spin_unlock_irqrestore(&list->lock, flags);
}

struct sk_buff *skb_dequeue_tail(struct sk_buff_head *list)
{
	struct sk_buff *skb;
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	skb = __skb_dequeue_tail(list);
	spin_unlock_irqrestore(&list->lock, flags);
	return skb;
}

void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_unlink(skb, list);
	spin_unlock_irqrestore(&list->lock, flags);
}

void skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(list)))
		kfree_skb(skb);
}

void skb_copy_and_csum_dev(const struct sk_buff *skb, u8 *to)
{
	int start;
	__wsum csum;

	skb_copy_bits(skb, 0, to, skb->len);
	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return;
	/* The field holds the pseudo-header's sum: summing over it completes it. */
	start = skb_checksum_start_offset(skb);
	csum = csum_partial(to + start, skb->len - start, 0);
	put_unaligned(csum_fold(csum), (__sum16 *)(to + start + skb->csum_offset));
}
