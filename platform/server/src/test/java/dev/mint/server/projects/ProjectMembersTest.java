package dev.mint.server.projects;

import static dev.mint.server.test.ErrorAssertions.assertDenied;
import static dev.mint.server.test.ErrorAssertions.assertError;
import static dev.mint.server.test.ErrorAssertions.assertInvalid;
import static dev.mint.server.test.ErrorAssertions.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.ProjectFixtures;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listing, adding, changing and removing project members, and the one-owner rule. */
class ProjectMembersTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static TestHttp http;
    static ProjectFixtures fixtures;
    static ProjectFixtures.User owner;
    static ProjectFixtures.User colleague;
    static ProjectFixtures.User reader;

    long project;

    @BeforeAll
    static void start() {
        http = platform.http();
        fixtures = new ProjectFixtures(platform);
        owner = fixtures.user("owner", "member");
        colleague = fixtures.user("colleague", "member");
        reader = fixtures.user("reader", "viewer");
    }

    @BeforeEach
    void newProject() {
        project = fixtures.projectId(owner.token(), "open");
    }

    @Test
    void membersListNamesEachMembersUserFieldsAndRole() {
        fixtures.member(owner.token(), project, reader.id(), "viewer");

        var response = http.get(membersPath(), reader.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("total").asInt()).isEqualTo(2);
        Map<String, String> roles = roles(response.json());
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(owner.username(), "owner", reader.username(), "viewer"));
        JsonNode first = response.json().at("/members/0");
        assertThat(ProjectCrudTest.fieldNames(first)).contains("user_id", "username", "shortname", "email", "first_name",
                "last_name", "role", "created_at", "updated_at");
        JsonNode ownerEntry = entry(response.json(), owner.username());
        assertThat(ownerEntry.get("user_id").asLong()).isEqualTo(owner.id());
    }

    @Test
    void putAddsAMemberAndThenChangesTheRole() {
        var added = http.put(memberPath(colleague.id()), owner.token(), Map.of("role", "editor"));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("user_id").asLong()).isEqualTo(colleague.id());
        assertThat(added.json().get("username").asText()).isEqualTo(colleague.username());
        assertThat(added.json().get("role").asText()).isEqualTo("editor");
        assertThat(roles(members())).containsEntry(colleague.username(), "editor");
        assertThat(http.get(projectPath(), owner.token()).json().get("member_count").asInt()).isEqualTo(2);
        assertThat(http.get(projectPath(), colleague.token()).json().get("my_role").asText()).isEqualTo("editor");

        var changed = http.put(memberPath(colleague.id()), owner.token(), Map.of("role", "viewer"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asText()).isEqualTo("viewer");
        assertThat(roles(members())).containsEntry(colleague.username(), "viewer").hasSize(2);
    }

    @Test
    void invalidRoleIsRejectedAndAddsNobody() {
        assertInvalid(http.put(memberPath(colleague.id()), owner.token(), Map.of("role", "boss")), "role");
        assertInvalid(http.put(memberPath(colleague.id()), owner.token(), Map.of("role", "Editor")), "role");
        assertInvalid(http.put(memberPath(colleague.id()), owner.token(), Map.of("role", 2)), "role");
        assertInvalid(http.put(memberPath(colleague.id()), owner.token(), Map.of()), "role");
        assertInvalid(http.put(memberPath(colleague.id()), owner.token(), null), "role");

        assertThat(roles(members())).containsOnlyKeys(owner.username());
    }

    @Test
    void unknownUserOrProjectIsNotFound() {
        assertNotFound(http.put(memberPath(999_999), owner.token(), Map.of("role", "editor")));
        assertNotFound(http.put("/api/projects/999999/members/" + colleague.id(), owner.token(), Map.of("role", "editor")));
        assertNotFound(http.get("/api/projects/999999/members", owner.token()));
        assertInvalid(http.put(membersPath() + "/someone", owner.token(), Map.of("role", "editor")), "user_id");

        assertThat(members().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void deleteRemovesTheMemberAndASecondDeleteIsNotFound() {
        fixtures.member(owner.token(), project, colleague.id(), "editor");

        var removed = http.delete(memberPath(colleague.id()), owner.token());

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(roles(members())).containsOnlyKeys(owner.username());
        assertThat(http.get(projectPath(), colleague.token()).json().get("my_role").isNull()).isTrue();
        assertNotFound(http.delete(memberPath(colleague.id()), owner.token()));
        assertNotFound(http.delete(memberPath(999_999), owner.token()));
    }

    @Test
    void lastOwnerCanBeNeitherRemovedNorDemoted() {
        assertError(http.delete(memberPath(owner.id()), owner.token()), 409, "CONFLICT");
        assertError(http.put(memberPath(owner.id()), owner.token(), Map.of("role", "editor")), 409, "CONFLICT");
        assertError(http.delete(memberPath(owner.id()), platform.adminToken()), 409, "CONFLICT");

        assertThat(roles(members())).containsExactlyEntriesOf(Map.of(owner.username(), "owner"));
    }

    @Test
    void anOwnerCanStepDownOnceAnotherOwnerExists() {
        fixtures.member(owner.token(), project, colleague.id(), "owner");

        var demoted = http.put(memberPath(owner.id()), owner.token(), Map.of("role", "editor"));
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
        assertThat(demoted.json().get("role").asText()).isEqualTo("editor");

        assertError(http.delete(memberPath(colleague.id()), owner.token()), 409, "CONFLICT");
        fixtures.member(colleague.token(), project, owner.id(), "owner");
        assertThat(http.delete(memberPath(colleague.id()), owner.token()).status()).isEqualTo(204);
        assertThat(roles(members())).containsExactlyEntriesOf(Map.of(owner.username(), "owner"));
    }

    @Test
    void aMemberMayRemoveThemselvesWithoutManagingMembers() {
        fixtures.member(owner.token(), project, reader.id(), "viewer");

        var left = http.delete(memberPath(reader.id()), reader.token());

        assertThat(left.status()).as(left.toString()).isEqualTo(204);
        assertThat(roles(members())).doesNotContainKey(reader.username());
    }

    @Test
    void projectEditorOrViewerWithPlatformViewerRoleCannotManageMembers() {
        ProjectFixtures.User editor = fixtures.user("editor", "viewer");
        fixtures.member(owner.token(), project, editor.id(), "editor");
        fixtures.member(owner.token(), project, reader.id(), "viewer");

        for (String token : new String[] {editor.token(), reader.token()}) {
            assertDenied(http.put(memberPath(colleague.id()), token, Map.of("role", "viewer")), "projects.manage_members");
            assertDenied(http.put(memberPath(owner.id()), token, Map.of("role", "viewer")), "projects.manage_members");
            assertDenied(http.put(memberPath(reader.id()), token, Map.of("role", "owner")), "projects.manage_members");
            assertDenied(http.delete(memberPath(owner.id()), token), "projects.manage_members");
        }
        assertDenied(http.delete(memberPath(reader.id()), editor.token()), "projects.manage_members");

        assertThat(roles(members())).containsExactlyInAnyOrderEntriesOf(Map.of(owner.username(), "owner",
                editor.username(), "editor", reader.username(), "viewer"));
    }

    @Test
    void platformViewerOutsideTheProjectCanReadButNotChangeMembers() {
        assertThat(http.get(membersPath(), reader.token()).status()).isEqualTo(200);
        assertDenied(http.put(memberPath(reader.id()), reader.token(), Map.of("role", "owner")), "projects.manage_members");
        assertThat(roles(members())).containsOnlyKeys(owner.username());
    }

    private String projectPath() {
        return "/api/projects/" + project;
    }

    private String membersPath() {
        return projectPath() + "/members";
    }

    private String memberPath(long userId) {
        return membersPath() + "/" + userId;
    }

    private JsonNode members() {
        var response = http.get(membersPath(), platform.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("total").asInt()).isEqualTo(response.json().get("members").size());
        return response.json();
    }

    private static Map<String, String> roles(JsonNode list) {
        Map<String, String> roles = new LinkedHashMap<>();
        list.get("members").forEach(m -> roles.put(m.get("username").asText(), m.get("role").asText()));
        return roles;
    }

    private static JsonNode entry(JsonNode list, String username) {
        for (JsonNode member : list.get("members")) {
            if (member.get("username").asText().equals(username)) {
                return member;
            }
        }
        throw new AssertionError(username + " is not in " + list);
    }
}
