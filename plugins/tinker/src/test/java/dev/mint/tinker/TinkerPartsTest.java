package dev.mint.tinker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The small parts whose edge cases are cheaper to pin down directly than over HTTP. */
class TinkerPartsTest {

    static int status(Runnable call) {
        try {
            call.run();
        } catch (TinkerError e) {
            return e.status();
        }
        throw new AssertionError("no error");
    }

    @Test
    void tinkerPathsParseAsTheSdkParsesThemButStricter() {
        CheckpointRef ref = CheckpointRef.parse("tinker://s:train:0/sampler_weights/final");
        assertThat(ref.runId()).isEqualTo("s:train:0");
        assertThat(ref.kind()).isEqualTo(CheckpointKind.SAMPLER);
        assertThat(ref.checkpointId()).isEqualTo("sampler_weights/final");
        assertThat(ref.tinkerPath()).isEqualTo("tinker://s:train:0/sampler_weights/final");
        for (String bad : new String[] {null, "", "s3://a/weights/b", "tinker://a/weights", "tinker://a/weights/b/c",
                "tinker:///weights/b", "tinker://a/weights/", "tinker://a/state/b", "tinker://a/weights/b\n"}) {
            assertThat(status(() -> CheckpointRef.parse(bad))).as(String.valueOf(bad)).isEqualTo(400);
        }
        assertThat(status(() -> CheckpointRef.checkName("x".repeat(201)))).isEqualTo(400);
    }

    @Test
    void rangesFollowRfc9110ForOneRange() {
        assertThat(ByteRange.of(null, 100)).isEqualTo(new ByteRange(0, 100, false));
        assertThat(ByteRange.of("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 10, true));
        assertThat(ByteRange.of("bytes=90-200", 100)).isEqualTo(new ByteRange(90, 10, true));
        assertThat(ByteRange.of("bytes=95-", 100)).isEqualTo(new ByteRange(95, 5, true));
        assertThat(ByteRange.of("bytes=-300", 100)).isEqualTo(new ByteRange(0, 100, true));
        assertThat(ByteRange.of("bytes=0-1,5-6", 100).partial()).isFalse();
        assertThat(ByteRange.of("items=0-1", 100).partial()).isFalse();
        assertThat(ByteRange.of("bytes=x-y", 100).partial()).isFalse();
        assertThat(ByteRange.of("bytes=10-19", 100).contentRange(100)).isEqualTo("bytes 10-19/100");
        assertThat(status(() -> ByteRange.of("bytes=100-", 100))).isEqualTo(416);
        assertThat(status(() -> ByteRange.of("bytes=9-3", 100))).isEqualTo(416);
        assertThat(status(() -> ByteRange.of("bytes=-0", 100))).isEqualTo(416);
    }

    @Test
    void signaturesCoverThePathAndTheExpiry() {
        UrlSigner signer = new UrlSigner("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        String signature = signer.sign("/a/b", expires);
        Instant before = expires.minusSeconds(1);

        assertThat(signer.verify("/a/b", expires.getEpochSecond(), signature, before)).isTrue();
        assertThat(signer.verify("/a/c", expires.getEpochSecond(), signature, before)).isFalse();
        assertThat(signer.verify("/a/b", expires.getEpochSecond() + 1, signature, before)).isFalse();
        assertThat(signer.verify("/a/b", expires.getEpochSecond(), signature, expires)).isFalse();
        assertThat(signer.verify("/a/b", expires.getEpochSecond(), signature.toUpperCase(), before)).isFalse();
        assertThat(signer.verify("/a/b", expires.getEpochSecond(), null, before)).isFalse();
        assertThat(new UrlSigner("j".repeat(32).getBytes(StandardCharsets.UTF_8))
                .verify("/a/b", expires.getEpochSecond(), signature, before)).isFalse();
        assertThatThrownBy(() -> new UrlSigner(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagingRefusesWhatItCannotServe() {
        assertThat(Paging.fromQuery(null, null, 20)).isEqualTo(new Paging(20, 0));
        assertThat(Paging.fromQuery("1000", "5", 20)).isEqualTo(new Paging(1000, 5));
        for (String[] bad : new String[][] {{"1001", "0"}, {"0", "0"}, {"-5", "0"}, {"5", "-1"}, {"1e3", "0"},
                {"99999999999999999999", "0"}, {"5", "99999999999999999999x"}}) {
            assertThat(status(() -> Paging.fromQuery(bad[0], bad[1], 20))).as(String.join(",", bad)).isEqualTo(400);
        }
        assertThat(status(() -> AccessScope.fromQuery("all"))).isEqualTo(400);
        assertThat(AccessScope.fromQuery(null)).isEqualTo(AccessScope.OWNED);
    }
}
