package io.socialroi.content.common;

/** Descriptions of the problem responses the OpenAPI document lists for content-service endpoints. */
public final class ApiProblems {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String UNAUTHORIZED = "No valid bearer token";
    public static final String FORBIDDEN = "The token lacks the scope";
    public static final String NOT_FOUND = "No such workspace (or not this token's), or no such item in it";
    public static final String BAD_REQUEST = "Malformed JSON or a field of the wrong type or unknown value";
    public static final String INVALID = "A field is invalid; errors lists each one";
    /** Appended to BAD_REQUEST where a URL the suite will call is configured. */
    public static final String OUTBOUND_REFUSED = "; or the url is, or resolves to, a private, loopback, "
            + "link-local, carrier-grade NAT, unique-local, multicast or metadata address (type "
            + "outbound-address-refused, errors naming url); nothing is stored.";
    public static final String CONFLICT = "Not allowed in the post's current status; nothing changed";

    private ApiProblems() {
    }
}
