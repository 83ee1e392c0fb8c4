package io.socialroi.content.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server for tests (RFC 5321 subset): greeting 220, EHLO/HELO (advertising AUTH PLAIN LOGIN and
 * 8BITMIME; STARTTLS never, so only a client that does not require it gets through), AUTH PLAIN and AUTH LOGIN
 * (RFC 4954: 235, or 535 5.7.8 for other credentials), MAIL FROM, RCPT TO (550 5.1.1 for the addresses in
 * {@link #refuse}, 451 4.7.1 once for those in {@link #deferOnce}), DATA (354, the message up to the lone dot,
 * dot-unstuffed, then 250 with a queue id), RSET, NOOP and QUIT (221). Every accepted message is recorded with its
 * envelope and its headers.
 */
final class FakeSmtp implements AutoCloseable {

    /** One accepted message: envelope and content. */
    record Message(String mailFrom, List<String> rcptTo, String data) {

        /** The header, unfolded; null when absent. */
        String header(String name) {
            String head = data.split("\r\n\r\n", 2)[0].replaceAll("\r\n[ \t]+", " ");
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        String body() {
            String[] parts = data.split("\r\n\r\n", 2);
            return parts.length < 2 ? "" : parts[1];
        }
    }

    final String username;
    final String password;
    final Set<String> refuse = ConcurrentHashMap.newKeySet();
    final Set<String> deferOnce = ConcurrentHashMap.newKeySet();
    final List<Message> messages = new CopyOnWriteArrayList<>();
    /** Every RCPT TO the server was given, with its reply code, in order. */
    final List<String> rcpts = new CopyOnWriteArrayList<>();
    final List<String> auths = new CopyOnWriteArrayList<>();
    /** How long the server takes to answer each RCPT TO. */
    volatile long rcptDelayMillis;
    private final ServerSocket server;

    FakeSmtp(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    List<Message> to(String address) {
        return messages.stream().filter(m -> m.rcptTo().contains(address)).toList();
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 fake.smtp.test ESMTP ready");
            boolean authed = false;
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250-fake.smtp.test\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10240000");
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String b64 = line.length() > 11 ? line.substring(11).trim() : "";
                    if (b64.isEmpty()) {
                        reply(out, "334 ");
                        b64 = in.readLine().trim();
                    }
                    String[] parts = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8).split("\0", -1);
                    authed = auth(out, "PLAIN", parts.length == 3 ? parts[1] : "", parts.length == 3 ? parts[2] : "");
                } else if (upper.startsWith("AUTH LOGIN")) {
                    String user;
                    if (line.trim().length() > 10) {
                        user = decode(line.trim().substring(11).trim());
                    } else {
                        reply(out, "334 VXNlcm5hbWU6");
                        user = decode(in.readLine().trim());
                    }
                    reply(out, "334 UGFzc3dvcmQ6");
                    String pass = decode(in.readLine().trim());
                    authed = auth(out, "LOGIN", user, pass);
                } else if (upper.startsWith("MAIL FROM:")) {
                    if (!authed) {
                        reply(out, "530 5.7.0 Authentication required");
                        continue;
                    }
                    from = address(line);
                    to.clear();
                    reply(out, "250 2.1.0 Ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    String rcpt = address(line);
                    if (rcptDelayMillis > 0) {
                        Thread.sleep(rcptDelayMillis);
                    }
                    if (refuse.contains(rcpt)) {
                        rcpts.add(rcpt + " 550");
                        reply(out, "550 5.1.1 <" + rcpt + ">: Recipient address rejected: User unknown");
                    } else if (deferOnce.remove(rcpt)) {
                        rcpts.add(rcpt + " 451");
                        reply(out, "451 4.7.1 <" + rcpt + ">: Greylisted, try again later");
                    } else {
                        rcpts.add(rcpt + " 250");
                        to.add(rcpt);
                        reply(out, "250 2.1.5 Ok");
                    }
                } else if (upper.equals("DATA")) {
                    if (to.isEmpty()) {
                        reply(out, "554 5.5.1 No valid recipients");
                        continue;
                    }
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    String l;
                    while ((l = in.readLine()) != null && !l.equals(".")) {
                        data.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
                    }
                    messages.add(new Message(from, List.copyOf(to), data.toString()));
                    to.clear();
                    reply(out, "250 2.0.0 Ok: queued as Q" + messages.size());
                } else if (upper.equals("RSET")) {
                    from = null;
                    to.clear();
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            // The client went away.
        }
    }

    private boolean auth(OutputStream out, String mechanism, String user, String pass) throws IOException {
        auths.add(mechanism + " " + user);
        if (username.equals(user) && password.equals(pass)) {
            reply(out, "235 2.7.0 Authentication successful");
            return true;
        }
        reply(out, "535 5.7.8 Authentication credentials invalid");
        return false;
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    private static String address(String line) {
        int lt = line.indexOf('<');
        int gt = line.indexOf('>', lt);
        return lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(line.indexOf(':') + 1).trim();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static Map<String, String> headers(Message m, String... names) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String n : names) {
            h.put(n, m.header(n));
        }
        return h;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
