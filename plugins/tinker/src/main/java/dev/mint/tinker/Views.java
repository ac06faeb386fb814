package dev.mint.tinker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire shapes of the reference's section 5, as ordered maps. */
final class Views {
    private Views() {
    }

    /** {@code Checkpoint}, plus {@code training_run_id} (which Python ignores and other clients read). */
    static Map<String, Object> checkpoint(Checkpoint c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("checkpoint_id", c.ref().checkpointId());
        view.put("checkpoint_type", c.ref().kind().wireType());
        view.put("time", c.createdAt());
        view.put("tinker_path", c.ref().tinkerPath());
        view.put("size_bytes", c.sizeBytes());
        view.put("public", c.isPublic());
        view.put("expires_at", c.expiresAt());
        view.put("training_run_id", c.ref().runId());
        return view;
    }

    static Map<String, Object> trainingRun(TrainingRun run, Checkpoint lastCheckpoint,
                                           Checkpoint lastSamplerCheckpoint) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("training_run_id", run.id());
        view.put("base_model", run.baseModel());
        view.put("model_owner", run.ownerName());
        view.put("is_lora", true);
        view.put("corrupted", false);
        view.put("lora_rank", run.loraRank());
        view.put("last_request_time", run.lastRequestAt());
        view.put("last_checkpoint", lastCheckpoint == null ? null : checkpoint(lastCheckpoint));
        view.put("last_sampler_checkpoint", lastSamplerCheckpoint == null ? null : checkpoint(lastSamplerCheckpoint));
        view.put("user_metadata", run.userMetadata());
        return view;
    }

    static Map<String, Object> cursor(Paging paging, long total) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("offset", paging.offset());
        view.put("limit", paging.limit());
        view.put("total_count", total);
        return view;
    }

    static Map<String, Object> checkpoints(List<Checkpoint> checkpoints, Map<String, Object> cursor) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("checkpoints", checkpoints.stream().map(Views::checkpoint).toList());
        view.put("cursor", cursor);
        return view;
    }

    static Map<String, Object> weightsInfo(TrainingRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("base_model", run.baseModel());
        view.put("is_lora", true);
        view.put("lora_rank", run.loraRank());
        view.put("train_unembed", run.trainUnembed());
        view.put("train_mlp", run.trainMlp());
        view.put("train_attn", run.trainAttn());
        return view;
    }

    static Map<String, Object> sampler(Sampler sampler) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sampler_id", sampler.id());
        view.put("base_model", sampler.baseModel());
        view.put("model_path", sampler.modelPath());
        return view;
    }
}
