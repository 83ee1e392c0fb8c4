package io.socialroi.common.net;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution for outgoing calls, a bean of its own so tests can make a name resolve to what they need
 * (a rebinding name that is public at configuration and private at connect time) without a DNS server.
 */
@ApplicationScoped
public class HostResolver {

    /** Every address of {@code host}; a numeric address (IPv6 with or without brackets) is parsed, not looked up. */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(bare(host)));
    }

    /** The host of a URI without the brackets of an IPv6 literal. */
    public static String bare(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
