// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * pciaddr.c - PCI addresses as users type them and as sysfs names them.
 */
#include <errno.h>
#include <stdio.h>

#include "internal.h"

int uh_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads exactly ndigits hex digits; strict so that "0:3.0" is refused. */
static const char *hexfield(const char *s, int ndigits, unsigned int *val)
{
	*val = 0;
	for (int i = 0; i < ndigits; i++) {
		int v = uh_hexval(s[i]);

		if (v < 0)
			return NULL;
		*val = *val << 4 | (unsigned int)v;
	}
	return s + ndigits;
}

int uh_pci_addr_parse(const char *s, struct uh_pci_addr *addr)
{
	unsigned int domain = 0, bus, dev, fn;
	const char *p = s;

	if (!s)
		return uh_fail(EINVAL,
			       "no PCI address given: use DDDD:BB:DD.F, as 'uldd list' prints");
	/* The domain is optional: "BB:DD.F" has its first colon at index 2. */
	if (s[0] && s[1] && s[2] != ':') {
		p = hexfield(p, 4, &domain);
		if (!p || *p++ != ':')
			goto bad;
	}
	p = hexfield(p, 2, &bus);
	if (!p || *p++ != ':')
		goto bad;
	p = hexfield(p, 2, &dev);
	if (!p || *p++ != '.')
		goto bad;
	p = hexfield(p, 1, &fn);
	if (!p || *p || dev > 31 || fn > 7)
		goto bad;
	addr->domain = (uint16_t)domain;
	addr->bus = (uint8_t)bus;
	addr->dev = (uint8_t)dev;
	addr->fn = (uint8_t)fn;
	return 0;
bad:
	return uh_fail(EINVAL,
		       "'%s' is not a PCI address: use DDDD:BB:DD.F (hex), as 'uldd list' prints",
		       s);
}

void uh_pci_addr_format(const struct uh_pci_addr *addr, char buf[UH_PCI_ADDR_LEN])
{
	snprintf(buf, UH_PCI_ADDR_LEN, "%04x:%02x:%02x.%x", addr->domain, addr->bus,
		 addr->dev & 0x1fu, addr->fn & 0x7u);
}
