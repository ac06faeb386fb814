package dev.mint.cli;

import picocli.CommandLine.Option;

/** {@code --limit}, {@code --offset} and {@code --all} of the {@code mint tinker} lists; each list has its own default page. */
final class TinkerPaging {
    @Option(names = "--limit", paramLabel = "N", description = "How many to show (1 to 1000); with --all, the page size.")
    Integer limit;
    @Option(names = "--offset", paramLabel = "N", description = "How many to skip.")
    Integer offset;
    @Option(names = "--all", description = "Fetch every page.")
    boolean all;

    /** Whether any paging flag was given. */
    boolean given() {
        return limit != null || offset != null || all;
    }

    /** The limit, or the list's default; checked here so a bad value never costs a request. */
    int limit(int defaultLimit) {
        int value = limit != null ? limit : defaultLimit;
        if (value < 1 || value > 1000) {
            throw CliException.usage("--limit must be between 1 and 1000");
        }
        return value;
    }

    int offset() {
        if (offset != null && offset < 0) {
            throw CliException.usage("--offset must not be negative");
        }
        if (offset != null && all) {
            throw CliException.usage("--all starts at the beginning: drop --offset");
        }
        return offset == null ? 0 : offset;
    }
}
