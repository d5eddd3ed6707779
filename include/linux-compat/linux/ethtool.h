/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ethtool.h - what 'ethtool' asks of a driver (struct ethtool_ops) and the
 * structures it passes, with the ethtool(8) protocol's constant values. In
 * uldd the host's ethtool sees a TAP, so 'uldd stats' calls these instead.
 */
#ifndef _LINUX_ETHTOOL_H
#define _LINUX_ETHTOOL_H

#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/compiler_types.h>
#include <linux/types.h>

struct net_device;
struct netlink_ext_ack;

#define ETH_GSTRING_LEN 32
#define ETHTOOL_FWVERS_LEN 32
#define ETHTOOL_BUSINFO_LEN 32
#define ETHTOOL_EROMVERS_LEN 32

enum ethtool_stringset {
	ETH_SS_TEST = 0,
	ETH_SS_STATS,
	ETH_SS_PRIV_FLAGS,
};

/* Legacy link masks: the low 32 link-mode bits. */
#define SUPPORTED_10baseT_Half (1 << 0)
#define SUPPORTED_10baseT_Full (1 << 1)
#define SUPPORTED_100baseT_Half (1 << 2)
#define SUPPORTED_100baseT_Full (1 << 3)
#define SUPPORTED_1000baseT_Half (1 << 4)
#define SUPPORTED_1000baseT_Full (1 << 5)
#define SUPPORTED_Autoneg (1 << 6)
#define SUPPORTED_TP (1 << 7)
#define SUPPORTED_AUI (1 << 8)
#define SUPPORTED_MII (1 << 9)
#define SUPPORTED_FIBRE (1 << 10)
#define SUPPORTED_BNC (1 << 11)
#define SUPPORTED_10000baseT_Full (1 << 12)
#define SUPPORTED_Pause (1 << 13)
#define SUPPORTED_Asym_Pause (1 << 14)
#define SUPPORTED_1000baseKX_Full (1 << 17)
#define SUPPORTED_10000baseKX4_Full (1 << 18)
#define SUPPORTED_10000baseKR_Full (1 << 19)

#define ADVERTISED_10baseT_Half (1 << 0)
#define ADVERTISED_10baseT_Full (1 << 1)
#define ADVERTISED_100baseT_Half (1 << 2)
#define ADVERTISED_100baseT_Full (1 << 3)
#define ADVERTISED_1000baseT_Half (1 << 4)
#define ADVERTISED_1000baseT_Full (1 << 5)
#define ADVERTISED_Autoneg (1 << 6)
#define ADVERTISED_TP (1 << 7)
#define ADVERTISED_AUI (1 << 8)
#define ADVERTISED_MII (1 << 9)
#define ADVERTISED_FIBRE (1 << 10)
#define ADVERTISED_BNC (1 << 11)
#define ADVERTISED_10000baseT_Full (1 << 12)
#define ADVERTISED_Pause (1 << 13)
#define ADVERTISED_Asym_Pause (1 << 14)
#define ADVERTISED_1000baseKX_Full (1 << 17)
#define ADVERTISED_10000baseKX4_Full (1 << 18)
#define ADVERTISED_10000baseKR_Full (1 << 19)

enum ethtool_link_mode_bit_indices {
	ETHTOOL_LINK_MODE_10baseT_Half_BIT = 0,
	ETHTOOL_LINK_MODE_10baseT_Full_BIT = 1,
	ETHTOOL_LINK_MODE_100baseT_Half_BIT = 2,
	ETHTOOL_LINK_MODE_100baseT_Full_BIT = 3,
	ETHTOOL_LINK_MODE_1000baseT_Half_BIT = 4,
	ETHTOOL_LINK_MODE_1000baseT_Full_BIT = 5,
	ETHTOOL_LINK_MODE_Autoneg_BIT = 6,
	ETHTOOL_LINK_MODE_TP_BIT = 7,
	ETHTOOL_LINK_MODE_AUI_BIT = 8,
	ETHTOOL_LINK_MODE_MII_BIT = 9,
	ETHTOOL_LINK_MODE_FIBRE_BIT = 10,
	ETHTOOL_LINK_MODE_BNC_BIT = 11,
	ETHTOOL_LINK_MODE_10000baseT_Full_BIT = 12,
	ETHTOOL_LINK_MODE_Pause_BIT = 13,
	ETHTOOL_LINK_MODE_Asym_Pause_BIT = 14,
	ETHTOOL_LINK_MODE_Backplane_BIT = 16,
	ETHTOOL_LINK_MODE_1000baseKX_Full_BIT = 17,
	ETHTOOL_LINK_MODE_10000baseKX4_Full_BIT = 18,
	ETHTOOL_LINK_MODE_10000baseKR_Full_BIT = 19,
	__ETHTOOL_LINK_MODE_MASK_NBITS = 128,
};

