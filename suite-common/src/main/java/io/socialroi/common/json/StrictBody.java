package io.socialroi.common.json;

/**
 * A request body whose unknown fields are refused (400 naming the field) instead of silently dropped: a client
 * sending {@code "timeZone"} to the settings must learn that it set nothing. Other bodies, and every answer read
 * from another suite service, tolerate unknown fields (the services add fields without breaking each other).
 * Read-only fields of the matching view may be listed in {@code @JsonIgnoreProperties} so that a GET answer can be
 * sent back as it is.
 */
public interface StrictBody {
}
