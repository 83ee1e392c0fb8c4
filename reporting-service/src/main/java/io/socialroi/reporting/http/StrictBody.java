package io.socialroi.reporting.http;

/**
 * A request body whose unknown fields are refused (400 naming the field) instead of silently dropped: a client
 * sending {@code "timeZone"} to the settings must learn that it set nothing. Read-only fields of the matching
 * view may be listed in {@code @JsonIgnoreProperties} so that a GET answer can be sent back as it is.
 */
public interface StrictBody {
}
