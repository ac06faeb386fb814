package dev.mint.cli;

import dev.mint.tinker.client.model.AuditLogEntry;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.TrainingRun;
import java.util.List;

/** How {@code mint tinker} shows runs, checkpoints and audit entries to people; {@code --json} bypasses it. */
final class TinkerTables {
    private TinkerTables() {
    }

    static void runs(Output out, List<TrainingRun> runs) {
        Output.Table table = out.table("RUN_ID", "BASE_MODEL", "LORA_RANK", "OWNER", "LAST_REQUEST", "LAST_CHECKPOINT").whole(0);
        runs.forEach(r -> table.row(r.trainingRunId(), r.baseModel(), r.isLora() ? Output.text(r.loraRank()) : "full",
                r.modelOwner(), Output.time(r.lastRequestTime()),
                r.lastCheckpoint().map(Checkpoint::checkpointId).orElse("")));
        table.print();
    }

    static void run(Output out, TrainingRun r) {
        out.line("Run:               " + r.trainingRunId());
        out.line("Base model:        " + r.baseModel());
        out.line("LoRA rank:         " + (r.isLora() ? Output.text(r.loraRank()) : "full fine-tune"));
        out.line("Owner:             " + r.modelOwner());
        out.line("Corrupted:         " + (r.corrupted() ? "yes" : "no"));
        out.line("Last request:      " + Output.time(r.lastRequestTime()));
        out.line("Last checkpoint:   " + r.lastCheckpoint().map(Checkpoint::tinkerPath).orElse(""));
        out.line("Last for sampler:  " + r.lastSamplerCheckpoint().map(Checkpoint::tinkerPath).orElse(""));
        r.userMetadata().forEach((key, value) -> out.line("Metadata:          " + key + "=" + value));
    }

    static void checkpoints(Output out, List<Checkpoint> checkpoints) {
        Output.Table table = out.table("TINKER_PATH", "TYPE", "SIZE", "PUBLIC", "EXPIRES", "CREATED").whole(0);
        checkpoints.forEach(c -> table.row(c.tinkerPath(), c.checkpointType().wireName(),
                c.sizeBytes().map(Output::bytes).orElse(""), c.isPublic() ? "yes" : "no",
                Output.time(c.expiresAt()), Output.time(c.time())));
        table.print();
    }

    static void audit(Output out, List<AuditLogEntry> entries) {
        Output.Table table = out.table("TIME", "EVENT", "TINKER_PATH").whole(2);
        entries.forEach(e -> table.row(Output.time(e.timestamp()), e.event(), e.tinkerPath().or(e::modelId).orElse("")));
        table.print();
    }

    /** A one-column list, such as session ids, under its header. */
    static void ids(Output out, String header, List<String> ids) {
        Output.Table table = out.table(header).whole(0);
        ids.forEach(table::row);
        table.print();
    }
}
