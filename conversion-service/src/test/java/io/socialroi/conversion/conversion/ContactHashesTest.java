package io.socialroi.conversion.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The normalisation and hashing rules of the ad platforms, checked against values they publish. */
class ContactHashesTest {

    @Test
    void emailsHashAsThePlatformsPublishedExamples() {
        // TikTok's customer-file guide: "janedoe@gmail.com" hashes to d6117306...6c69.
        assertEquals("d6117306485ed0e50afab3ac871e98f81699151f30281527d63ff5f233656c69",
                Emails.hash("  JaneDoe@Gmail.com "));
        assertEquals("973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b", Emails.hash("test@example.com"));
    }

    @Test
    void googleDropsTheDotsOfGmailAddressesOnly() {
        assertEquals("janedoe@gmail.com", Emails.googleNormalised(" Jane.Doe@Gmail.com"));
        assertEquals("janedoe+news@googlemail.com", Emails.googleNormalised("jane.doe+news@googlemail.com"));
        assertEquals("jane.doe@example.com", Emails.googleNormalised("Jane.Doe@Example.com"));
        assertEquals("d6117306485ed0e50afab3ac871e98f81699151f30281527d63ff5f233656c69",
                Emails.googleHash("Jane.Doe@gmail.com"));
        assertEquals(Emails.hash("jane.doe@example.com"), Emails.googleHash("Jane.Doe@example.com"));
    }

    @Test
    void phonesAreE164OrNothing() {
        assertEquals(Optional.of("+14155550100"), Phones.e164("+1 (415) 555-0100"));
        assertEquals(Optional.of("+442079460958"), Phones.e164("0044 20 7946 0958"));
        assertEquals(Optional.of("+4915112345678"), Phones.e164("+49 151/1234.5678"));
        for (String notInternational : new String[] {"(415) 555-0100", "4155550100", "+0 123 456 789", "+1 555",
                "+1234567890123456", "+1 415 555 01OO", "", "   "}) {
            assertTrue(Phones.e164(notInternational).isEmpty(), notInternational);
        }
    }

    @Test
    void phonesHashWithThePlusForGoogleAndTikTokAndWithoutForMeta() {
        ContactHashes contact = ContactHashes.of("Jane.Doe@Gmail.com", "+14155550100");
        assertEquals("40d3f4e02db27d66cf4cfdda506c2c945f115a7955cc8491dda98ce5beabcda0", contact.phone());
        assertEquals("5e7ec4c79ccac6e420876e65ad0e6b4b2ccf73ec3dccb50297bf2890a1ec73b9", contact.phoneDigits());
        assertEquals(Emails.sha256("jane.doe@gmail.com"), contact.email());
        assertEquals(Emails.sha256("janedoe@gmail.com"), contact.emailGoogle());
    }
}
