package dev.mint.tinker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.tinker.client.ScriptedServer.Request;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a ServiceClient finds its key and base URL, the key check, and the headers every request carries. */
class ConstructionTest {
    private final ScriptedServer server = new ScriptedServer();
    private final Map<String, String> env = new HashMap<>();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Lists sessions with a client built from {@link #env} and returns the request the server saw. */
    private Request listWith(ServiceClient.Builder builder) {
        server.thenJson(200, "{\"sessions\": []}");
        try (ServiceClient client = builder.environment(env).build()) {
            client.createRestClient().listSessions().result();
        }
        List<Request> received = server.received();
        return received.get(received.size() - 1);
    }

    @Test
    void keyAndUrlFromTheEnvironment() {
        env.put("TINKER_API_KEY", "tml-from-env");
        env.put("TINKER_BASE_URL", server.url() + "/api/tinker/");
        Request request = listWith(ServiceClient.builder());
        assertThat(request.uri()).startsWith("/api/tinker/api/v1/sessions?");
        assertThat(request.header("X-API-Key")).isEqualTo("tml-from-env");
    }

    @Test
    void builderSettingsBeatTheEnvironment() {
        env.put("TINKER_API_KEY", "tml-from-env");
        env.put("TINKER_BASE_URL", "http://127.0.0.1:1");
        Request request = listWith(ServiceClient.builder().apiKey("tml-given").baseUrl(server.url() + "/prefix"));
        assertThat(request.uri()).startsWith("/prefix/api/v1/sessions?");
        assertThat(request.header("X-API-Key")).isEqualTo("tml-given");
    }

    @Test
    void baseUrlMayCarryAPrefixWithOrWithoutTrailingSlashes() {
        try (ServiceClient a = ServiceClient.builder().environment(env).apiKey("tml-k").baseUrl(server.url() + "/api/tinker").build();
             ServiceClient b = ServiceClient.builder().environment(env).apiKey("tml-k").baseUrl(server.url() + "/api/tinker//").build();
             ServiceClient c = ServiceClient.builder().environment(env).apiKey("tml-k").baseUrl(server.url()).build()) {
            assertThat(a.baseUrl()).isEqualTo(server.url() + "/api/tinker");
            assertThat(b.baseUrl()).isEqualTo(server.url() + "/api/tinker");
            server.thenJson(200, "{\"sessions\": []}").thenJson(200, "{\"sessions\": []}").thenJson(200, "{\"sessions\": []}");
            a.createRestClient().listSessions().result();
            b.createRestClient().listSessions().result();
            c.createRestClient().listSessions().result();
        }
        assertThat(server.received()).extracting(Request::uri).containsExactly(
                "/api/tinker/api/v1/sessions?limit=20&offset=0&access_scope=owned",
                "/api/tinker/api/v1/sessions?limit=20&offset=0&access_scope=owned",
                "/api/v1/sessions?limit=20&offset=0&access_scope=owned");
    }

    @Test
    void defaultBaseUrlIsTheHostedServiceAndABlankVariableCountsAsUnset() {
        env.put("TINKER_API_KEY", "tml-k");
        env.put("TINKER_BASE_URL", "  ");
        try (ServiceClient client = ServiceClient.builder().environment(env).build()) {
            assertThat(client.baseUrl()).isEqualTo("https://tinker.thinkingmachines.dev/services/tinker-prod")
                    .isEqualTo(ServiceClient.DEFAULT_BASE_URL);
        }
    }

    @Test
    void createTakesUrlAndKey() {
        try (ServiceClient client = ServiceClient.create(server.url() + "/api/tinker", "tml-k")) {
            assertThat(client.baseUrl()).isEqualTo(server.url() + "/api/tinker");
        }
    }

    @Test
    void aMissingKeyFailsConstruction() {
        assertThatThrownBy(() -> ServiceClient.builder().environment(env).build())
                .isInstanceOf(TinkerException.class).hasMessageContaining("TINKER_API_KEY");
        env.put("TINKER_API_KEY", " ");
        assertThatThrownBy(() -> ServiceClient.builder().environment(env).build()).isInstanceOf(TinkerException.class);
        assertThatThrownBy(() -> ServiceClient.builder().environment(Map.of()).apiKey("").build())
                .isInstanceOf(TinkerException.class);
    }

    @Test
    void keysMustStartWithTmlOrBeAJwtUnlessTheCheckIsOff() {
        assertThatThrownBy(() -> ServiceClient.builder().environment(env).apiKey("sk-secret-value").build())
                .isInstanceOf(TinkerException.class).hasMessageContaining("tml-")
                .hasMessageNotContaining("sk-secret-value");
        env.put("TINKER_API_KEY", "TML-upper");
        assertThatThrownBy(() -> ServiceClient.builder().environment(env).build()).isInstanceOf(TinkerException.class);
        ServiceClient.builder().environment(Map.of()).apiKey("eyJhbGciOiJIUzI1NiJ9.e30.sig").build().close();
        Request request = listWith(ServiceClient.builder().apiKey("mint_anything").checkKeyPrefix(false).baseUrl(server.url()));
        assertThat(request.header("X-API-Key")).isEqualTo("mint_anything");
    }

    @Test
    void invalidBaseUrlsNameTheirSource() {
        assertThatThrownBy(() -> ServiceClient.builder().environment(env).apiKey("tml-k").baseUrl("ftp://host").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from baseUrl");
        env.put("TINKER_BASE_URL", "not a url");
        assertThatThrownBy(() -> ServiceClient.builder().environment(env).apiKey("tml-k").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from TINKER_BASE_URL");
    }

    @Test
    void everyRequestCarriesKeyAcceptUserAgentAndConfiguredHeaders() {
        env.put("CLOUDFLARE_ACCESS_CLIENT_ID", "cf-id");
        env.put("CLOUDFLARE_ACCESS_CLIENT_SECRET", "cf-secret");
        Request request = listWith(Fixtures.builder(server.url()).header("X-Proxy-Tag", "blue"));
        assertThat(request.header("X-API-Key")).isEqualTo(Fixtures.KEY);
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).startsWith("mint-java/").contains("TinkerServiceClient");
        assertThat(request.header("CF-Access-Client-Id")).isEqualTo("cf-id");
        assertThat(request.header("CF-Access-Client-Secret")).isEqualTo("cf-secret");
        assertThat(request.header("X-Proxy-Tag")).isEqualTo("blue");
    }

    @Test
    void optionsAreChecked() {
        ServiceClient.Builder builder = ServiceClient.builder();
        assertThatThrownBy(() -> builder.timeout(java.time.Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.retryDeadline(java.time.Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxTransferAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.retryBackoff(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.apiKey(null)).isInstanceOf(NullPointerException.class);
    }
}
