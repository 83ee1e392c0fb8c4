package io.socialroi.common.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard at configuration time (400 naming the field) and at connect time (every resolved address). */
class OutboundGuardTest {

    /** Names under .test resolved from a table instead of DNS (one not in it does not resolve); others by the JDK. */
    static final class TableResolver extends HostResolver {

        final Map<String, List<String>> names;

        TableResolver(Map<String, List<String>> names) {
            this.names = names;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            List<String> answer = names.get(host);
            if (answer == null) {
                return host.endsWith(".test") ? fail(host) : super.resolve(host);
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (String a : answer) {
                addresses.add(InetAddress.getByName(a));
            }
            return addresses;
        }

        private static List<InetAddress> fail(String host) throws UnknownHostException {
            throw new UnknownHostException(host);
        }
    }

    static final Map<String, List<String>> NAMES = Map.of(
            "public.test", List.of("93.184.215.14"),
            "metadata.test", List.of("169.254.169.254"),
            "mixed.test", List.of("93.184.215.14", "10.0.0.5"),
            "six.test", List.of("2606:4700:4700::1111", "fd00::5"));

    static OutboundGuard guard(String... allow) {
        return new OutboundGuard(Optional.of(List.of(allow)), new TableResolver(NAMES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1:8080/x",
        "http://172.16.0.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[fc00::1]:9000/",
        "http://[::ffff:169.254.169.254]/", "http://[::ffff:127.0.0.1]:5432/", "http://[::1]/", "http://127.0.0.1/",
        "http://127.1.2.3/", "http://0.0.0.0:8081/", "https://224.0.0.1/", "http://[fe80::1]/", "http://[ff02::1]/",
        "http://localhost:5432/", "http://LocalHost:8082/", "https://metadata.test/computeMetadata/v1/",
        "https://mixed.test/", "https://six.test/"})
    void refusesInternalTargetsAtConfigurationWith400NamingTheField(String url) {
        ProblemException refused = assertThrows(ProblemException.class, () -> guard().checkConfigured("url", url));
        Problem problem = refused.problem();
        assertEquals(400, problem.status());
        assertEquals(Problem.TYPE_BASE + "outbound-address-refused", problem.type());
        assertEquals("url", problem.errors().get(0).field());
        assertEquals(OutboundGuard.REFUSED, problem.errors().get(0).message(), "says what is refused, not what the "
                + "address is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://public.test/hook", "http://93.184.215.14:8080/", "https://[2606:4700:4700::1111]/",
        "https://not-resolving.test/"})
    void acceptsPublicAndNotYetResolvingTargets(String url) {
        assertDoesNotThrow(() -> guard().checkConfigured("url", url));
    }

    @Test
    void atConnectTimeEveryResolvedAddressIsChecked() throws Exception {
        OutboundGuard guard = guard();
        assertEquals(List.of(InetAddress.getByName("93.184.215.14")), guard.resolve("public.test"));
        assertThrows(OutboundGuard.RefusedAddressException.class, () -> guard.resolve("mixed.test"),
                "one private answer among public ones refuses the name");
        assertThrows(OutboundGuard.RefusedAddressException.class, () -> guard.resolve("six.test"));
        assertThrows(OutboundGuard.RefusedAddressException.class, () -> guard.resolve("metadata.test"));
        assertThrows(UnknownHostException.class, () -> guard.resolve("not-resolving.test"));
    }

    @Test
    void localhostResolvesToLoopbackAndIsRefusedUnlessAllowed() throws Exception {
        assertTrue(InetAddress.getAllByName("localhost")[0].isLoopbackAddress());
        OutboundGuard real = new OutboundGuard(Optional.empty(), new HostResolver());
        assertThrows(OutboundGuard.RefusedAddressException.class, () -> real.resolve("localhost"));
        OutboundGuard allowing = new OutboundGuard(Optional.of(List.of("127.0.0.0/8", "::1/128")), new HostResolver());
        assertFalse(allowing.resolve("localhost").isEmpty());
    }

    @Test
    void theAllowlistPermitsItsBlocksAndNothingElse() throws Exception {
        OutboundGuard guard = guard("127.0.0.1/32", "10.20.0.0/16");
        assertTrue(guard.permits(InetAddress.getByName("127.0.0.1")));
        assertTrue(guard.permits(InetAddress.getByName("::ffff:127.0.0.1")));
        assertTrue(guard.permits(InetAddress.getByName("10.20.3.4")));
        assertFalse(guard.permits(InetAddress.getByName("127.0.0.2")));
        assertFalse(guard.permits(InetAddress.getByName("10.21.0.1")));
        assertFalse(guard.permits(InetAddress.getByName("::1")));
        assertFalse(guard.permits(InetAddress.getByName("169.254.169.254")));
        assertTrue(guard.permits(InetAddress.getByName("8.8.8.8")));
        assertDoesNotThrow(() -> guard.checkConfigured("url", "http://127.0.0.1:8089/receiver"));
        assertThrows(ProblemException.class, () -> guard.checkConfigured("url", "http://127.0.0.2:8089/receiver"));
    }

    @Test
    void aMalformedAllowlistStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> guard("localhost"));
        assertThrows(IllegalArgumentException.class, () -> guard("10.0.0.0/40"));
    }
}
