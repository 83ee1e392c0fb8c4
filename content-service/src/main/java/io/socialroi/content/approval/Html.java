package io.socialroi.content.approval;

/** Escaping for the few server-rendered pages: every value from a post is text, never markup. */
final class Html {

    private Html() {
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A complete small page with the suite's minimal style. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}"
                + ".post{border:1px solid #ddd;border-radius:8px;padding:1rem}.meta{color:#666;font-size:.9rem}"
                + "img{max-width:100%;border-radius:4px;margin:.5rem 0}textarea{width:100%;min-height:5rem}"
                + "button{font-size:1rem;padding:.5rem 1.2rem;margin:.5rem .5rem 0 0;border-radius:6px;border:0}"
                + ".approve{background:#1a7f37;color:#fff}.reject{background:#cf222e;color:#fff}"
                + "</style></head><body>" + body + "</body></html>";
    }
}