#define __ETHTOOL_DECLARE_LINK_MODE_MASK(name) DECLARE_BITMAP(name, __ETHTOOL_LINK_MODE_MASK_NBITS)

#define SPEED_10 10
#define SPEED_100 100
#define SPEED_1000 1000
#define SPEED_2500 2500
#define SPEED_10000 10000
#define SPEED_UNKNOWN -1
#define DUPLEX_HALF 0x00
#define DUPLEX_FULL 0x01
#define DUPLEX_UNKNOWN 0xff
#define PORT_TP 0x00
#define PORT_AUI 0x01
#define PORT_MII 0x02
#define PORT_FIBRE 0x03
#define PORT_BNC 0x04
#define PORT_DA 0x05
#define PORT_NONE 0xef
#define PORT_OTHER 0xff
#define XCVR_INTERNAL 0x00
#define XCVR_EXTERNAL 0x01
#define AUTONEG_DISABLE 0x00
#define AUTONEG_ENABLE 0x01
#define ETH_MDIO_SUPPORTS_C22 1
#define ETH_MDIO_SUPPORTS_C45 2
#define ETH_TP_MDI_INVALID 0x00
#define ETH_TP_MDI 0x01
#define ETH_TP_MDI_X 0x02
#define ETH_TP_MDI_AUTO 0x03

#define WAKE_PHY (1 << 0)
#define WAKE_UCAST (1 << 1)
#define WAKE_MCAST (1 << 2)
#define WAKE_BCAST (1 << 3)
#define WAKE_ARP (1 << 4)
#define WAKE_MAGIC (1 << 5)
#define WAKE_MAGICSECURE (1 << 6)
#define SOPASS_MAX 6

#define ETH_TEST_FL_OFFLINE (1 << 0)
#define ETH_TEST_FL_FAILED (1 << 1)
#define ETH_TEST_FL_EXTERNAL_LB (1 << 2)
#define ETH_TEST_FL_EXTERNAL_LB_DONE (1 << 3)

#define ETHTOOL_COALESCE_RX_USECS BIT(0)
#define ETHTOOL_COALESCE_RX_MAX_FRAMES BIT(1)
#define ETHTOOL_COALESCE_TX_USECS BIT(4)
#define ETHTOOL_COALESCE_TX_MAX_FRAMES BIT(5)
#define ETHTOOL_COALESCE_USE_ADAPTIVE_RX BIT(16)
#define ETHTOOL_COALESCE_MAX_FRAMES \
	(ETHTOOL_COALESCE_RX_MAX_FRAMES | ETHTOOL_COALESCE_TX_MAX_FRAMES)

/* ethtool_rxnfc.cmd: the receive-flow commands of ethtool(8)'s -n/-N. */
#define ETHTOOL_GRXFH 0x00000029
#define ETHTOOL_SRXFH 0x0000002a
#define ETHTOOL_GRXRINGS 0x0000002d
#define ETHTOOL_GRXCLSRLCNT 0x0000002e
#define ETHTOOL_GRXCLSRULE 0x0000002f
#define ETHTOOL_GRXCLSRLALL 0x00000030
#define ETHTOOL_SRXCLSRLDEL 0x00000031
#define ETHTOOL_SRXCLSRLINS 0x00000032

