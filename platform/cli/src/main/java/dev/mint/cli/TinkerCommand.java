package dev.mint.cli;

import dev.mint.tinker.client.RestClient;
import dev.mint.tinker.client.ServiceClient;
import dev.mint.tinker.client.TinkerPath;
import dev.mint.tinker.client.TransferProgress;
import dev.mint.tinker.client.model.AccessScope;
import dev.mint.tinker.client.model.AuditEventType;
import dev.mint.tinker.client.model.AuditLogEntry;
import dev.mint.tinker.client.model.Checkpoint;
import dev.mint.tinker.client.model.CheckpointsListResponse;
import dev.mint.tinker.client.model.GetSessionResponse;
import dev.mint.tinker.client.model.TrainingRun;
import dev.mint.tinker.client.model.TrainingRunsResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mint tinker ...}: training runs, checkpoints and their archives, sessions and the audit log of the Tinker
 * service, through the Tinker Java client. Reads and small changes are methods here; the transfers, which have
 * more to say, are {@link TinkerDownloadCommand} and {@link TinkerUploadCommand}.
 */
@Command(name = "tinker", mixinStandardHelpOptions = true,
        description = {"Training runs, checkpoints, archives, sessions and the audit log of Tinker.",
            "By default the platform's Tinker (<platform URL>/api/tinker) with your `mint auth login` token."},
        subcommands = {TinkerDownloadCommand.class, TinkerUploadCommand.class})
final class TinkerCommand extends PlatformGroup {
    @Mixin
    TinkerConnection tinker;

    /** Runs {@code action} with a rest client of the configured service, closed afterwards. */
    <T> T rest(Function<RestClient, T> action) {
        try (ServiceClient service = tinker.client(context(), connection)) {
            return action.apply(service.createRestClient());
        }
    }

    /** Runs a download or upload with a {@link TransferMeter} on standard error, ended whether it worked or not. */
    <T> T transfer(String verb, boolean json, BiFunction<RestClient, TransferProgress, T> action) {
        TransferMeter meter = new TransferMeter(spec.commandLine().getErr(), TransferMeter.styleFor(context(), json), verb);
        try {
            return rest(client -> action.apply(client, meter));
        } finally {
            meter.finish();
        }
    }

