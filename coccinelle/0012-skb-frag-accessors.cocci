// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: skb_frag_t stopped being a struct with page, page_offset and size
// members a driver reads directly: the page moved into a wrapper in 3.2
// (skb_frag_page() since 3.2), the offset became bv_offset in 5.4
// (skb_frag_off() since 5.4) and skb_frag_t a struct bio_vec in 5.4.
// Why a patch: these are member accesses on the driver's side; the members
// are gone or renamed, and a macro named "page" or "size" would break
// every other struct.
// What it does: reads of frag->page, frag->page_offset and frag->size,
// for a skb_frag_t * or a frags[] element of skb_shinfo(), become
// skb_frag_page(), skb_frag_off() and skb_frag_size().

@@
typedef skb_frag_t;
skb_frag_t *f;
expression skb, i;
@@
(
- f->page
+ skb_frag_page(f)
|
- f->page_offset
+ skb_frag_off(f)
|
- f->size
+ skb_frag_size(f)
|
- skb_shinfo(skb)->frags[i].page
+ skb_frag_page(&skb_shinfo(skb)->frags[i])
|
- skb_shinfo(skb)->frags[i].page_offset
+ skb_frag_off(&skb_shinfo(skb)->frags[i])
|
- skb_shinfo(skb)->frags[i].size
+ skb_frag_size(&skb_shinfo(skb)->frags[i])
)
