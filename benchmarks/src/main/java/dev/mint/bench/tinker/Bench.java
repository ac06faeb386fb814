package dev.mint.bench.tinker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.server.MintServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the Tinker load drivers share: options, a user with a {@code tml-} key and a session, plain HTTP calls. */
final class Bench {
    static final String PASSWORD = "load-password-1";
    static final String API = "/api/tinker/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bench() {
    }

    /** A platform user, its Tinker key and one session of it. */
    record User(long id, String name, String key, String session) {
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, found " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static User user(HttpClient http, MintServer platform, String name) throws Exception {
        String base = platform.baseUrl();
        String admin = send(http, "POST", base + "/api/auth/login", null, Map.of("username", "admin", "password", PASSWORD))
                .get("access_token").asText();
        long id = send(http, "POST", base + "/api/admin/users", admin,
                Map.of("username", name, "password", name + "-password", "role", "member")).get("id").asLong();
        String session = send(http, "POST", base + "/api/auth/login", null,
                Map.of("username", name, "password", name + "-password")).get("access_token").asText();
        String key = send(http, "POST", base + "/api/users/me/tokens", session, Map.of("name", "load", "kind", "tinker"))
                .get("token").asText();
        String tinkerSession = send(http, "POST", base + API + "/create_session", key, Map.of("tags", List.of(),
                "user_metadata", Map.of(), "sdk_version", "0.25.0", "type", "create_session")).get("session_id").asText();
        return new User(id, name, key, tinkerSession);
    }

    /** A JSON call with {@code credential} as a bearer token; a non-2xx answer throws. */
    static JsonNode send(HttpClient http, String method, String url, String credential, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return checked(response, method + " " + url);
    }

    static JsonNode get(HttpClient http, String url, String key) throws Exception {
        return JSON.readTree(getBytes(http, url, key));
    }

    /** A GET with {@code X-API-Key}, as the SDK sends it; the body's bytes (a non-200 throws). */
    static byte[] getBytes(HttpClient http, String url, String key) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return response.body();
    }

    private static JsonNode checked(HttpResponse<byte[]> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return JSON.readTree(response.body());
    }

    static double percentile(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