/* ethtool_rxnfc.flow_type */
#define TCP_V4_FLOW 0x01
#define UDP_V4_FLOW 0x02
#define SCTP_V4_FLOW 0x03
#define AH_ESP_V4_FLOW 0x04
#define TCP_V6_FLOW 0x05
#define UDP_V6_FLOW 0x06
#define SCTP_V6_FLOW 0x07
#define AH_ESP_V6_FLOW 0x08
#define AH_V4_FLOW 0x09
#define ESP_V4_FLOW 0x0a
#define AH_V6_FLOW 0x0b
#define ESP_V6_FLOW 0x0c
#define IPV4_USER_FLOW 0x0d
#define IP_USER_FLOW IPV4_USER_FLOW
#define IPV6_USER_FLOW 0x0e
#define IPV4_FLOW 0x10
#define IPV6_FLOW 0x11
#define ETHER_FLOW 0x12
#define FLOW_EXT 0x80000000
#define FLOW_MAC_EXT 0x40000000
#define FLOW_RSS 0x20000000

/* ethtool_rxnfc.data for ETHTOOL_[GS]RXFH: the header fields a flow hashes. */
#define RXH_L2DA (1 << 1)
#define RXH_VLAN (1 << 2)
#define RXH_L3_PROTO (1 << 3)
#define RXH_IP_SRC (1 << 4)
#define RXH_IP_DST (1 << 5)
#define RXH_L4_B_0_1 (1 << 6)
#define RXH_L4_B_2_3 (1 << 7)
#define RXH_DISCARD (1 << 31)

/* RSS hash functions (ethtool_rxfh_param.hfunc), one bit each. */
#define ETH_RSS_HASH_TOP_BIT 0
#define ETH_RSS_HASH_XOR_BIT 1
#define ETH_RSS_HASH_CRC32_BIT 2
#define ETH_RSS_HASH_TOP BIT(ETH_RSS_HASH_TOP_BIT)
#define ETH_RSS_HASH_XOR BIT(ETH_RSS_HASH_XOR_BIT)
#define ETH_RSS_HASH_CRC32 BIT(ETH_RSS_HASH_CRC32_BIT)
#define ETH_RSS_HASH_NO_CHANGE 0
#define ETH_RSS_HASH_UNKNOWN 0

enum ethtool_phys_id_state {
	ETHTOOL_ID_INACTIVE,
	ETHTOOL_ID_ACTIVE,
	ETHTOOL_ID_ON,
	ETHTOOL_ID_OFF,
};

/*
 * The legacy link settings (ETHTOOL_GSET/SSET), which Linux keeps in its
 * user ABI; drivers filled them through ethtool_ops get/set_settings
 * until those went (coccinelle/0014-ethtool-ksettings.cocci).
 */
#define ETHTOOL_GSET 0x00000001
#define ETHTOOL_SSET 0x00000002

struct ethtool_cmd {
	u32 cmd;
	u32 supported;
	u32 advertising;
	u16 speed; /* low 16 bits; speed_hi has the rest */
	u8 duplex;
	u8 port;
	u8 phy_address;
	u8 transceiver;
	u8 autoneg;
	u8 mdio_support;
	u32 maxtxpkt;
	u32 maxrxpkt;
	u16 speed_hi;
	u8 eth_tp_mdix;
	u8 eth_tp_mdix_ctrl;
	u32 lp_advertising;
	u32 reserved[2];
};

static inline void ethtool_cmd_speed_set(struct ethtool_cmd *ep, u32 speed)
{
	ep->speed = (u16)speed;
	ep->speed_hi = (u16)(speed >> 16);
}

static inline u32 ethtool_cmd_speed(const struct ethtool_cmd *ep)
{
	return ((u32)ep->speed_hi << 16) | ep->speed;
}

struct ethtool_drvinfo {
	u32 cmd;
	char driver[32];
	char version[32];
	char fw_version[ETHTOOL_FWVERS_LEN];
	char bus_info[ETHTOOL_BUSINFO_LEN];
	char erom_version[ETHTOOL_EROMVERS_LEN];
	char reserved2[12];
	u32 n_priv_flags;
	u32 n_stats;
	u32 testinfo_len;
	u32 eedump_len;
	u32 regdump_len;
};

