package io.socialroi.content.publish;

import io.socialroi.testing.FakeServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of Meta's Graph API v21.0, the parts the Facebook Page and Instagram publishers use, answering as Meta
 * documents: {@code access_token} as a query or form parameter, with its {@code appsecret_proof} (required, as by an app
 * with "Require App Secret"); {@code GET /{page-id}?fields=access_token} answers
 * the Page token to a user with a role on the Page (and no {@code access_token} to others); Page {@code /feed},
 * {@code /photos} (with {@code published=false}), {@code /videos}; Instagram {@code /{ig-user-id}/media} containers
 * (image, REELS, VIDEO carousel items, CAROUSEL with children), {@code GET /{container}?fields=status_code},
 * {@code /media_publish} (code 9007 / 2207027 while a container is not FINISHED); {@code permalink_url} and
 * {@code permalink}; errors as {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}. A test
 * scripts failures with {@link #fail} (answered in turn before the normal answer) and video processing with
 * {@link #processing}. One instance per fake server (the tests share it), its state keyed by ids tests make unique.
 */
final class FakeGraph {

    private static final Map<FakeServer, FakeGraph> INSTANCES = new ConcurrentHashMap<>();

    /** Page id -> the user token of a person with a role on it. */
    private final Map<String, String> pageUsers = new ConcurrentHashMap<>();
    /** Instagram professional account id -> the user token allowed to publish to it. */
    private final Map<String, String> igUsers = new ConcurrentHashMap<>();
    /** "METHOD /path" -> scripted replies, answered in turn. */
    private final Map<String, Deque<FakeServer.Reply>> scripted = new ConcurrentHashMap<>();
    /** Container id -> what it is: its fields as created, plus "owner". */
    private final Map<String, Map<String, String>> containers = new ConcurrentHashMap<>();
    /** Container id -> the status codes it still answers in turn, the last one for good (none: FINISHED). */
    private final Map<String, Deque<String>> statuses = new ConcurrentHashMap<>();
    /** Status codes a new video container of an account goes through, by Instagram account id. */
    private final Map<String, List<String>> processing = new ConcurrentHashMap<>();
    /** What was posted, by its id: the id of a feed post, photo, video or Instagram media -> its fields. */
    final Map<String, Map<String, String>> published = new ConcurrentHashMap<>();
    private final Set<String> publishedContainers = ConcurrentHashMap.newKeySet();
    /** Instagram accounts whose next media_publish publishes and then loses its answer (a 502 from the edge). */
    private final Set<String> losing = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(178_414_000_000L);

    private FakeGraph(FakeServer server) {
        server.on("GET", "/v21.0/", this::answer);
        server.on("POST", "/v21.0/", this::answer);
    }

    static FakeGraph on(FakeServer server) {
        return INSTANCES.computeIfAbsent(server, FakeGraph::new);
    }

    String newId() {
        return Long.toString(ids.incrementAndGet());
    }

    void page(String pageId, String userToken) {
        pageUsers.put(pageId, userToken);
    }

    void instagram(String igUserId, String userToken) {
        igUsers.put(igUserId, userToken);
    }

    /** The next answers to {@code method path} (e.g. {@code POST /v21.0/123/feed}) before the normal one. */
    void fail(String method, String path, FakeServer.Reply... replies) {
        scripted.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /**
     * The status codes each new video container of this account answers in turn, the last for good (e.g.
     * IN_PROGRESS, IN_PROGRESS, FINISHED); without, a video container is FINISHED at once.
     */
    void processing(String igUserId, String... codes) {
        processing.put(igUserId, List.of(codes));
    }

    /** The next media_publish of this account publishes, but its answer is lost (502 from Meta's edge). */
    void loseNextPublishAnswer(String igUserId) {
        losing.add(igUserId);
    }

    static FakeServer.Reply error(int status, int code, Integer subcode, String type, String message) {
        return FakeServer.Reply.json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type
                + "\",\"code\":" + code + (subcode == null ? "" : ",\"error_subcode\":" + subcode)
                + ",\"fbtrace_id\":\"AbCdEfGh123\"}}");
    }

    static Map<String, String> params(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** The parameters of a recorded request: its query for a GET, its form body for a POST. */
    static Map<String, String> params(FakeServer.Recorded r) {
        return params("GET".equals(r.method()) ? r.query() : r.body());
    }

    static String proof(String token) {
        String secret = token.startsWith("ig-user-") ? "instagram-secret" : "facebook-secret";
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FakeServer.Reply invalidToken() {
        return error(400, 190, 460, "OAuthException", "Error validating access token: The session has been "
                + "invalidated because the user changed their password or Facebook has changed the session for "
                + "security reasons.");
    }

    private static FakeServer.Reply unsupported(String method, String id) {
        return error(400, 100, 33, "GraphMethodException", "Unsupported " + method.toLowerCase() + " request. Object "
                + "with ID '" + id + "' does not exist, cannot be loaded due to missing permissions, or does not "
                + "support this operation.");
    }

    private static FakeServer.Reply json(String body) {
        return FakeServer.Reply.json(200, body);
    }

    private FakeServer.Reply answer(FakeServer.Recorded r) {
        Deque<FakeServer.Reply> script = scripted.get(r.method() + " " + r.path());
        if (script != null) {
            FakeServer.Reply next = script.poll();
            if (next != null) {
                return next;
            }
        }
        if ("POST".equals(r.method()) && (r.header("Content-Type") == null
                || !r.header("Content-Type").startsWith("application/x-www-form-urlencoded"))) {
            return error(400, 100, null, "OAuthException", "(#100) Invalid parameter");
        }
        Map<String, String> p = params(r);
        String token = p.getOrDefault("access_token", "");
        if (token.isEmpty()) {
            return error(400, 104, null, "OAuthException", "An access token is required to request this resource.");
        }
        // The apps require the app secret proof ("Require App Secret"): HMAC-SHA256 of the token, keyed with the
        // secret of the app that issued it.
        if (!proof(token).equals(p.get("appsecret_proof"))) {
            return error(400, 100, null, "GraphMethodException", "Invalid appsecret_proof provided in the API "
                    + "argument");
        }
        p.remove("appsecret_proof");
        String[] path = r.path().substring("/v21.0/".length()).split("/");
        String id = path[0];
        String edge = path.length > 1 ? path[1] : null;
        if ("GET".equals(r.method()) && edge == null) {
            return read(id, p, token);
        }
        if ("POST".equals(r.method()) && pageUsers.containsKey(id)) {
            return pagePost(id, edge, p, token);
        }
        if ("POST".equals(r.method()) && igUsers.containsKey(id)) {
            return instagramPost(id, edge, p, token);
        }
        return unsupported(r.method(), id);
    }

    private FakeServer.Reply read(String id, Map<String, String> p, String token) {
        String fields = p.getOrDefault("fields", "");
        if (pageUsers.containsKey(id) && fields.equals("access_token")) {
            if (!token.startsWith("fb-user-")) {
                return invalidToken();
            }
            // Graph leaves out the fields the token may not read: no role on the Page, no Page token.
            return pageUsers.get(id).equals(token) ? json("{\"access_token\":\"page-" + id + "-of-" + token
                    + "\",\"id\":\"" + id + "\"}") : json("{\"id\":\"" + id + "\"}");
        }
        if (containers.containsKey(id) && fields.contains("status_code")) {
            if (!token.equals(containers.get(id).get("owner"))) {
                return unsupported("GET", id);
            }
            String code = publishedContainers.contains(id) ? "PUBLISHED" : status(id);
            return json("{\"status_code\":\"" + code + "\",\"status\":\"" + (code.equals("ERROR")
                    ? "Error: 2207026: Unsupported video format" : code) + "\",\"id\":\"" + id + "\"}");
        }
        Map<String, String> post = published.get(id);
        if (post != null && fields.equals("permalink_url")) {
            String link = post.containsKey("file_url") ? "/" + post.get("page") + "/videos/" + id + "/"
                    : "https://www.facebook.com/" + post.get("page") + "/posts/pfbid0" + id;
            return json("{\"permalink_url\":\"" + link + "\",\"id\":\"" + id + "\"}");
        }
        if (post != null && fields.equals("permalink")) {
            return json("{\"permalink\":\"https://www.instagram.com/p/C" + id + "x/\",\"id\":\"" + id + "\"}");
        }
        return unsupported("GET", id);
    }

    private String status(String container) {
        Deque<String> left = statuses.get(container);
        String next = left == null ? null : left.size() > 1 ? left.poll() : left.peek();
        return next == null ? "FINISHED" : next;
    }

    private FakeServer.Reply pagePost(String page, String edge, Map<String, String> p, String token) {
        if (!token.equals("page-" + page + "-of-" + pageUsers.get(page))) {
            return token.startsWith("fb-user-") ? error(403, 200, null, "OAuthException", "(#200) If posting to a "
                    + "page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient "
                    + "administrative permission") : invalidToken();
        }
        String id = newId();
        Map<String, String> fields = new LinkedHashMap<>(p);
        fields.put("page", page);
        switch (edge == null ? "" : edge) {
            case "feed" -> {
                if (!p.containsKey("message") && !p.containsKey("link")) {
                    return error(400, 100, null, "OAuthException", "(#100) Missing message or attachment");
                }
                published.put(page + "_" + id, fields);
                return json("{\"id\":\"" + page + "_" + id + "\"}");
            }
            case "photos" -> {
                if (!p.containsKey("url")) {
                    return error(400, 324, null, "OAuthException", "(#324) Requires upload file");
                }
                if ("false".equals(p.get("published"))) {
                    return json("{\"id\":\"" + id + "\"}");
                }
                String post = page + "_" + newId();
                published.put(post, fields);
                return json("{\"id\":\"" + id + "\",\"post_id\":\"" + post + "\"}");
            }
            case "videos" -> {
                if (!p.containsKey("file_url")) {
                    return error(400, 100, null, "OAuthException", "(#100) Invalid parameter");
                }
                published.put(id, fields);
                return json("{\"id\":\"" + id + "\"}");
            }
            default -> {
                return unsupported("POST", page);
            }
        }
    }

    private FakeServer.Reply instagramPost(String account, String edge, Map<String, String> p, String token) {
        if (!token.equals(igUsers.get(account))) {
            return token.startsWith("ig-user-") ? unsupported("POST", account) : invalidToken();
        }
        if ("media".equals(edge)) {
            String type = p.getOrDefault("media_type", "IMAGE");
            boolean ok = switch (type) {
                case "IMAGE" -> p.containsKey("image_url");
                case "REELS", "VIDEO" -> p.containsKey("video_url");
                case "CAROUSEL" -> p.containsKey("children") && List.of(p.get("children").split(",")).stream()
                        .allMatch(c -> containers.containsKey(c)
                                && "true".equals(containers.get(c).get("is_carousel_item")));
                default -> false;
            };
            if (!ok) {
                return error(400, 100, null, "OAuthException", "(#100) The parameter image_url is required.");
            }
            String id = newId();
            Map<String, String> fields = new LinkedHashMap<>(p);
            fields.put("owner", token);
            containers.put(id, fields);
            if (!type.equals("IMAGE") && processing.containsKey(account)) {
                statuses.put(id, new ArrayDeque<>(processing.get(account)));
            }
            return json("{\"id\":\"" + id + "\"}");
        }
        if ("media_publish".equals(edge)) {
            String container = p.getOrDefault("creation_id", "");
            if (!containers.containsKey(container)) {
                return unsupported("POST", container);
            }
            Deque<String> left = statuses.get(container);
            String now = left == null || left.peek() == null ? "FINISHED" : left.peek();
            if (!now.equals("FINISHED") || !publishedContainers.add(container)) {
                return error(400, 9007, 2207027, "OAuthException", "Media ID is not available");
            }
            String id = newId();
            published.put(id, containers.get(container));
            return losing.remove(account) ? FakeServer.Reply.json(502, "") : json("{\"id\":\"" + id + "\"}");
        }
        return unsupported("POST", account);
    }
}
