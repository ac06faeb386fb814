package dev.mint.server.auth;

import static dev.mint.server.auth.RestartableStorage.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.MintServer;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import org.junit.jupiter.api.Test;

class FirstStartTest {

    @Test
    void withoutAConfiguredPasswordTheAdminGetsAGeneratedOne() {
        try (RestartableStorage storage = new RestartableStorage();
             MintServer server = MintServer.start(storage.config().build())) {
            String generated = server.generatedAdminPassword().orElseThrow();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(16);

            TestHttp.Response response = login(new TestHttp(server.baseUrl()), "admin", generated);

            assertThat(response.status()).isEqualTo(200);
            JsonNode me = new TestHttp(server.baseUrl()).get("/api/users/me", response.json().get("access_token").asText()).json();
            assertThat(me.get("role").asText()).isEqualTo("admin");
            assertThat(me.get("is_active").asBoolean()).isTrue();
        }
    }

    @Test
    void withAConfiguredPasswordNothingIsGenerated() {
        try (TestPlatform platform = TestPlatform.start()) {
            assertThat(platform.server().generatedAdminPassword()).isEmpty();
            assertThat(login(platform.http(), "admin", TestPlatform.ADMIN_PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void laterStartsKeepTheExistingAdminAndItsPassword() {
        try (RestartableStorage storage = new RestartableStorage()) {
            String generated;
            try (MintServer first = MintServer.start(storage.config().build())) {
                generated = first.generatedAdminPassword().orElseThrow();
            }

            try (MintServer second = MintServer.start(storage.config().adminPassword("a-newly-configured-pw").build())) {
                TestHttp http = new TestHttp(second.baseUrl());
                assertThat(second.generatedAdminPassword()).isEmpty();
                assertThat(login(http, "admin", "a-newly-configured-pw").status()).isEqualTo(401);
                TestHttp.Response response = login(http, "admin", generated);
                assertThat(response.status()).isEqualTo(200);
                String token = response.json().get("access_token").asText();
                assertThat(http.get("/api/users", token).json().get("total").asLong()).isEqualTo(1);
                assertThat(http.get("/api/admin/audit?action=user.create", token).json().get("total").asLong()).isEqualTo(1);
            }
            try (MintServer third = MintServer.start(storage.config().build())) {
                assertThat(third.generatedAdminPassword()).isEmpty();
                assertThat(login(new TestHttp(third.baseUrl()), "admin", generated).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void unacceptableConfiguredPasswordRefusesToStartAndCreatesNoOne() {
        try (RestartableStorage storage = new RestartableStorage()) {
            assertThatThrownBy(() -> MintServer.start(storage.config().adminPassword("short").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MINT_ADMIN_PASSWORD");

            try (MintServer server = MintServer.start(storage.config().adminPassword("long-enough-pw").build())) {
                assertThat(login(new TestHttp(server.baseUrl()), "admin", "long-enough-pw").status()).isEqualTo(200);
            }
        }
    }
}
