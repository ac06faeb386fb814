package dev.mint.tinker;

import static dev.mint.tinker.TinkerServer.detail;
import static dev.mint.tinker.TinkerServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the SDK calls while it constructs, and the ways it may authenticate. */
class TinkerStartupTest {
    static TinkerServer server;
    static String key;
    static String jwt;

    @BeforeAll
    static void start() {
        server = new TinkerServer();
        key = server.newUser("ivan");
        jwt = server.platform.login("ivan", "ivan-password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void clientConfigAndDynamicConfigAnswerWithoutAKey() {
        JsonNode config = ok(server.post("/client/config", null, Map.of("sdk_version", "0.25.0")));
        assertThat(config.get("pjwt_auth_enabled").asBoolean()).isFalse();
        assertThat(config.get("use_pyqwest_transport").asBoolean()).isFalse();
        assertThat(ok(server.post("/client/dynamic_config", key, Map.of("sdk_version", "0.25.0")))
                .get("refresh_interval_sec").asInt()).isPositive();
        assertThat(ok(server.get("/healthz", null)).get("status").asText()).isEqualTo("ok");
        assertThat(ok(server.get("/get_server_capabilities", key)).get("supported_models").isArray()).isTrue();
    }

    @Test
    void telemetryIsAcceptedAsTheSdkSendsIt() {
        Map<String, Object> batch = Map.of("events", List.of(Map.of("event", "SESSION_START", "event_id", "e1",
                "event_session_index", 0, "severity", "INFO", "timestamp", "2026-08-01T12:00:00.123456Z")),
                "platform", "Linux", "sdk_version", "0.25.0", "session_id", "sessionless-1", "process_uuid", "p1");
        assertThat(ok(server.post("/telemetry", key, batch)).get("status").asText()).isEqualTo("accepted");
    }

    @Test
    void aTmlKeyAPlatformJwtAndABearerTokenAllAuthenticate() {
        assertThat(ok(server.get("/sessions", key)).get("sessions").isArray()).isTrue();
        assertThat(jwt).startsWith("eyJ");
        assertThat(ok(server.get("/sessions", jwt)).get("sessions").isArray()).isTrue();
        TestHttp.Response bearer = server.http().send("GET", TinkerServer.API + "/sessions", key, null, Map.of());
        assertThat(bearer.status()).as(bearer.toString()).isEqualTo(200);
    }

    @Test
    void missingOrWrongKeysAre401WithADetail() {
        assertThat(detail(server.get("/training_runs", null), 401)).contains("X-API-Key");
        detail(server.get("/training_runs", "tml-" + "0".repeat(40)), 401);
        detail(server.get("/training_runs", "eyJhbGciOiJIUzI1NiJ9.e30.x"), 401);
        detail(server.post("/create_session", "not-a-key", Map.of()), 401);
    }

    @Test
    void authTokenEchoesAJwtAndExplainsThatKeysAreNotExchanged() {
        assertThat(ok(server.post("/auth/token", jwt, Map.of())).get("jwt").asText()).isEqualTo(jwt);
        assertThat(detail(server.post("/auth/token", key, Map.of()), 400)).contains("pjwt_auth_enabled");
    }

    @Test
    void aSessionIsCreatedAndKeptAliveByItsOwnerOnly() {
        JsonNode created = ok(server.post("/create_session", key, Map.of("tags", List.of("a"), "user_metadata",
                Map.of("k", "v"), "sdk_version", "0.25.0", "type", "create_session")));
        String session = created.get("session_id").asText();
        assertThat(created.get("type").asText()).isEqualTo("create_session");

        assertThat(ok(server.post("/session_heartbeat", key, Map.of("session_id", session, "type", "session_heartbeat")))
                .get("type").asText()).isEqualTo("session_heartbeat");
        String other = server.newUser("judy");
        detail(server.post("/session_heartbeat", other, Map.of("session_id", session)), 404);
        detail(server.post("/session_heartbeat", key, Map.of()), 400);
        detail(server.post("/create_session", key, Map.of("user_metadata", Map.of("n", 1))), 400);
        detail(server.post("/create_session", key, "[1, 2]"), 400);
    }
}
