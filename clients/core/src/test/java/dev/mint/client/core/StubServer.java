package dev.mint.client.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A loopback HTTP server that answers queued canned responses, in order, and records what it received.
 * It stands in for third-party servers (proxies, other implementations) whose error shapes and retry
 * signals the transport must handle.
 */
public final class StubServer implements AutoCloseable {
    public record Canned(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Deque<Canned> responses = new ArrayDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubServer enqueue(int status, String body) {
        return enqueue(status, Map.of("Content-Type", "application/json"), body);
    }

    public synchronized StubServer enqueue(int status, Map<String, String> headers, String body) {
        responses.add(new Canned(status, headers, body, 0));
        return this;
    }

    public synchronized StubServer enqueueSlow(long delayMillis) {
        responses.add(new Canned(200, Map.of(), "{}", delayMillis));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Canned canned;
        synchronized (this) {
            canned = responses.isEmpty() ? new Canned(500, Map.of(), "{\"error\": \"NO_RESPONSE_QUEUED\"}", 0) : responses.poll();
        }
        if (canned.delayMillis() > 0) {
            try {
                Thread.sleep(canned.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        canned.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