struct ethtool_wolinfo {
	u32 cmd;
	u32 supported;
	u32 wolopts;
	u8 sopass[SOPASS_MAX];
};

struct ethtool_regs {
	u32 cmd;
	u32 version;
	u32 len;
	u8 data[];
};

struct ethtool_eeprom {
	u32 cmd;
	u32 magic;
	u32 offset;
	u32 len;
	u8 data[];
};

struct ethtool_coalesce {
	u32 cmd;
	u32 rx_coalesce_usecs;
	u32 rx_max_coalesced_frames;
	u32 rx_coalesce_usecs_irq;
	u32 rx_max_coalesced_frames_irq;
	u32 tx_coalesce_usecs;
	u32 tx_max_coalesced_frames;
	u32 tx_coalesce_usecs_irq;
	u32 tx_max_coalesced_frames_irq;
	u32 stats_block_coalesce_usecs;
	u32 use_adaptive_rx_coalesce;
	u32 use_adaptive_tx_coalesce;
	u32 pkt_rate_low;
	u32 rx_coalesce_usecs_low;
	u32 rx_max_coalesced_frames_low;
	u32 tx_coalesce_usecs_low;
	u32 tx_max_coalesced_frames_low;
	u32 pkt_rate_high;
	u32 rx_coalesce_usecs_high;
	u32 rx_max_coalesced_frames_high;
	u32 tx_coalesce_usecs_high;
	u32 tx_max_coalesced_frames_high;
	u32 rate_sample_interval;
};

struct kernel_ethtool_coalesce {
	u8 use_cqe_mode_tx;
	u8 use_cqe_mode_rx;
};

struct ethtool_ringparam {
	u32 cmd;
	u32 rx_max_pending;
	u32 rx_mini_max_pending;
	u32 rx_jumbo_max_pending;
	u32 tx_max_pending;
	u32 rx_pending;
	u32 rx_mini_pending;
	u32 rx_jumbo_pending;
	u32 tx_pending;
};

struct kernel_ethtool_ringparam {
	u32 rx_buf_len;
	u8 tcp_data_split;
	u8 tx_push;
	u32 cqe_size;
};

struct ethtool_pauseparam {
	u32 cmd;
	u32 autoneg;
	u32 rx_pause;
	u32 tx_pause;
};

struct ethtool_test {
	u32 cmd;
	u32 flags;
	u32 reserved;
	u32 len;
	u64 data[];
};

struct ethtool_stats {
	u32 cmd;
	u32 n_stats;
	u64 data[];
};

struct ethtool_ts_info {
	u32 cmd;
	u32 so_timestamping;
	s32 phc_index;
	u32 tx_types;
	u32 tx_reserved[3];
	u32 rx_filters;
	u32 rx_reserved[3];
};

/* What a driver's get_ts_info() reports: the ethtool ABI's fields. */
struct kernel_ethtool_ts_info {
	u32 cmd;
	u32 so_timestamping;
	int phc_index;
	u32 tx_types;
	u32 rx_filters;
};

/*
 * Energy-Efficient Ethernet, as drivers see it since Linux 6.9: link-mode
 * bitmaps. The *_u32 fields are the legacy masks (SUPPORTED_* bits) of
 * struct ethtool_eee, which drivers of older trees fill in once a semantic
 * patch has renamed their struct (ported/e1000e/ethtool_keee.cocci), as
 * Linux's drivers did while they were converted. Nothing in uldd asks a
 * driver for EEE yet; a reader must take a mask where a bitmap is empty.
 */
struct ethtool_keee {
	__ETHTOOL_DECLARE_LINK_MODE_MASK(supported);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(advertised);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(lp_advertised);
	u32 supported_u32;
	u32 advertised_u32;
	u32 lp_advertised_u32;
	u32 tx_lpi_timer;
	bool tx_lpi_enabled;
	bool eee_active;
	bool eee_enabled;
};

