package dev.mint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TransferMeterTest {
    private final StringWriter err = new StringWriter();

    private TransferMeter meter(TransferMeter.Style style) {
        return new TransferMeter(new PrintWriter(err, true), style, "Downloading");
    }

    @Test
    void barShowsShareAndBytes() {
        assertThat(TransferMeter.bar("Downloading", 512, 1024))
                .isEqualTo("Downloading [###############...............]  50%  512 B of 1.0 KiB");
        assertThat(TransferMeter.bar("Uploading", 3L << 20, 3L << 20)).contains("[" + "#".repeat(30) + "] 100%  3.0 MiB of 3.0 MiB");
        assertThat(TransferMeter.bar("Downloading", 2048, -1)).isEqualTo("Downloading 2.0 KiB");
    }

    @Test
    void barRedrawsInPlaceAndEndsItsLine() {
        TransferMeter meter = meter(TransferMeter.Style.BAR);
        meter.onProgress(0, 100);
        meter.onProgress(0, 100);   // same figure: not drawn again
        meter.onProgress(100, 100);
        meter.finish();
        assertThat(err.toString()).startsWith("\rDownloading [").contains("\rDownloading [###").endsWith("100%  100 B of 100 B\n")
                .containsOnlyOnce("  0%");
    }

    @Test
    void linesAtEachQuarterOnly() {
        TransferMeter meter = meter(TransferMeter.Style.LINES);
        for (long done = 0; done <= 1000; done += 10) {
            meter.onProgress(done, 1000);
        }
        meter.finish();
        assertThat(err.toString()).isEqualTo("""
                Downloading 25% (250 B of 1000 B)
                Downloading 50% (500 B of 1000 B)
                Downloading 75% (750 B of 1000 B)
                Downloading 100% (1000 B of 1000 B)
                """);
    }

    @Test
    void silentForScripts() {
        TransferMeter meter = meter(TransferMeter.Style.NONE);
        meter.onProgress(5, 10);
        meter.onProgress(10, 10);
        meter.finish();
        assertThat(err.toString()).isEmpty();
    }
}
