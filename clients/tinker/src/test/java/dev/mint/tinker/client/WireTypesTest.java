package dev.mint.tinker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.JsonCodec;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.Cursor;
import dev.mint.tinker.client.model.TrainingRun;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the wire types read what servers send: optional fields left out, Unix times, unknown fields. */
class WireTypesTest {
    private final JsonCodec json = JsonCodec.snakeCase();

    @Test
    void minimalObjectsUseTheDefaults() throws Exception {
        Checkpoint checkpoint = json.read(("{\"checkpoint_id\": \"weights/a\", \"checkpoint_type\": \"training\", "
                + "\"time\": 1785585600, \"tinker_path\": \"tinker://r/weights/a\"}").getBytes(), Checkpoint.class);
        assertThat(checkpoint.time()).isEqualTo(Instant.parse("2026-08-01T12:00:00Z"));
        assertThat(checkpoint.sizeBytes()).isEmpty();
        assertThat(checkpoint.isPublic()).isFalse();
        assertThat(checkpoint.expiresAt()).isEmpty();
        assertThat(checkpoint.runId()).contains("r");

        TrainingRun run = json.read(("{\"training_run_id\": \"r\", \"base_model\": \"m\", \"model_owner\": \"o\", "
                + "\"is_lora\": true, \"last_request_time\": \"2026-08-01T12:00:00.123456+02:00\", \"x\": {}}").getBytes(),
                TrainingRun.class);
        assertThat(run.lastRequestTime()).isEqualTo(Instant.parse("2026-08-01T10:00:00.123456Z"));
        assertThat(run.corrupted()).isFalse();
        assertThat(run.loraRank()).isEmpty();
        assertThat(run.lastCheckpoint()).isEmpty();
        assertThat(run.userMetadata()).isEmpty();
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThatThrownBy(() -> json.read("{\"base_model\": \"m\"}".getBytes(), TrainingRun.class))
                .hasMessageContaining("training_run_id is required");
    }

    @Test
    void cursorArithmetic() {
        assertThat(new Cursor(0, 50, 120).hasMore()).isTrue();
        assertThat(new Cursor(100, 50, 120).hasMore()).isFalse();
        assertThat(new Cursor(50, 50, 120).nextOffset()).isEqualTo(100);
    }
}
