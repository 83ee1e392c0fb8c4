package io.socialroi.common.http;

import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address a request comes from, for limits and failure counts. Behind a proxy it is the client's address
 * only when Quarkus is told to believe that proxy's forwarded headers ({@code quarkus.http.proxy.*}: with
 * {@code proxy-address-forwarding}, {@code allow-x-forwarded} or {@code allow-forwarded}, and
 * {@code trusted-proxies}); a header from any other peer is ignored, so a caller cannot choose its address.
 * An IPv6 address counts as its /64 network, which one subscriber usually holds whole.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
            return "unknown";
        }
        return normalize(request.remoteAddress().hostAddress());
    }

    /** An IPv4 address as it is, an IPv6 address as its /64 prefix ({@code 2001:db8:1:2::/64}). */
    static String normalize(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] raw = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
                    : address).getAddress();
            if (raw.length == 4) {
                return InetAddress.getByAddress(raw).getHostAddress();
            }
            for (int i = 8; i < 16; i++) {
                raw[i] = 0;
            }
            return InetAddress.getByAddress(raw).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
