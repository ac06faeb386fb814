package dev.mint.client.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code User-Agent} values naming the client, its version and the Java runtime. */
public final class UserAgent {
    /** The version of these client libraries, stamped at build time. */
    public static final String CLIENT_VERSION = loadVersion();

    private UserAgent() {
    }

    /** E.g. {@code mint-java/0.1.0 (MintClient; Java 17.0.12; Linux)}. */
    public static String of(String clientName) {
        return "mint-java/" + CLIENT_VERSION + " (" + clientName + "; Java " + Runtime.version() + "; "
                + System.getProperty("os.name", "unknown") + ")";
    }

    private static String loadVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
