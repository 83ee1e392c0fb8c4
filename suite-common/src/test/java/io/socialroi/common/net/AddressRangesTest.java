package io.socialroi.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses an outgoing call to a user-configured URL may reach, address by address. */
class AddressRangesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0           | this-network",
        "0.1.2.3           | this-network",
        "10.0.0.1          | private",
        "10.255.255.255    | private",
        "100.64.0.1        | carrier-grade NAT",
        "100.127.255.254   | carrier-grade NAT",
        "127.0.0.1         | loopback",
        "127.255.255.254   | loopback",
        "169.254.169.254   | link-local (cloud metadata)",
        "169.254.0.1       | link-local (cloud metadata)",
        "172.16.0.1        | private",
        "172.31.255.255    | private",
        "192.0.0.192       | IETF protocol assignments",
        "192.0.2.10        | documentation",
        "192.88.99.1       | 6to4 relay anycast",
        "192.168.0.1       | private",
        "192.168.255.255   | private",
        "198.18.0.1        | benchmarking",
        "198.19.255.255    | benchmarking",
        "198.51.100.7      | documentation",
        "203.0.113.9       | documentation",
        "224.0.0.1         | multicast",
        "239.255.255.250   | multicast",
        "240.0.0.1         | reserved or broadcast",
        "255.255.255.255   | reserved or broadcast",
        "::                | unspecified",
        "::1               | loopback",
        "fc00::1           | unique-local",
        "fd00::1           | unique-local",
        "fd00:ec2::254     | unique-local",
        "fdff:ffff::1      | unique-local",
        "fe80::1           | link-local",
        "febf::1           | link-local",
        "fec0::1           | site-local",
        "ff02::1           | multicast",
        "ff0e::1           | multicast",
        "100::1            | discard-only",
        "2001:db8::1       | documentation",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | IETF protocol assignments (Teredo and others)",
        "3fff::1           | documentation",
        "64:ff9b:1::1      | local-use NAT64",
        // IPv6 forms that carry an IPv4 address are judged by it.
        "::ffff:127.0.0.1  | loopback",
        "::ffff:169.254.169.254 | link-local (cloud metadata)",
        "::ffff:10.1.2.3   | private",
        "::ffff:192.168.1.1 | private",
        "::10.1.2.3        | private",
        "::127.0.0.1       | loopback",
        "64:ff9b::a9fe:a9fe | link-local (cloud metadata)",
        "64:ff9b::10.0.0.1 | private",
        "2002:7f00:1::     | loopback",
        "2002:c0a8:101::1  | private",
    })
    void refusesEveryInternalBlock(String address, String kind) throws Exception {
        assertEquals(kind, AddressRanges.blocked(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource({
        "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "93.184.215.14", "100.63.255.255", "100.128.0.0",
        "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0",
        "192.0.1.1", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
        "2606:4700:4700::1111", "2a00:1450:4001:81c::200e", "2001:4860:4860::8888", "fbff:ffff::1", "fe00::1",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
    })
    void letsPublicAddressesThrough(String address) throws Exception {
        assertNull(AddressRanges.blocked(InetAddress.getByName(address)), address);
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4Address() throws Exception {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; this keeps the 16 bytes.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
            (byte) 254};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertEquals(16, address.getAddress().length);
        assertEquals("link-local (cloud metadata)", AddressRanges.blocked(address));
    }

    @Test
    void cidrBlocksContainTheirAddressesOnly() throws Exception {
        Cidr loopback = Cidr.parse("127.0.0.0/8");
        assertTrue(loopback.contains(InetAddress.getByName("127.1.2.3")));
        assertFalse(loopback.contains(InetAddress.getByName("128.0.0.1")));
        assertFalse(loopback.contains(InetAddress.getByName("::1")), "an IPv4 block holds no IPv6 address");
        Cidr one = Cidr.parse("127.0.0.1");
        assertTrue(one.contains(InetAddress.getByName("127.0.0.1")));
        assertFalse(one.contains(InetAddress.getByName("127.0.0.2")));
        assertEquals("172.16.0.0/12", Cidr.parse("172.20.1.1/12").toString());
        assertTrue(Cidr.parse("fc00::/7").contains(InetAddress.getByName("fdab::1")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("1.2.3.4")));
    }

    @ParameterizedTest
    @CsvSource({"localhost", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "::/129", "example.com/8", "''"})
    void aBlockIsNumeric(String text) {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    }
}
