package io.socialroi.common.net;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the calls to URLs that users configure (publishers, webhooks, later the platform APIs) on the public
 * internet, so a workspace cannot make the suite call its own network (SSRF): cloud metadata, databases, the
 * other services. A URL is checked when it is configured (its host, or every address its name resolves to)
 * and again by {@link OutboundHttp} at every connect, on the addresses it then connects to, because what a
 * name resolves to can change in between (DNS rebinding). {@code suite.outbound.allow} lists the address
 * blocks a deployment permits anyway (CIDR, e.g. {@code 127.0.0.1/32} for receivers on the same machine).
 */
@ApplicationScoped
public class OutboundGuard {

    /** What a caller is told when a URL is refused: no detail of what the address is or whether it answers. */
    public static final String REFUSED = "must point to a public internet address; private, loopback, link-local, "
            + "carrier-grade NAT, unique-local, multicast and metadata addresses are refused";

    /** The host resolved to an address the deployment does not permit; never connected to. */
    public static final class RefusedAddressException extends Exception {

        public RefusedAddressException(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Cidr> allowed;
    private final HostResolver resolver;

    public OutboundGuard(@ConfigProperty(name = "suite.outbound.allow") Optional<List<String>> allow,
            HostResolver resolver) {
        this.allowed = allow.orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
        this.resolver = resolver;
        if (!allowed.isEmpty()) {
            Log.warnf("Outgoing calls to user-configured URLs may reach %s (suite.outbound.allow)", allowed);
        }
    }

    /** Whether an outgoing call may connect to {@code address}. */
    public boolean permits(InetAddress address) {
        if (AddressRanges.blocked(address) == null) {
            return true;
        }
        byte[] raw = address.getAddress();
        byte[] v4 = AddressRanges.embeddedIpv4(raw);
        return allowed.stream().anyMatch(c -> c.contains(raw) || v4 != null && c.contains(v4));
    }

    /**
     * At configuration: a 400 naming {@code field} when the URL's host is, or resolves to, an address that is
     * not permitted. A name that does not resolve (yet) is accepted; it is checked again at every connect.
     * The URL must already be an absolute http(s) URL.
     */
    public void checkConfigured(String field, String url) {
        String host;
        try {
            host = new URI(url).getHost();
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "must be an absolute http or https URL");
        }
        try {
            resolve(host);
        } catch (RefusedAddressException e) {
            Log.infof("Refused %s %s: %s", field, host, e.getMessage());
            throw new ProblemException(new Problem(Problem.TYPE_BASE + "outbound-address-refused",
                    "Address not allowed", 400, "The " + field + " " + REFUSED + ".",
                    List.of(new FieldError(field, REFUSED))));
        } catch (UnknownHostException e) {
            Log.debugf("%s %s does not resolve now; checked again at connect time", field, host);
        }
    }

    /**
     * At connect: every address {@code host} resolves to, all of them permitted (one refused address refuses
     * the host, so a name answering a public and a private address cannot win by chance). Connect only to
     * these addresses, never to the name, so nothing is resolved again after the check.
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException, RefusedAddressException {
        if (host == null || host.isBlank()) {
            throw new UnknownHostException("no host");
        }
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            if (!permits(address)) {
                throw new RefusedAddressException(host + " -> " + address.getHostAddress() + " ("
                        + AddressRanges.blocked(address) + ")");
            }
        }
        return addresses;
    }
}
