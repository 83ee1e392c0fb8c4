package io.socialroi.content.imports;

/**
 * A read the platform refused or could not answer. {@code reconnect}: the token is no good (the account is marked
 * RECONNECT, as a publisher would); otherwise the post is tried again at its next turn.
 */
public class ImportFailure extends RuntimeException {

    private final boolean reconnect;

    public ImportFailure(String message, boolean reconnect) {
        super(message);
        this.reconnect = reconnect;
    }

    public boolean reconnect() {
        return reconnect;
    }
}
