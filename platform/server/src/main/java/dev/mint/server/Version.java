package dev.mint.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The platform version, stamped into {@code version.properties} at build time. */
public final class Version {
    public static final String CURRENT = load();

    private Version() {
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
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