    /** Checks a path before anything is asked or sent (the client would too, but only once a request is built). */
    static TinkerPath path(String tinkerPath) {
        return TinkerPath.parse(tinkerPath);
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "List training runs (newest first).")
    int runs(@Mixin TinkerPaging paging,
             @Mixin TinkerScope scope,
             @Mixin JsonFlag json) {
        AccessScope access = scope.value();
        int limit = paging.limit(20);
        int offset = paging.offset();
        List<TrainingRun> runs;
        String footer;
        if (paging.all) {
            runs = rest(client -> client.listAllTrainingRuns(limit, access).stream().toList());
            footer = runs.size() + " runs";
        } else {
            TrainingRunsResponse page = rest(client -> client.listTrainingRuns(limit, offset, access).result());
            runs = page.trainingRuns();
            footer = runs.size() + " of " + page.cursor().totalCount() + " runs";
        }
        if (json.json) {
            out().json(runs);
        } else {
            TinkerTables.runs(out(), runs);
            out().line(footer);
        }
        return ExitCodes.OK;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Show one training run.")
    int run(@Parameters(paramLabel = "RUN_ID") String runId,
            @Mixin TinkerScope scope,
            @Mixin JsonFlag json) {
        AccessScope access = scope.value();
        TrainingRun run = rest(client -> client.getTrainingRun(runId, access).result());
        if (json.json) {
            out().json(run);
        } else {
            TinkerTables.run(out(), run);
        }
        return ExitCodes.OK;
    }

    @Command(name = "checkpoints", mixinStandardHelpOptions = true,
            description = {"List a run's checkpoints, or without RUN_ID those of all your runs (newest first).",
                "A run's list comes whole, so paging flags apply only to the list across runs."})
    int checkpoints(@Parameters(paramLabel = "RUN_ID", arity = "0..1") String runId, @Mixin TinkerPaging paging,
                    @Mixin JsonFlag json) {
        List<Checkpoint> checkpoints;
        String footer;
        if (runId != null) {
            if (paging.given()) {
                throw CliException.usage("--limit, --offset and --all apply to the list across runs; a run's checkpoints come whole");
            }
            checkpoints = rest(client -> client.listCheckpoints(runId).result().checkpoints());
            footer = checkpoints.size() + " checkpoints";
        } else {
            int limit = paging.limit(100);
            int offset = paging.offset();
            if (paging.all) {
                checkpoints = rest(client -> client.listAllUserCheckpoints(limit).stream().toList());
                footer = checkpoints.size() + " checkpoints";
            } else {
                CheckpointsListResponse page = rest(client -> client.listUserCheckpoints(limit, offset).result());
                checkpoints = page.checkpoints();
                footer = checkpoints.size() + page.cursor().map(c -> " of " + c.totalCount()).orElse("") + " checkpoints";
            }
        }
        if (json.json) {
            out().json(checkpoints);
        } else {
            TinkerTables.checkpoints(out(), checkpoints);
            out().line(footer);
        }
        return ExitCodes.OK;
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Make a checkpoint readable by everyone (owner only).")
    int publish(@Parameters(paramLabel = "TINKER_PATH") String tinkerPath) {
        path(tinkerPath);
        rest(client -> client.publishCheckpointFromTinkerPath(tinkerPath).result());
        out().line("Published " + tinkerPath);
        return ExitCodes.OK;
    }

    @Command(name = "unpublish", mixinStandardHelpOptions = true,
            description = "Make a published checkpoint private again (owner only).")
    int unpublish(@Parameters(paramLabel = "TINKER_PATH") String tinkerPath) {
        path(tinkerPath);
        rest(client -> client.unpublishCheckpointFromTinkerPath(tinkerPath).result());
        out().line("Unpublished " + tinkerPath);
        return ExitCodes.OK;
    }

    /** {@code ttl}'s choice: a new lifetime, or none. */
    static final class TtlChange {
        @Option(names = "--seconds", paramLabel = "N", required = true,
                description = "Expire N seconds from now (1 second to 100 years).")
        Long seconds;
        @Option(names = "--clear", required = true, description = "Never expire.")
        boolean clear;
    }

    @Command(name = "ttl", mixinStandardHelpOptions = true,
            description = {"Set or clear when a checkpoint expires (owner only).",
                "  mint tinker ttl tinker://RUN/weights/step-100 --seconds 86400",
                "  mint tinker ttl tinker://RUN/weights/step-100 --clear"})
    int ttl(@Parameters(paramLabel = "TINKER_PATH") String tinkerPath,
            @ArgGroup(exclusive = true, multiplicity = "1") TtlChange change) {
        path(tinkerPath);
        if (change.seconds != null) {
            if (change.seconds <= 0) {
                throw CliException.usage("--seconds must be positive (use --clear to remove the expiry)");
            }
            rest(client -> client.setCheckpointTtlFromTinkerPath(tinkerPath, change.seconds).result());
            out().line("Set " + tinkerPath + " to expire in " + change.seconds + " seconds");
        } else {
            rest(client -> client.removeCheckpointTtlFromTinkerPath(tinkerPath).result());
            out().line("Cleared the expiry of " + tinkerPath);
        }
        return ExitCodes.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a checkpoint and its archive (owner only).")
    int delete(@Parameters(paramLabel = "TINKER_PATH") String tinkerPath,
               @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.") boolean yes) {
        path(tinkerPath);
        if (!Confirmation.confirm(context(), yes, "Delete checkpoint " + tinkerPath + " and its archive?")) {
            out().line("Not deleted");
            return ExitCodes.OK;
        }
        rest(client -> client.deleteCheckpointFromTinkerPath(tinkerPath).result());
        out().line("Deleted " + tinkerPath);
        return ExitCodes.OK;
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true,
            description = "List session ids (newest first; the service gives no total).")
    int sessions(@Mixin TinkerPaging paging,
                 @Mixin TinkerScope scope,
                 @Mixin JsonFlag json) {
        AccessScope access = scope.value();
        int limit = paging.limit(20);
        int offset = paging.offset();
        List<String> sessions = paging.all
                ? rest(client -> client.listAllSessions(limit, access).stream().toList())
                : rest(client -> client.listSessions(limit, offset, access).result().sessions());
        if (json.json) {
            out().json(sessions);
        } else {
            TinkerTables.ids(out(), "SESSION_ID", sessions);
            out().line(sessions.size() + " sessions");
        }
        return ExitCodes.OK;
    }

    @Command(name = "session", mixinStandardHelpOptions = true, description = "Show a session's training runs and samplers.")
    int session(@Parameters(paramLabel = "SESSION_ID") String sessionId,
                @Mixin TinkerScope scope,
                @Mixin JsonFlag json) {
        AccessScope access = scope.value();
        GetSessionResponse session = rest(client -> client.getSession(sessionId, access).result());
        if (json.json) {
            out().json(session);
        } else {
            TinkerTables.ids(out(), "TRAINING_RUN_ID", session.trainingRunIds());
            TinkerTables.ids(out(), "SAMPLER_ID", session.samplerIds());
        }
        return ExitCodes.OK;
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Checkpoint events of one UTC day, oldest first.",
                "Needs the tinker-admin plugin role or a platform admin."})
    int audit(@Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day (default: today, UTC).") String day,
              @Mixin JsonFlag json) {
        LocalDate date = day == null ? null : date(day);
        List<AuditLogEntry> entries = rest(client -> (date == null ? client.getAuditLog(AuditEventType.ALL)
                : client.getAuditLog(AuditEventType.ALL, date)).result().entries());
        if (json.json) {
            out().json(entries);
        } else {
            TinkerTables.audit(out(), entries);
            out().line(entries.size() + " events");
        }
        return ExitCodes.OK;
    }

    private static LocalDate date(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw CliException.usage("--day must be a date like 2026-05-01, not '" + day + "'");
        }
    }
}
