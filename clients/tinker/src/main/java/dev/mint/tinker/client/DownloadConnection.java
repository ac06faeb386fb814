package dev.mint.tinker.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;

/**
 * One GET of an archive URL over {@link HttpURLConnection}, set up like the client's {@link HttpClient} (its
 * proxy selector, TLS context, authenticator and connect timeout; redirects left to the caller). The read
 * timeout is the client's request timeout, applied to each read. The JDK's
 * {@code HttpClient} hands a body over in 16 KiB buffers ({@code jdk.httpclient.bufsize}), which held a
 * loopback download to about 400 MiB/s; this stream reads as much as the socket holds, several times faster.
 */
record DownloadConnection(int status, HttpHeaders headers, InputStream body, URI uri) {

    static DownloadConnection get(HttpClient client, URI uri, Map<String, String> headers, Duration readTimeout)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(proxyFor(client, uri));
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(client.sslContext().getSocketFactory());
        }
        client.authenticator().ifPresent(connection::setAuthenticator);
        // Without a connect timeout of its own the client's request timeout bounds the connect too: never forever.
        connection.setConnectTimeout(millis(client.connectTimeout().orElse(readTimeout)));
        connection.setReadTimeout(millis(readTimeout));
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        headers.forEach(connection::setRequestProperty);
        int status = connection.getResponseCode();
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        return new DownloadConnection(status, headersOf(connection), body == null ? InputStream.nullInputStream() : body, uri);
    }

    /** The client's proxy for this URL; a client without a selector goes direct, as {@code HttpClient} does. */
    private static Proxy proxyFor(HttpClient client, URI uri) {
        return client.proxy().map(selector -> selector.select(uri)).filter(list -> !list.isEmpty())
                .map(list -> list.get(0)).orElse(Proxy.NO_PROXY);
    }

    private static HttpHeaders headersOf(HttpURLConnection connection) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) {
                fields.put(name, values);
            }
        });
        return HttpHeaders.of(fields, (name, value) -> true);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
