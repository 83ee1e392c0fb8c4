package io.socialroi.conversion.conversion;

/** What a conversion is. Everything but a purchase counts as a lead; only purchases carry revenue. */
public enum ConversionType {
    LEAD, SIGNUP, PURCHASE, CALL, BOOKING, DM_INQUIRY;

    public boolean isLead() {
        return this != PURCHASE;
    }

    public boolean isPurchase() {
        return this == PURCHASE;
    }
}
