package dev.mint.tinker.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a real server that, once, closes a connection after it has passed
 * {@code cutAfter} bytes of an answer: the network failing in the middle of a download.
 */
final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long cutAfter;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicInteger connections = new AtomicInteger();

    CuttingProxy(int targetPort, long cutAfter) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.cutAfter = cutAfter;
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Whether a connection has been cut. */
    boolean cut() {
        return cut.get();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                connections.incrementAndGet();
                pump(client, server, Long.MAX_VALUE);
                pump(server, client, cutAfter);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Copies {@code from} to {@code to} on its own thread; past {@code limit} bytes, the first time, closes both. */
    private void pump(Socket from, Socket to, long limit) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            long passed = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    passed += n;
                    if (passed > limit && cut.compareAndSet(false, true)) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
