package dev.mint.cli;

import dev.mint.tinker.client.TinkerPath;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mint tinker download}: a checkpoint's archive into a file, through its signed URL. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download a checkpoint's archive, showing progress on standard error.",
            "The file is written whole or not at all (a broken connection resumes).",
            "  mint tinker download tinker://RUN/weights/step-100           writes ./step-100.tar",
            "  mint tinker download tinker://RUN/weights/step-100 -o ckpt/  writes ckpt/step-100.tar"})
final class TinkerDownloadCommand implements Callable<Integer> {
    @ParentCommand
    TinkerCommand group;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "TINKER_PATH")
    String tinkerPath;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = "Where to write it (default: <name>.tar here); a directory gets <name>.tar inside.")
    Path output;
    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;
    @Mixin
    JsonFlag json;

    @Override
    public Integer call() {
        TinkerPath checkpoint = TinkerCommand.path(tinkerPath);
        Path target = target(checkpoint);
        if (Files.exists(target) && !force) {
            throw new CliException(ExitCodes.CONFLICT, target + " exists: pass --force to replace it");
        }
        Path written = group.transfer("Downloading", json.json,
                (client, progress) -> client.downloadCheckpointArchive(tinkerPath, target, progress).result());
        long size = size(written);
        Output out = new Output(spec.commandLine().getOut());
        if (json.json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("tinker_path", tinkerPath);
            answer.put("path", written.toString());
            answer.put("size_bytes", size);
            out.json(answer);
        } else {
            out.line("Downloaded " + tinkerPath + " to " + written + " (" + Output.bytes(size) + ")");
        }
        return ExitCodes.OK;
    }

    /** {@code -o} as given, inside it when it is a directory (or ends with a separator), else {@code <name>.tar} here. */
    private Path target(TinkerPath checkpoint) {
        String fileName = checkpoint.name() + ".tar";
        if (output == null) {
            return Path.of(fileName).toAbsolutePath();
        }
        String given = spec.findOption("--output").originalStringValues().stream().reduce((a, b) -> b).orElse("");
        boolean directory = Files.isDirectory(output) || given.endsWith("/") || given.endsWith(File.separator);
        return (directory ? output.resolve(fileName) : output).toAbsolutePath();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
