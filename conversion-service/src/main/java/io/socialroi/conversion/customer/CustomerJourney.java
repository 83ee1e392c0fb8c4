package io.socialroi.conversion.customer;

import java.util.List;

/** {@code GET /customers/{id}/journey}: touchpoints and conversions of one person in time order. */
public record CustomerJourney(String customerId, List<JourneyItem> items) {
}
