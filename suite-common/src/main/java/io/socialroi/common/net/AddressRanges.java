package io.socialroi.common.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The address blocks an outgoing call to a URL a user configured must not reach: everything that is not the
 * public internet (IANA special-purpose registries, RFC 6890 and successors). IPv6 forms that carry an IPv4
 * address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address they carry, so
 * {@code ::ffff:169.254.169.254} is as refused as {@code 169.254.169.254}.
 */
public final class AddressRanges {

    /** Block -> what it is, in the words a refusal uses. First match wins; order from specific to broad. */
    private static final Map<Cidr, String> BLOCKED = new LinkedHashMap<>();

    static {
        block("0.0.0.0/8", "this-network");
        block("10.0.0.0/8", "private");
        block("100.64.0.0/10", "carrier-grade NAT");
        block("127.0.0.0/8", "loopback");
        block("169.254.0.0/16", "link-local (cloud metadata)");
        block("172.16.0.0/12", "private");
        block("192.0.0.0/24", "IETF protocol assignments");
        block("192.0.2.0/24", "documentation");
        block("192.88.99.0/24", "6to4 relay anycast");
        block("192.168.0.0/16", "private");
        block("198.18.0.0/15", "benchmarking");
        block("198.51.100.0/24", "documentation");
        block("203.0.113.0/24", "documentation");
        block("224.0.0.0/4", "multicast");
        block("240.0.0.0/4", "reserved or broadcast");
        block("::/128", "unspecified");
        block("::1/128", "loopback");
        block("64:ff9b:1::/48", "local-use NAT64");
        block("100::/64", "discard-only");
        block("2001::/23", "IETF protocol assignments (Teredo and others)");
        block("2001:db8::/32", "documentation");
        block("3fff::/20", "documentation");
        block("fc00::/7", "unique-local");
        block("fe80::/10", "link-local");
        block("fec0::/10", "site-local");
        block("ff00::/8", "multicast");
    }

    private AddressRanges() {
    }

    private static void block(String cidr, String name) {
        BLOCKED.put(Cidr.parse(cidr), name);
    }

    /** Null for a public address, otherwise what kind of address it is (for logs and tests, not for callers). */
    public static String blocked(InetAddress address) {
        return blocked(address.getAddress());
    }

    static String blocked(byte[] address) {
        byte[] v4 = embeddedIpv4(address);
        if (v4 != null) {
            return blocked(v4);
        }
        for (Map.Entry<Cidr, String> range : BLOCKED.entrySet()) {
            if (range.getKey().contains(address)) {
                return range.getValue();
            }
        }
        return null;
    }

    /**
     * The IPv4 address an IPv6 address stands for, or null: IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible
     * {@code ::a.b.c.d} (deprecated, but still routed by some stacks), NAT64 {@code 64:ff9b::a.b.c.d} and 6to4
     * {@code 2002:aabb:ccdd::}. {@code ::} and {@code ::1} are IPv6's own and judged as such.
     */
    static byte[] embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return null;
        }
        if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(a, 12, 16);
        }
        if (zero(a, 0, 12) && !(zero(a, 12, 15) && (a[15] == 0 || a[15] == 1))) {
            return Arrays.copyOfRange(a, 12, 16);
        }
        if (a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && zero(a, 4, 12)) {
            return Arrays.copyOfRange(a, 12, 16);
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Arrays.copyOfRange(a, 2, 6);
        }
        return null;
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