/*
 * A classification rule (ETHTOOL_[GS]RXCLSRL*). Emulation notes: the match
 * unions are opaque here (no driver the shim runs classifies), but keep
 * the UAPI's size and the offsets of the named fields.
 */
struct ethtool_rx_flow_spec {
	u32 flow_type;
	u8 h_u[52];
	u8 h_ext[20];
	u8 m_u[52];
	u8 m_ext[20];
	u64 ring_cookie;
	u32 location;
};

struct ethtool_rxnfc {
	u32 cmd;
	u32 flow_type;
	u64 data;
	struct ethtool_rx_flow_spec fs;
	union {
		u32 rule_cnt;
		u32 rss_context;
	};
	u32 rule_locs[];
};

struct ethtool_channels {
	u32 cmd;
	u32 max_rx;
	u32 max_tx;
	u32 max_other;
	u32 max_combined;
	u32 rx_count;
	u32 tx_count;
	u32 other_count;
	u32 combined_count;
};

/* The RSS indirection table, key and hash function (get_rxfh/set_rxfh). */
struct ethtool_rxfh_param {
	u8 hfunc;
	u32 indir_size;
	u32 *indir;
	u32 key_size;
	u8 *key;
	u32 rss_context;
	u8 rss_delete;
	u8 input_xfrm;
};

struct ethtool_link_settings {
	u32 cmd;
	u32 speed;
	u8 duplex;
	u8 port;
	u8 phy_address;
	u8 autoneg;
	u8 mdio_support;
	u8 eth_tp_mdix;
	u8 eth_tp_mdix_ctrl;
	s8 link_mode_masks_nwords;
	u8 transceiver;
	u8 master_slave_cfg;
	u8 master_slave_state;
	u8 rate_matching;
};

struct ethtool_link_ksettings {
	struct ethtool_link_settings base;
	struct {
		__ETHTOOL_DECLARE_LINK_MODE_MASK(supported);
		__ETHTOOL_DECLARE_LINK_MODE_MASK(advertising);
		__ETHTOOL_DECLARE_LINK_MODE_MASK(lp_advertising);
	} link_modes;
	u32 lanes;
};

#define ethtool_link_ksettings_zero_link_mode(ptr, name) \
	bitmap_zero((ptr)->link_modes.name, __ETHTOOL_LINK_MODE_MASK_NBITS)
