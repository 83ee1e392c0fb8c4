package io.socialroi.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One subscriber is one key: an IPv4 address as it is, an IPv6 address as its /64, however it is written. */
class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertEquals("203.0.113.7", ClientAddress.normalize("203.0.113.7"));
    }

    @Test
    void everyAddressOfOneIpv6SubscriberIsOneKeyAndAnotherNetworkAnother() {
        String first = ClientAddress.normalize("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1:2:0:0:0:0/64", first);
        assertEquals(first, ClientAddress.normalize("2001:0db8:0001:0002:ffff:ffff:ffff:fffe"));
        assertEquals(first, ClientAddress.normalize("[2001:db8:1:2::1]"));
        assertEquals("2001:db8:1:3:0:0:0:0/64", ClientAddress.normalize("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertEquals("198.51.100.4", ClientAddress.normalize("::ffff:198.51.100.4"));
    }

    @Test
    void aRequestWithoutAPeerAddressIsUnknown() {
        assertEquals("unknown", ClientAddress.of(null));
    }
}
