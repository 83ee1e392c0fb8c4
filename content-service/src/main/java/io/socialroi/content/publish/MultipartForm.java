package io.socialroi.content.publish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) built in memory: text fields and one binary file part, for the
 * platform APIs that take uploads that way (X's media upload). The boundary is random, so it cannot occur in the
 * values by chance.
 */
final class MultipartForm {

    private final String boundary = "suite-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Adds a text field. */
    MultipartForm field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    /** Adds a file part with its bytes as they are ({@code application/octet-stream}). */
    MultipartForm file(String name, String filename, byte[] bytes, int offset, int length) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.write(bytes, offset, length);
        write("\r\n");
        return this;
    }

    /** The {@code Content-Type} header of the body. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body, closed by the final boundary. */
    byte[] body() {
        ByteArrayOutputStream all = new ByteArrayOutputStream(out.size() + boundary.length() + 8);
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return all.toByteArray();
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
