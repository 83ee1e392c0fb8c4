package io.socialroi.content.post;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.socialroi.common.problem.FieldError;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields some platforms need besides caption and media. Each applies to certain platforms only (422 naming
 * {@code platformOptions.<field>} when given for another) and has that platform's format. They are checked when
 * given; a native publisher that needs one requires it at submit and schedule (REDDIT_API subreddit and title,
 * EMAIL_SMTP title as the subject, WHATSAPP_API template; see the publishers' {@code check}).
 */
@Schema(description = "Per-platform fields: title (YOUTUBE, REDDIT, PINTEREST; EMAIL subject), board (PINTEREST), subreddit "
        + "(REDDIT), template (WHATSAPP). A field given for another platform is a 422.",
        example = "{\"title\":\"How we tie a bouquet\"}")
@RegisterForReflection
public record PlatformOptions(
        @Size(max = 300) @Schema(description = "YOUTUBE video title (1-100 characters, no < or >); REDDIT post title "
                + "(1-300); PINTEREST Pin title (1-100); EMAIL subject (1-200)") String title,
        @Size(max = 30) @Schema(description = "PINTEREST: the board id the Pin goes to (digits, Pinterest API v5 "
                + "board_id)") String board,
        @Size(max = 23) @Schema(description = "REDDIT: the subreddit, without or with r/ (3-21 letters, digits, _)")
        String subreddit,
        @Size(max = 512) @Schema(description = "WHATSAPP: the approved message template's name (lowercase letters, "
                + "digits, _)") String template) {

    private static final Pattern BOARD = Pattern.compile("\\d{1,30}");
    private static final Pattern SUBREDDIT = Pattern.compile("(r/)?[A-Za-z0-9_]{3,21}");
    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9_]{1,512}");

    /** Which platforms each field applies to. */
    private static final Map<String, Set<Platform>> APPLIES = Map.of(
            "title", Set.of(Platform.YOUTUBE, Platform.REDDIT, Platform.PINTEREST, Platform.EMAIL),
            "board", Set.of(Platform.PINTEREST),
            "subreddit", Set.of(Platform.REDDIT),
            "template", Set.of(Platform.WHATSAPP));

    /** Null when no field is set, so an empty object is stored as none. */
    static PlatformOptions normalized(PlatformOptions o) {
        if (o == null || (o.title == null && o.board == null && o.subreddit == null && o.template == null)) {
            return null;
        }
        return o;
    }

    /** The field errors of these options for a post of {@code platform}. */
    static List<FieldError> errors(Platform platform, PlatformOptions o) {
        List<FieldError> errors = new ArrayList<>();
        if (o == null) {
            return errors;
        }
        Map<String, String> given = new LinkedHashMap<>();
        given.put("title", o.title);
        given.put("board", o.board);
        given.put("subreddit", o.subreddit);
        given.put("template", o.template);
        given.forEach((field, value) -> {
            if (value != null && !APPLIES.get(field).contains(platform)) {
                errors.add(new FieldError("platformOptions." + field, "does not apply to " + platform
                        + " (only " + APPLIES.get(field).stream().map(Enum::name).sorted().toList() + ")"));
            }
        });
        if (!errors.isEmpty()) {
            return errors;
        }
        if (o.title != null) {
            int length = o.title.strip().codePointCount(0, o.title.strip().length());
            // https://developers.google.com/youtube/v3/docs/videos#snippet.title : at most 100 characters, no < or >.
            // https://www.reddit.com/dev/api#POST_api_submit : title up to 300 characters.
            // https://developers.pinterest.com/docs/api/v5/pins-create : title up to 100 characters.
            int max = platform == Platform.YOUTUBE || platform == Platform.PINTEREST ? 100
                    : platform == Platform.REDDIT ? 300 : 200;
            if (length == 0 || length > max) {
                errors.add(new FieldError("platformOptions.title", "must be 1 to " + max + " characters on " + platform));
            } else if (platform == Platform.YOUTUBE && (o.title.contains("<") || o.title.contains(">"))) {
                errors.add(new FieldError("platformOptions.title", "may not contain < or > on YOUTUBE"));
            } else if (platform == Platform.EMAIL && (o.title.contains("\r") || o.title.contains("\n"))) {
                errors.add(new FieldError("platformOptions.title", "is an e-mail subject: one line"));
            }
        }
        // https://developers.pinterest.com/docs/api/v5/pins-create : board_id, a numeric string.
        if (o.board != null && !BOARD.matcher(o.board).matches()) {
            errors.add(new FieldError("platformOptions.board", "must be a Pinterest board id (digits)"));
        }
        if (o.subreddit != null && !SUBREDDIT.matcher(o.subreddit).matches()) {
            errors.add(new FieldError("platformOptions.subreddit", "must be a subreddit name (3-21 letters, digits, _)"));
        }
        // https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates : names are
        // lowercase alphanumeric characters and underscores, at most 512.
        if (o.template != null && !TEMPLATE.matcher(o.template).matches()) {
            errors.add(new FieldError("platformOptions.template",
                    "must be a WhatsApp template name (lowercase letters, digits, _)"));
        }
        return errors;
    }
}
