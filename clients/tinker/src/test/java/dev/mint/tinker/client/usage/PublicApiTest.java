package dev.mint.tinker.client.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.StubServer;
import dev.mint.tinker.client.ApiFuture;
import dev.mint.tinker.client.ApiStatusException;
import dev.mint.tinker.client.InvalidTinkerPathException;
import dev.mint.tinker.client.NotFoundException;
import dev.mint.tinker.client.RestClient;
import dev.mint.tinker.client.ServiceClient;
import dev.mint.tinker.client.TinkerException;
import dev.mint.tinker.client.TinkerPath;
import dev.mint.tinker.client.TransferProgress;
import dev.mint.tinker.client.model.AccessScope;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.CheckpointType;
import dev.mint.tinker.client.model.CheckpointsListResponse;
import dev.mint.tinker.client.model.TrainingRun;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Written from outside the client's package, as a user's code is: everything used here must be public. It also
 * shows the construction a test against our own server uses: any base URL, any key.
 */
class PublicApiTest {
    private static final String RUN = "s-1:train:0";

    @Test
    void theRestClientAsAUserWritesIt() throws Exception {
        try (StubServer server = new StubServer();
             ServiceClient service = ServiceClient.builder().environment(Map.of())
                     .baseUrl(server.baseUrl() + "/api/tinker").apiKey("local-key").checkKeyPrefix(false)
                     .timeout(Duration.ofSeconds(5)).connectTimeout(Duration.ofSeconds(2))
                     .retryDeadline(Duration.ofSeconds(2)).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                     .maxRetries(3).maxTransferAttempts(2).header("X-Trace", "1").build()) {
            String checkpoint = "{\"checkpoint_id\": \"weights/0001\", \"checkpoint_type\": \"training\", "
                    + "\"time\": \"2026-08-01T12:00:00Z\", \"tinker_path\": \"tinker://" + RUN + "/weights/0001\"}";
            server.enqueue(200, "{\"checkpoints\": [" + checkpoint + "]}")
                    .enqueue(200, "{}")
                    .enqueue(404, "{\"detail\": \"Training run not found\"}")
                    .enqueue(200, "{\"sessions\": [\"s-1\"]}");

            RestClient rest = service.createRestClient();
            CheckpointsListResponse list = rest.listCheckpoints(RUN).result();
            for (Checkpoint c : list.checkpoints()) {
                TinkerPath path = TinkerPath.parse(c.tinkerPath());
                assertThat(path.type()).isEqualTo(CheckpointType.TRAINING);
                ApiFuture<Void> published = rest.publishCheckpointFromTinkerPath(path.toString());
                published.result(Duration.ofSeconds(5));
            }
            CompletableFuture<TrainingRun> missing = rest.getTrainingRunAsync("nope", AccessScope.ACCESSIBLE);
            assertThatThrownBy(missing::join).hasCauseInstanceOf(NotFoundException.class);
            assertThat(rest.listAllSessions(10, AccessScope.OWNED)).containsExactly("s-1");
            assertThatThrownBy(() -> rest.deleteCheckpointFromTinkerPath("tinker://bad"))
                    .isInstanceOf(InvalidTinkerPathException.class).isInstanceOf(IllegalArgumentException.class);
            TransferProgress quiet = TransferProgress.NONE;
            assertThat(quiet).isNotNull();
            assertThat(ApiStatusException.class).isAssignableTo(TinkerException.class);
            assertThat(server.received()).extracting(StubServer.Received::path).first()
                    .isEqualTo("/api/tinker/api/v1/training_runs/" + RUN + "/checkpoints");
        }
    }
}
