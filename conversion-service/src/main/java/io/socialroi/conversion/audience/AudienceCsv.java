package io.socialroi.conversion.audience;

import io.socialroi.conversion.conversion.Emails;
import java.util.List;
import java.util.Map;

/**
 * The customer-list file ad platforms accept (Meta Custom Audiences' layout): a header {@code email,extern_id}
 * and per member the SHA-256 (hex, of the trimmed lower-case value) of the email of the customer the actor is
 * linked to (empty when unknown) and of the platform actor id as external id. Nothing leaves unhashed.
 */
public final class AudienceCsv {

    public static final String HEADER = "email,extern_id";

    private AudienceCsv() {
    }

    public static String write(List<Member> members, Map<String, String> emailByCustomer) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Member member : members) {
            String email = member.customerId() == null ? null : emailByCustomer.get(member.customerId());
            csv.append(email == null ? "" : email).append(',')
                    .append(Emails.sha256(member.actorId().trim().toLowerCase(java.util.Locale.ROOT))).append('\n');
        }
        return csv.toString();
    }
}
