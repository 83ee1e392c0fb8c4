package io.socialroi.common.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Paths and queries must be UTF-8 once percent-decoded: what PostgreSQL text and the logs can hold. */
class ParameterGuardTest {

    @Test
    void plainAndEncodedUtf8Passes() {
        assertTrue(ParameterGuard.validUtf8("/workspaces/abc/posts"));
        assertTrue(ParameterGuard.validUtf8("q=caf%C3%A9&city=M%C3%BCnchen"));
        assertTrue(ParameterGuard.validUtf8("emoji=%F0%9F%8D%95"));
        assertTrue(ParameterGuard.validUtf8("name=café"));
    }

    @Test
    void invalidSequencesAndBrokenEscapesAreRefused() {
        assertFalse(ParameterGuard.validUtf8("q=%C3"), "a truncated two-byte sequence");
        assertFalse(ParameterGuard.validUtf8("q=%FF%FE"), "bytes that are never UTF-8");
        assertFalse(ParameterGuard.validUtf8("q=%C0%AF"), "an overlong encoding of '/'");
        assertFalse(ParameterGuard.validUtf8("q=%ED%A0%80"), "a lone surrogate");
        assertFalse(ParameterGuard.validUtf8("q=%4"), "an escape cut short");
        assertFalse(ParameterGuard.validUtf8("q=%GG"), "an escape that is not hex");
    }
}
