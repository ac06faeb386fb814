package dev.mint.tinker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

/**
 * A response body as a channel. Jetty's servlet output takes a {@link ByteBuffer} as it is, so a direct buffer
 * read from a file goes to the socket without passing through the heap; any other stream gets the JDK's
 * adapter, which copies through small heap arrays.
 */
final class ResponseChannel {
    private ResponseChannel() {
    }

    static WritableByteChannel of(OutputStream out) {
        if (!(out instanceof HttpOutput jetty)) {
            return Channels.newChannel(out);
        }
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer buffer) throws IOException {
                int length = buffer.remaining();
                jetty.write(buffer);
                buffer.position(buffer.limit());
                return length;
            }

            @Override
            public boolean isOpen() {
                return !jetty.isClosed();
            }

            @Override
            public void close() throws IOException {
                jetty.close();
            }
        };
    }
}
