package dev.mint.tinker.client;

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
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server whose answers are scripted one exchange at a time, for behaviours a canned body cannot
 * show: connections dropped mid-body, ranges, redirects. It stands in for the upstream service and the storage
 * behind signed URLs; it records every request.
 */
final class ScriptedServer implements AutoCloseable {
    /** Answers one exchange. */
    @FunctionalInterface
    interface Script {
        void answer(HttpExchange exchange) throws IOException;
    }

    record Request(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final List<Request> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The same server under another origin (a different host name), as a storage host would be. */
    String otherOriginUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    synchronized ScriptedServer then(Script script) {
        scripts.add(script);
        return this;
    }

    ScriptedServer then(int status, Map<String, String> headers, byte[] body) {
        return then(exchange -> send(exchange, status, headers, body));
    }

    ScriptedServer thenJson(int status, String json) {
        return then(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Announces {@code announced} bytes, sends only {@code body}, then drops the connection. */
    static void sendTruncated(HttpExchange exchange, int status, Map<String, String> headers, long announced, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, announced);
        exchange.getResponseBody().write(body);
        exchange.getResponseBody().flush();
        exchange.close(); // fewer bytes than announced: the server closes the connection
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Script script;
        synchronized (this) {
            script = scripts.poll();
        }
        if (script == null) {
            send(exchange, 500, Map.of("Content-Type", "application/json"),
                    "{\"detail\": \"no response scripted\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        script.answer(exchange);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
