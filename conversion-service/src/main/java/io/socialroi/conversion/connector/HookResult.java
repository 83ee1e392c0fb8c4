package io.socialroi.conversion.connector;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a receiver did with one webhook. */
@Schema(example = "{\"outcome\":\"RECORDED\",\"topic\":\"orders/create\",\"recorded\":[\"shopify:450789469\"],"
        + "\"duplicates\":[],\"adjusted\":[],\"detail\":null}")
public record HookResult(
        @Schema(description = "RECORDED: something was stored; DUPLICATE: this delivery, or every order and refund "
                + "in it, was seen before, nothing changed; IGNORED: a topic or state that makes no conversion "
                + "(nothing stored)", enumeration = {"RECORDED", "DUPLICATE", "IGNORED"}) String outcome,
        @Schema(description = "The platform's topic or event type") String topic,
        @Schema(description = "Event ids of the conversions stored now") List<String> recorded,
        @Schema(description = "Event ids of orders that were stored before (unchanged)") List<String> duplicates,
        @Schema(description = "Event ids of orders whose value a refund or cancellation lowered now")
        List<String> adjusted,
        @Schema(description = "Why nothing was stored, for IGNORED") String detail) {

    static HookResult ignored(String topic, String detail) {
        return new HookResult("IGNORED", topic, List.of(), List.of(), List.of(), detail);
    }
}
