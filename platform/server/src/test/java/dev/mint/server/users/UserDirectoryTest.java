package dev.mint.server.users;

import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The user listing at {@code /api/users} and {@code /api/admin/users}: filters, paging and totals. */
class UserDirectoryTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static String admin;

    @BeforeAll
    static void start() {
        http = platform.http();
        admin = platform.adminToken();
        // dir-1 .. dir-7: members, except dir-2 and dir-5 (viewers); dir-6 and dir-7 disabled.
        for (int i = 1; i <= 7; i++) {
            String role = i == 2 || i == 5 ? "viewer" : "member";
            long id = platform.createUser("dir-" + i, role).get("id").asLong();
            if (i >= 6) {
                http.patch("/api/admin/users/" + id, admin, Map.of("is_active", false));
            }
        }
        http.patch("/api/admin/users/" + idOf("dir-3"), admin,
                Map.of("email", "grace@lab.example", "first_name", "Grace", "last_name", "Hopper"));
        platform.createUser("under_score", "viewer");
        platform.createUser("underxscore", "viewer");
    }

    static long idOf(String username) {
        return page("/api/admin/users?search=" + username).get("users").get(0).get("id").asLong();
    }

    static JsonNode page(String pathAndQuery) {
        TestHttp.Response response = http.get(pathAndQuery, admin);
        assertThat(response.status()).as("%s: %s", pathAndQuery, response).isEqualTo(200);
        return response.json();
    }

    static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("users").forEach(u -> names.add(u.get("username").asText()));
        return names;
    }

    @Test
    void bothListingsAnswerTheSameEnvelope() {
        for (String base : List.of("/api/users", "/api/admin/users")) {
            JsonNode all = page(base);
            assertThat(all.get("total").asLong()).isEqualTo(10);
            assertThat(all.get("users")).hasSize(10);
            assertThat(all.get("users").get(0).has("role_obj")).isTrue();
            assertThat(all.toString()).doesNotContain("password");
        }
    }

    @Test
    void searchMatchesUsernameEmailAndFullNameCaseInsensitively() {
        assertThat(usernames(page("/api/users?search=DIR-"))).containsExactly("dir-1", "dir-2", "dir-3", "dir-4", "dir-5",
                "dir-6", "dir-7");
        assertThat(usernames(page("/api/users?search=lab.example"))).containsExactly("dir-3");
        assertThat(usernames(page("/api/users?search=grace%20hop"))).containsExactly("dir-3");
        assertThat(usernames(page("/api/users?search=HOPPER"))).containsExactly("dir-3");
        assertThat(page("/api/users?search=nobody-matches").get("total").asLong()).isZero();
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        assertThat(usernames(page("/api/users?search=under_score"))).containsExactly("under_score");
        assertThat(page("/api/users?search=%25").get("total").asLong()).isZero();
        assertThat(usernames(page("/api/users?search=r_s"))).containsExactly("under_score");
    }

    @Test
    void roleAndActivityFilterAndCombine() {
        assertThat(usernames(page("/api/users?role=viewer&search=dir-"))).containsExactly("dir-2", "dir-5");
        assertThat(page("/api/users?role=admin").get("total").asLong()).isEqualTo(1);
        assertThat(usernames(page("/api/admin/users?is_active=false"))).containsExactly("dir-6", "dir-7");
        assertThat(page("/api/users?is_active=true").get("total").asLong()).isEqualTo(8);
        assertThat(usernames(page("/api/users?is_active=true&role=member&search=dir"))).containsExactly("dir-1", "dir-3",
                "dir-4");
    }

    @Test
    void skipAndLimitPageThroughAndTotalCountsAllMatches() {
        JsonNode first = page("/api/users?search=dir-&limit=3");
        JsonNode second = page("/api/users?search=dir-&limit=3&skip=3");
        JsonNode last = page("/api/users?search=dir-&limit=3&skip=6");
        JsonNode beyond = page("/api/users?search=dir-&limit=3&skip=30");

        assertThat(usernames(first)).containsExactly("dir-1", "dir-2", "dir-3");
        assertThat(usernames(second)).containsExactly("dir-4", "dir-5", "dir-6");
        assertThat(usernames(last)).containsExactly("dir-7");
        assertThat(usernames(beyond)).isEmpty();
        for (JsonNode p : List.of(first, second, last, beyond)) {
            assertThat(p.get("total").asLong()).isEqualTo(7);
        }
        JsonNode filtered = page("/api/admin/users?search=dir-&is_active=true&limit=2&skip=4");
        assertThat(usernames(filtered)).containsExactly("dir-5");
        assertThat(filtered.get("total").asLong()).isEqualTo(5);
    }

    @Test
    void badQueryParametersAreValidationErrors() {
        assertInvalid(http.get("/api/users?limit=0", admin), "limit");
        assertInvalid(http.get("/api/users?limit=501", admin), "limit");
        assertInvalid(http.get("/api/users?limit=ten", admin), "limit");
        assertInvalid(http.get("/api/users?skip=-1", admin), "skip");
        assertInvalid(http.get("/api/users?role=owner", admin), "role");
        assertInvalid(http.get("/api/admin/users?is_active=maybe", admin), "is_active");
        assertThat(page("/api/users?limit=500").get("users")).hasSize(10);
    }
}
