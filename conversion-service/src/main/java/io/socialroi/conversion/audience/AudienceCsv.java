package io.socialroi.conversion.audience;

import io.socialroi.conversion.conversion.ContactHashes;
import io.socialroi.conversion.conversion.Emails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The customer-list files of the ad platforms. Nothing leaves unhashed: every identifier is the SHA-256 (lower-case
 * hex) of its normalised form (see {@link ContactHashes}).
 * <ul>
 * <li>{@link Layout#SUITE} (no {@code layout}, as before issue 18): one row per member, {@code email,extern_id}:
 * the e-mail of the customer the actor is linked to (empty when unknown) and the platform actor id, trimmed and
 * lower-cased, as external id.</li>
 * <li>The platform layouts: one row per identified customer of the audience (members linked to one customer are
 * one person) who has an identifier that platform matches on; the others are counted, not written.
 * {@link Layout#META}: Custom Audiences' {@code email,phone,extern_id} (phone: digits with the country code, no
 * {@code +}; extern_id: the customer id, as sent to the Conversions API's {@code external_id});
 * {@link Layout#GOOGLE}: Customer Match's {@code Email,Phone} (e-mail after Google's gmail rule, phone E.164 with
 * {@code +}); {@link Layout#TIKTOK}: {@code Email_SHA256,Phone_SHA256} (E.164 with {@code +});
 * {@link Layout#LINKEDIN}: the contact-list template's header, which must not change, with only {@code email}
 * filled (LinkedIn matches no hashed phone).</li>
 * </ul>
 */
public final class AudienceCsv {

    public static final String HEADER = "email,extern_id";

    /** A file layout: its header and which identifiers make a row matchable there. */
    public enum Layout {
        SUITE(HEADER),
        META("email,phone,extern_id"),
        GOOGLE("Email,Phone"),
        TIKTOK("Email_SHA256,Phone_SHA256"),
        LINKEDIN("email,firstname,lastname,jobtitle,employeecompany,country,googleaid");

        private final String header;

        Layout(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        public static Optional<Layout> of(String name) {
            return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(name.strip())).findFirst();
        }

        /** This customer's row in the layout, or null when it has nothing the platform can match. */
        String row(String customerId, ContactHashes c) {
            return switch (this) {
                case SUITE -> throw new IllegalStateException("one row per member");
                case META -> c.email() == null && c.phoneDigits() == null ? null
                        : join(c.email(), c.phoneDigits(), Emails.sha256(customerId));
                case GOOGLE -> c.emailGoogle() == null && c.phone() == null ? null : join(c.emailGoogle(), c.phone());
                case TIKTOK -> c.email() == null && c.phone() == null ? null : join(c.email(), c.phone());
                case LINKEDIN -> c.email() == null ? null : join(c.email(), null, null, null, null, null, null);
            };
        }
    }

    /** A file: its text, the members it was written from and the rows a platform can match. */
    public record File(String body, long members, long matchable) {
    }

    private AudienceCsv() {
    }

    public static File write(Layout layout, List<Member> members, Map<String, ContactHashes> contacts) {
        StringBuilder csv = new StringBuilder(layout.header()).append('\n');
        if (layout == Layout.SUITE) {
            long matchable = 0;
            for (Member member : members) {
                ContactHashes contact = member.customerId() == null ? null : contacts.get(member.customerId());
                String email = contact == null ? null : contact.email();
                matchable += email == null ? 0 : 1;
                csv.append(email == null ? "" : email).append(',')
                        .append(Emails.sha256(member.actorId().trim().toLowerCase(Locale.ROOT))).append('\n');
            }
            return new File(csv.toString(), members.size(), matchable);
        }
        // One row per customer, in the order their first member comes (the members' order is stable).
        Map<String, String> rows = new LinkedHashMap<>();
        for (Member member : members) {
            String customer = member.customerId();
            if (customer != null && !rows.containsKey(customer)) {
                ContactHashes contact = contacts.get(customer);
                rows.put(customer, contact == null ? null : layout.row(customer, contact));
            }
        }
        List<String> written = new ArrayList<>();
        rows.values().forEach(row -> {
            if (row != null) {
                written.add(row);
            }
        });
        written.forEach(row -> csv.append(row).append('\n'));
        return new File(csv.toString(), members.size(), written.size());
    }

    private static String join(String... values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(values[i] == null ? "" : values[i]);
        }
        return row.toString();
    }
}
