package dev.mint.cli;

import dev.mint.tinker.client.model.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mint tinker upload}: a file as the archive of an existing checkpoint (one a training client saved), named
 * by its tinker path like every other checkpoint command.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload FILE as the archive of a saved checkpoint (owner only), showing progress on standard error.",
            "It replaces any earlier archive once the whole file has arrived intact.",
            "  mint tinker upload tinker://RUN/weights/step-100 step-100.tar"})
final class TinkerUploadCommand implements Callable<Integer> {
    @ParentCommand
    TinkerCommand group;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "TINKER_PATH")
    String tinkerPath;
    @Parameters(index = "1", paramLabel = "FILE")
    Path file;
    @Mixin
    JsonFlag json;

    @Override
    public Integer call() {
        TinkerCommand.path(tinkerPath);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliException(ExitCodes.FAILURE, "Cannot read " + file + ": not a readable file");
        }
        Checkpoint uploaded = group.transfer("Uploading", json.json,
                (client, progress) -> client.uploadCheckpointArchive(tinkerPath, file, progress).result());
        Output out = new Output(spec.commandLine().getOut());
        if (json.json) {
            out.json(uploaded);
        } else {
            out.line("Uploaded " + file + " to " + uploaded.tinkerPath()
                    + uploaded.sizeBytes().map(size -> " (" + Output.bytes(size) + ")").orElse(""));
        }
        return ExitCodes.OK;
    }
}
