package dev.mint.minima;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mint.minima.engine.Difficulty;
import dev.mint.minima.engine.TaskType;
import dev.mint.sdk.PluginDatabase;
import dev.mint.sdk.migrations.Dialect;
import dev.mint.server.test.TestPlatform;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The decision log's writer against the platform's real database (Minima's tables, made by its migrations). */
class DecisionLogTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();

    private static MinimaStore store() {
        var database = platform.server().database();
        boolean sqlite = database.dialect() == Dialect.SQLITE;
        return new MinimaStore(new PluginDatabase() {
            @Override
            public Jdbi jdbi() {
                return database.jdbi();
            }

            @Override
            public Dialect dialect() {
                return database.dialect();
            }

            @Override
            public String tablePrefix() {
                return sqlite ? "minima__" : "minima."; // Minima's tables on shared SQLite, its schema on PostgreSQL
            }
        });
    }

    private static MinimaStore.Decision decision(String id, String model) {
        return new MinimaStore.Decision(id, 1, "log-test", null, TaskType.QA, Difficulty.EASY, new float[384], List.of(),
                model, "{}", 0.5, "argmin", 0.001, 0.01, null, null, 1_700_000_000L);
    }

    @Test
    void aDecisionTheDatabaseRefusesIsDroppedWithoutHoldingUpTheOthers() {
        MinimaStore store = store();
        try (DecisionLog log = new DecisionLog(store)) {
            log.append(decision("log-a", "gpt-4o-mini"));
            log.append(decision("log-a", "claude-sonnet-4-6")); // the same id again: refused by the primary key
            log.append(decision("log-c", "gpt-4o-mini"));

            assertThat(log.find(1, "log-c")).as("written after the refused one").isPresent();
            assertThat(log.find(1, "log-a")).get().extracting(MinimaStore.Decision::recommendedModel).isEqualTo("gpt-4o-mini");
        }
    }

    @Test
    void closingWritesWhatIsQueued() {
        MinimaStore store = store();
        DecisionLog log = new DecisionLog(store);
        for (int i = 0; i < 200; i++) {
            log.append(decision("queued-" + i, "gpt-4o-mini"));
        }
        log.close();
        assertThat(store.decision(1, "queued-199")).isPresent();
        assertThat(store.decisions(1, "log-test", 0)).hasSizeGreaterThanOrEqualTo(200);
    }
}
