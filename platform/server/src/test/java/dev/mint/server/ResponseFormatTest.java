package dev.mint.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.server.test.TestPlatform;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResponseFormatTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();

    @Test
    void timestampsAreUtcWithExactlyThreeFractionDigits() {
        var created = platform.http().post("/api/experiments", platform.adminToken(), Map.of("name", "Times")).json();
        assertThat(created.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(created.get("updated_at").asText()).isEqualTo(created.get("created_at").asText());
    }

    @Test
    void largeJsonIsGzippedForClientsThatAskAndPlainForOthers() throws Exception {
        for (int i = 0; i < 10; i++) {
            platform.http().post("/api/experiments", platform.adminToken(), Map.of("name", "Compressible " + i));
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/experiments"))
                .header("Authorization", "Bearer " + platform.adminToken());
        HttpResponse<byte[]> gzipped = client.send(request.copy().header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unzipped).startsWith("{\"experiments\":[").contains("Compressible 9");

        HttpResponse<String> plain = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(unzipped);
    }
}
