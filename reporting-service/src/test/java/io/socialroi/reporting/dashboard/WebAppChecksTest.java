package io.socialroi.reporting.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agency app's own checks, run by Maven's test phase: {@code npm ci} in {@code webapp/} (typescript and
 * axe-core, pinned by package-lock.json; needs the npm registry once), the type check ({@code tsc --noEmit} with
 * checkJs over webapp/src) and the unit tests of the client-side logic ({@code node --test webapp/test}). A plain
 * JUnit test rather than exec-maven-plugin, which does not resolve from the offline local repository here.
 * Needs Node 18+ and npm on the PATH; {@code -Dwebapp.skip=true} skips it.
 */
class WebAppChecksTest {

    private static final Path WEBAPP = Path.of("webapp");

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("webapp.skip"), "webapp.skip=true");
        assertTrue(Files.isRegularFile(WEBAPP.resolve("package-lock.json")), "run from reporting-service/");
        if (!Files.isRegularFile(WEBAPP.resolve("node_modules/typescript/bin/tsc"))
                || !Files.isRegularFile(WEBAPP.resolve("node_modules/axe-core/axe.min.js"))
                || !Files.isRegularFile(WEBAPP.resolve("node_modules/chart.js/package.json"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
    }

    @Test
    void theModulesTypeCheck() throws Exception {
        run(List.of("node", "node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"));
    }

    /** src/vendor (served at /app/vendor/) is the chart library package-lock.json pins, byte for byte. */
    @Test
    void theVendoredChartLibraryIsThePinnedOne() throws Exception {
        run(List.of("node", "scripts/vendor.mjs", "--check"));
    }

    @Test
    void theClientSideLogicPassesItsUnitTests() throws Exception {
        String out = run(List.of("node", "--test", "test/"));
        assertTrue(out.contains("# fail 0"), out);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("webapp-check", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(WEBAPP.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + out);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
