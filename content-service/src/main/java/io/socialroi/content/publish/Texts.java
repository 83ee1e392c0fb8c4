package io.socialroi.content.publish;

/** Keeps what a platform said short enough for a failure reason. */
final class Texts {

    private Texts() {
    }

    static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
