package io.socialroi.conversion.export;

import io.socialroi.common.json.StrictBody;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /workspaces/{ws}/exports/{platform}}: the access token and the platform's own fields. Each
 * platform takes only its fields ({@link DestinationRules}); a field of another platform is a 422.
 */
@Schema(description = "An export destination. META: datasetId, accessToken[, testEventCode]. GOOGLE: "
        + "operatingAccountId, conversionActionId, accessToken[, loginAccountId]. TIKTOK: pixelCode, accessToken"
        + "[, testEventCode]. LINKEDIN: conversionRuleUrn, accessToken. Every platform: conversionTypes (optional).",
        example = "{\"datasetId\":\"123456789012345\",\"accessToken\":\"EAAGm0PX4ZCpsBAKZA2w9sZA0yExample\"}")
public record DestinationRequest(
        @Schema(description = "The platform's access token: Meta a Conversions API (system user) token, Google an "
                + "OAuth 2 access token with the Data Manager scope, TikTok the Events API access token, LinkedIn an "
                + "OAuth 2 token with rw_conversions. Stored encrypted, never shown again (only its last four "
                + "characters).", writeOnly = true, minLength = 8, maxLength = 4096) String accessToken,
        @Schema(description = "META: the dataset (pixel) id", example = "123456789012345", maxLength = 20)
        String datasetId,
        @Schema(description = "META or TIKTOK: a test event code (events then show in the platform's Test Events "
                + "tool only)", example = "TEST12345", maxLength = 50) String testEventCode,
        @Schema(description = "GOOGLE: the Google Ads customer id that receives the conversions (10 digits, "
                + "dashes allowed)", example = "123-456-7890", maxLength = 12) String operatingAccountId,
        @Schema(description = "GOOGLE: the manager account the token's user signs in through (10 digits), when "
                + "not the operating account itself", example = "987-654-3210", maxLength = 12) String loginAccountId,
        @Schema(description = "GOOGLE: the conversion action id (type UPLOAD_CLICKS)", example = "555123456",
                maxLength = 20) String conversionActionId,
        @Schema(description = "TIKTOK: the pixel code", example = "CQ5ABCDEFGHIJ1234567", maxLength = 40)
        String pixelCode,
        @Schema(description = "LINKEDIN: the conversion rule URN (conversionMethod CONVERSIONS_API)",
                example = "urn:lla:llaPartnerConversion:104012", maxLength = 80) String conversionRuleUrn,
        @Schema(description = "Conversion types to send (default every type)", example = "[\"PURCHASE\"]",
                maxItems = 6) List<String> conversionTypes)
        implements StrictBody {
}
