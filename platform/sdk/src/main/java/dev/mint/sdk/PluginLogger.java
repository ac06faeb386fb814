package dev.mint.sdk;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A logger for plugin code that tags every line with {@code plugin_name} and, inside a request, the
 * platform's {@code request_id} (both as SLF4J MDC entries, so any log pattern or JSON encoder can show
 * them). Messages use SLF4J's {@code {}} placeholders. Thread-safe.
 */
public final class PluginLogger {
    /** MDC key of the request id, set by the platform (and the standalone app) for every request. */
    public static final String REQUEST_ID = "request_id";
    public static final String PLUGIN_NAME = "plugin_name";

    private final Logger logger;
    private final String pluginName;

    private PluginLogger(Logger logger, String pluginName) {
        this.logger = logger;
        this.pluginName = pluginName;
    }

    /** A logger named {@code mint.plugin.<pluginName>}. */
    public static PluginLogger get(String pluginName) {
        Objects.requireNonNull(pluginName, "pluginName == null");
        return new PluginLogger(LoggerFactory.getLogger("mint.plugin." + pluginName), pluginName);
    }

    /** The id of the request being handled on this thread, if any. */
    public static Optional<String> currentRequestId() {
        return Optional.ofNullable(MDC.get(REQUEST_ID));
    }

    public void debug(String message, Object... args) {
        if (logger.isDebugEnabled()) {
            tagged(() -> logger.debug(message, args));
        }
    }

    public void info(String message, Object... args) {
        if (logger.isInfoEnabled()) {
            tagged(() -> logger.info(message, args));
        }
    }

    public void warn(String message, Object... args) {
        if (logger.isWarnEnabled()) {
            tagged(() -> logger.warn(message, args));
        }
    }

    /** A trailing {@link Throwable} argument is logged with its stack trace. */
    public void error(String message, Object... args) {
        tagged(() -> logger.error(message, args));
    }

    private void tagged(Runnable log) {
        String previous = MDC.get(PLUGIN_NAME);
        MDC.put(PLUGIN_NAME, pluginName);
        try {
            log.run();
        } finally {
            if (previous == null) {
                MDC.remove(PLUGIN_NAME);
            } else {
                MDC.put(PLUGIN_NAME, previous);
            }
        }
    }
}
