package dev.mint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.Page;
import dev.mint.client.model.Experiment;
import dev.mint.client.model.Project;
import dev.mint.client.model.ProjectMember;
import dev.mint.server.test.TestPlatform;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectsApiTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static MintClient client;

    @BeforeAll
    static void connect() {
        client = Clients.admin(platform);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void createGetUpdateArchiveDelete() {
        Project project = client.projects().create("Oncology Screen Q1", "HeLa panel");
        assertThat(project.status()).isEqualTo("active");
        assertThat(project.visibility()).isEqualTo("open");
        assertThat(project.description()).contains("HeLa panel");
        assertThat(project.myRole()).contains("owner");
        assertThat(client.projects().get(project.id())).isEqualTo(project);

        Project renamed = client.projects().update(project.id(),
                ProjectFields.builder().name("Oncology Screen Q2").set("description", null).build());
        assertThat(renamed.name()).isEqualTo("Oncology Screen Q2");
        assertThat(renamed.description()).isEmpty();

        Project archived = client.projects().archive(project.id());
        assertThat(archived.status()).isEqualTo("archived");
        assertThat(client.projects().update(project.id(), ProjectFields.builder().status("active").build()).status())
                .isEqualTo("active");

        Experiment inside = client.experiments().create(ExperimentFields.builder().name("inside")
                .projectId(project.id()).build());
        client.projects().delete(project.id());
        assertThatThrownBy(() -> client.projects().get(project.id())).isInstanceOf(MintNotFoundException.class);
        assertThatThrownBy(() -> client.experiments().get(inside.id())).isInstanceOf(MintNotFoundException.class);
    }

    @Test
    void duplicateNamesConflict() {
        client.projects().create(ProjectFields.builder().name("Unique name").visibility("restricted").build());
        assertThatThrownBy(() -> client.projects().create("unique NAME", null))
                .isInstanceOfSatisfying(MintConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).contains("CONFLICT");
                });
    }

    @Test
    void listFiltersAndIteratesAllPages() {
        String marker = "plist-" + System.nanoTime();
        IntStream.range(0, 5).forEach(i -> client.projects().create(marker + "-" + i, null));
        client.projects().archive(client.projects().create(marker + "-archived", null).id());

        Page<Project> active = client.projects().list(ProjectListParams.builder().search(marker).status("active").limit(2).build());
        assertThat(active.total()).isEqualTo(5);
        assertThat(active.items()).hasSize(2);
        assertThat(client.projects().iterateAll(ProjectListParams.builder().search(marker).limit(2).build())
                .stream().map(Project::name)).hasSize(6).contains(marker + "-archived");
        assertThat(client.projects().list(ProjectListParams.builder().search(marker).myProjects(true).build()).total())
                .isEqualTo(6);
    }

    @Test
    void projectExperimentsArePagedLikeTheExperimentList() {
        Project project = client.projects().create("Paged project " + System.nanoTime(), null);
        IntStream.range(0, 5).forEach(i -> client.experiments().create(ExperimentFields.builder()
                .name("pe-" + i).projectId(project.id()).build()));
        client.experiments().create("outside the project", "custom");

        Page<Experiment> page = client.projects().experiments(project.id(),
                ExperimentListParams.builder().limit(2).sortBy("name").sortOrder("asc").build());
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(Experiment::name).containsExactly("pe-0", "pe-1");
        assertThat(client.projects().iterateExperiments(project.id(), ExperimentListParams.builder().limit(2).build())
                .stream().count()).isEqualTo(5);
        assertThat(client.projects().experiments(project.id()).items()).allMatch(e -> e.projectId().orElseThrow() == project.id());
    }

    @Test
    void membersAddChangeRemove() {
        Project project = client.projects().create("Members " + System.nanoTime(), null);
        long bob = platform.createUser("member-bob", "member").get("id").asLong();

        assertThat(client.projects().members(project.id())).extracting(ProjectMember::username).containsExactly("admin");
        ProjectMember added = client.projects().setMember(project.id(), bob, "viewer");
        assertThat(added.role()).isEqualTo("viewer");
        assertThat(client.projects().setMember(project.id(), bob, "editor").role()).isEqualTo("editor");
        assertThat(client.projects().members(project.id())).extracting(ProjectMember::username)
                .containsExactlyInAnyOrder("admin", "member-bob");
        assertThatThrownBy(() -> client.projects().setMember(project.id(), bob, "emperor"))
                .isInstanceOf(MintValidationException.class);

        client.projects().removeMember(project.id(), bob);
        assertThat(client.projects().members(project.id())).hasSize(1);
    }

    @Test
    void viewersCannotCreateProjects() {
        try (MintClient viewer = Clients.withToken(platform, platform.userToken("proj-viewer", "viewer"))) {
            assertThatThrownBy(() -> viewer.projects().create("nope", null)).isInstanceOf(MintPermissionException.class);
        }
    }
}
