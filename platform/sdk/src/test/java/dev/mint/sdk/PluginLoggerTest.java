package dev.mint.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class PluginLoggerTest {
    @Test
    void linesCarryPluginNameAndRequestId() {
        Logger logback = (Logger) LoggerFactory.getLogger("mint.plugin.hello-mint");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logback.addAppender(appender);
        try {
            PluginLogger log = PluginLogger.get("hello-mint");
            MDC.put(PluginLogger.REQUEST_ID, "req-7");
            assertThat(PluginLogger.currentRequestId()).contains("req-7");
            log.info("saved {} wells", 96);
            MDC.remove(PluginLogger.REQUEST_ID);
            log.error("failed", new IllegalStateException("boom"));

            assertThat(appender.list).hasSize(2);
            ILoggingEvent first = appender.list.get(0);
            assertThat(first.getFormattedMessage()).isEqualTo("saved 96 wells");
            assertThat(first.getMDCPropertyMap()).containsEntry("plugin_name", "hello-mint").containsEntry("request_id", "req-7");
            assertThat(appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("boom");
            assertThat(appender.list.get(1).getMDCPropertyMap()).doesNotContainKey("request_id");
            assertThat(MDC.get(PluginLogger.PLUGIN_NAME)).isNull();
        } finally {
            logback.detachAppender(appender);
        }
    }
}