#define ethtool_link_ksettings_add_link_mode(ptr, name, mode) \
	__set_bit(ETHTOOL_LINK_MODE_##mode##_BIT, (ptr)->link_modes.name)
#define ethtool_link_ksettings_del_link_mode(ptr, name, mode) \
	__clear_bit(ETHTOOL_LINK_MODE_##mode##_BIT, (ptr)->link_modes.name)
#define ethtool_link_ksettings_test_link_mode(ptr, name, mode) \
	test_bit(ETHTOOL_LINK_MODE_##mode##_BIT, (ptr)->link_modes.name)

void ethtool_convert_legacy_u32_to_link_mode(unsigned long *dst, u32 legacy_u32);
/* False when src has modes beyond the legacy 32 bits (those are dropped). */
bool ethtool_convert_link_mode_to_legacy_u32(u32 *legacy_u32, const unsigned long *src);

struct ethtool_ops {
	u32 cap_link_lanes_supported : 1;
	u32 supported_coalesce_params;
	u32 supported_ring_params;
	void (*get_drvinfo)(struct net_device *dev, struct ethtool_drvinfo *info);
	int (*get_regs_len)(struct net_device *dev);
	void (*get_regs)(struct net_device *dev, struct ethtool_regs *regs, void *p);
	void (*get_wol)(struct net_device *dev, struct ethtool_wolinfo *wol);
	int (*set_wol)(struct net_device *dev, struct ethtool_wolinfo *wol);
	u32 (*get_msglevel)(struct net_device *dev);
	void (*set_msglevel)(struct net_device *dev, u32 level);
	int (*nway_reset)(struct net_device *dev);
	u32 (*get_link)(struct net_device *dev);
	int (*get_eeprom_len)(struct net_device *dev);
	int (*get_eeprom)(struct net_device *dev, struct ethtool_eeprom *eeprom, u8 *bytes);
	int (*set_eeprom)(struct net_device *dev, struct ethtool_eeprom *eeprom, u8 *bytes);
	int (*get_coalesce)(struct net_device *dev, struct ethtool_coalesce *ec,
			    struct kernel_ethtool_coalesce *kec, struct netlink_ext_ack *extack);
	int (*set_coalesce)(struct net_device *dev, struct ethtool_coalesce *ec,
			    struct kernel_ethtool_coalesce *kec, struct netlink_ext_ack *extack);
	void (*get_ringparam)(struct net_device *dev, struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack);
	int (*set_ringparam)(struct net_device *dev, struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kring,
			     struct netlink_ext_ack *extack);
	void (*get_pauseparam)(struct net_device *dev, struct ethtool_pauseparam *pause);
	int (*set_pauseparam)(struct net_device *dev, struct ethtool_pauseparam *pause);
	void (*self_test)(struct net_device *dev, struct ethtool_test *test, u64 *data);
	void (*get_strings)(struct net_device *dev, u32 stringset, u8 *data);
	int (*set_phys_id)(struct net_device *dev, enum ethtool_phys_id_state state);
	void (*get_ethtool_stats)(struct net_device *dev, struct ethtool_stats *stats, u64 *data);
	int (*begin)(struct net_device *dev);
	void (*complete)(struct net_device *dev);
	u32 (*get_priv_flags)(struct net_device *dev);
	int (*set_priv_flags)(struct net_device *dev, u32 flags);
	int (*get_sset_count)(struct net_device *dev, int sset);
	int (*get_ts_info)(struct net_device *dev, struct kernel_ethtool_ts_info *info);
	int (*get_link_ksettings)(struct net_device *dev, struct ethtool_link_ksettings *cmd);
	int (*set_link_ksettings)(struct net_device *dev, const struct ethtool_link_ksettings *cmd);
	int (*get_rxnfc)(struct net_device *dev, struct ethtool_rxnfc *info, u32 *rule_locs);
	int (*get_eee)(struct net_device *dev, struct ethtool_keee *eee);
	int (*set_eee)(struct net_device *dev, struct ethtool_keee *eee);
	int (*set_rxnfc)(struct net_device *dev, struct ethtool_rxnfc *info);
	u32 (*get_rxfh_key_size)(struct net_device *dev);
	u32 (*get_rxfh_indir_size)(struct net_device *dev);
	/*
	 * Linux 6.8's form, struct ethtool_rxfh_param; drivers of older trees
	 * (indir, key, hfunc as arguments) are rewritten to it by a semantic
	 * patch.
	 */
	int (*get_rxfh)(struct net_device *dev, struct ethtool_rxfh_param *rxfh);
	int (*set_rxfh)(struct net_device *dev, struct ethtool_rxfh_param *rxfh,
			struct netlink_ext_ack *extack);
	void (*get_channels)(struct net_device *dev, struct ethtool_channels *ch);
	int (*set_channels)(struct net_device *dev, struct ethtool_channels *ch);
};

/*
 * Fill a get_strings() buffer one ETH_GSTRING_LEN slot at a time and move
 * *data to the next slot; a string too long is cut, NUL-terminated. Linux
 * 6.1 drivers spell the plain copy ethtool_sprintf(&p, "%s", s), 6.12's
 * ethtool_puts(&p, s): both are here, so drivers of either tree build.
 */
__printf(2, 3) void ethtool_sprintf(u8 **data, const char *fmt, ...);
void ethtool_puts(u8 **data, const char *str);

/* The default RSS indirection table spreads flows evenly over the rings. */
static inline u32 ethtool_rxfh_indir_default(u32 index, u32 n_rx_rings)
{
	return index % n_rx_rings;
}

u32 ethtool_op_get_link(struct net_device *dev);
int ethtool_op_get_ts_info(struct net_device *dev, struct kernel_ethtool_ts_info *info);

#endif /* _LINUX_ETHTOOL_H */
