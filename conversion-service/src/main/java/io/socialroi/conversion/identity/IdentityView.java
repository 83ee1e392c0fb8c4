package io.socialroi.conversion.identity;

import java.time.OffsetDateTime;

/** One link of an actor (kind ACTOR) or a click id (kind CLICK) to a customer. */
public record IdentityView(String customerId, String kind, String ref, String platform, OffsetDateTime createdAt) {
}
