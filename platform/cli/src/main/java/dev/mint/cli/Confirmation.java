package dev.mint.cli;

/** Asks before destructive commands; without a console, only {@code --yes} lets them go ahead. */
final class Confirmation {
    private Confirmation() {
    }

    /** Returns whether to go ahead; throws when no one can be asked. */
    static boolean confirm(CliContext context, boolean yes, String question) {
        if (yes) {
            return true;
        }
        if (!context.interactive()) {
            throw CliException.usage(question + " Pass --yes to confirm (no terminal to ask)");
        }
        String answer = context.prompt(question + " [y/N]", "n");
        return answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
    }
}
