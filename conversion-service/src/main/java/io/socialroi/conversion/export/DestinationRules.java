package io.socialroi.conversion.export;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.conversion.conversion.ConversionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a destination body against its platform's fields; answers the settings to store or a 422 naming each field. */
final class DestinationRules {

    private static final Pattern TOKEN = Pattern.compile("^[\\x21-\\x7E]{8,4096}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,20}$");
    private static final Pattern CUSTOMER_ID = Pattern.compile("^[0-9]{3}-?[0-9]{3}-?[0-9]{4}$");
    private static final Pattern TEST_CODE = Pattern.compile("^[A-Za-z0-9_-]{1,50}$");
    private static final Pattern PIXEL_CODE = Pattern.compile("^[A-Z0-9]{10,40}$");
    private static final Pattern RULE_URN = Pattern.compile("^urn:lla:llaPartnerConversion:[0-9]{1,20}$");

    /** What is stored: the platform's fields (no token) and the conversion types to send (empty = all). */
    record Checked(Map<String, String> settings, List<String> conversionTypes) {
    }

    private DestinationRules() {
    }

    static Checked check(ExportPlatform platform, DestinationRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.accessToken() == null) {
            errors.add(new FieldError("accessToken", "is required"));
        } else if (!TOKEN.matcher(r.accessToken()).matches()) {
            errors.add(new FieldError("accessToken", "must be 8..4096 printable ASCII characters without spaces"));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Set<String> allowed = switch (platform) {
            case META -> Set.of("datasetId", "testEventCode");
            case GOOGLE -> Set.of("operatingAccountId", "loginAccountId", "conversionActionId");
            case TIKTOK -> Set.of("pixelCode", "testEventCode");
            case LINKEDIN -> Set.of("conversionRuleUrn");
        };
        field(errors, settings, allowed, platform, "datasetId", r.datasetId(), DIGITS, true,
                "must be the dataset (pixel) id: 1..20 digits");
        field(errors, settings, allowed, platform, "testEventCode", r.testEventCode(), TEST_CODE, false,
                "must be 1..50 letters, digits, '_' or '-'");
        field(errors, settings, allowed, platform, "operatingAccountId", r.operatingAccountId(), CUSTOMER_ID, true,
                "must be a Google Ads customer id: 10 digits, dashes allowed");
        field(errors, settings, allowed, platform, "loginAccountId", r.loginAccountId(), CUSTOMER_ID, false,
                "must be a Google Ads customer id: 10 digits, dashes allowed");
        field(errors, settings, allowed, platform, "conversionActionId", r.conversionActionId(), DIGITS, true,
                "must be the conversion action id: 1..20 digits");
        field(errors, settings, allowed, platform, "pixelCode", r.pixelCode(), PIXEL_CODE, true,
                "must be the pixel code: 10..40 capital letters and digits");
        field(errors, settings, allowed, platform, "conversionRuleUrn", r.conversionRuleUrn(), RULE_URN, true,
                "must be a conversion rule URN: urn:lla:llaPartnerConversion:<id>");
        settings.computeIfPresent("operatingAccountId", (k, v) -> v.replace("-", ""));
        settings.computeIfPresent("loginAccountId", (k, v) -> v.replace("-", ""));
        Set<String> types = new LinkedHashSet<>();
        if (r.conversionTypes() != null) {
            if (r.conversionTypes().isEmpty()) {
                errors.add(new FieldError("conversionTypes", "must name at least one type, or be left out for all"));
            }
            for (String type : r.conversionTypes()) {
                try {
                    types.add(ConversionType.valueOf(type).name());
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add(new FieldError("conversionTypes", "unknown conversion type " + type));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Checked(settings, List.copyOf(types));
    }

    private static void field(List<FieldError> errors, Map<String, String> settings, Set<String> allowed,
            ExportPlatform platform, String name, String value, Pattern pattern, boolean required, String message) {
        if (!allowed.contains(name)) {
            if (value != null) {
                errors.add(new FieldError(name, "is not a field of " + platform + " destinations"));
            }
            return;
        }
        if (value == null) {
            if (required) {
                errors.add(new FieldError(name, "is required for " + platform));
            }
            return;
        }
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError(name, message));
            return;
        }
        settings.put(name, value);
    }
}
