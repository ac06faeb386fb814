package dev.mint.cli;

import dev.mint.tinker.client.TransferProgress;
import java.io.PrintWriter;

/**
 * Shows how far an archive download or upload has got, on standard error so that standard output stays the
 * command's answer. On a terminal it redraws one bar line in place; otherwise it writes a plain line at each
 * quarter (logs and CI capture every byte written, so no carriage returns there); with {@code --json} it stays
 * silent. Called on the transfer's thread.
 */
final class TransferMeter implements TransferProgress {
    enum Style { BAR, LINES, NONE }

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final Style style;
    private final String verb;
    private long lastDraw;
    private int lastPercent = -1;
    private int lastQuarter;
    private boolean drawn;

    TransferMeter(PrintWriter err, Style style, String verb) {
        this.err = err;
        this.style = style;
        this.verb = verb;
    }

    /** The style for a command: silent for scripts reading JSON, a bar for people at a terminal, lines otherwise. */
    static Style styleFor(CliContext context, boolean json) {
        return json ? Style.NONE : context.interactive() ? Style.BAR : Style.LINES;
    }

    @Override
    public synchronized void onProgress(long transferred, long total) {
        switch (style) {
            case BAR -> drawBar(transferred, total);
            case LINES -> writeQuarter(transferred, total);
            case NONE -> { }
        }
    }

    /** Ends the bar's line; call once the transfer is over, whether it worked or not. */
    synchronized void finish() {
        if (drawn && style == Style.BAR) {
            err.println();
            drawn = false;
        }
    }

    private void drawBar(long transferred, long total) {
        int percent = percent(transferred, total);
        long now = System.nanoTime();
        // Redraw when the figure changes, and at most ten times a second when the size is unknown.
        if (percent == lastPercent && (total >= 0 || now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastPercent = percent;
        lastDraw = now;
        err.print("\r" + bar(verb, transferred, total));
        err.flush();
        drawn = true;
    }

    private void writeQuarter(long transferred, long total) {
        if (total <= 0) {
            return;
        }
        int quarter = percent(transferred, total) / 25;
        if (quarter > lastQuarter) {
            lastQuarter = quarter;
            err.println(verb + " " + quarter * 25 + "% (" + Output.bytes(transferred) + " of " + Output.bytes(total) + ")");
            err.flush();
        }
    }

    /** One bar line: {@code Downloading [#######.......]  45%  12.0 MiB of 26.7 MiB}; without a size, only the bytes. */
    static String bar(String verb, long transferred, long total) {
        if (total < 0) {
            return verb + " " + Output.bytes(transferred);
        }
        int percent = percent(transferred, total);
        int filled = percent * BAR_WIDTH / 100;
        return String.format("%s [%s%s] %3d%%  %s of %s", verb, "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), percent,
                Output.bytes(transferred), Output.bytes(total));
    }

    private static int percent(long transferred, long total) {
        if (total <= 0) {
            return total == 0 ? 100 : 0;
        }
        return (int) Math.min(100, transferred * 100 / total);
    }
}
