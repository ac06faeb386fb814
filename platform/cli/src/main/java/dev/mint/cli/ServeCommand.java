package dev.mint.cli;

import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mint serve}: runs the platform in the foreground until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the MINT platform server.",
            "Flags override MINT_HOST, MINT_PORT, MINT_DATA_DIR and MINT_DATABASE_URL; other settings come from",
            "MINT_JWT_SECRET, MINT_JWT_TTL_MINUTES, MINT_ADMIN_PASSWORD, MINT_MAX_BODY_BYTES,",
            "MINT_LOGIN_RATE_LIMIT, MINT_EXPERIMENT_VISIBILITY and MINT_PLUGINS_DIR (see docs/operations.md)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", description = "Address to bind (default 127.0.0.1; 0.0.0.0 for all).")
    String host;

    @Option(names = {"--port", "-p"}, description = "Port to listen on (default 8001).")
    Integer port;

    @Option(names = "--data-dir", description = "Directory for the SQLite file and the JWT secret (default ~/.local/share/mint).")
    Path dataDir;

    @Option(names = "--database-url", description = "JDBC URL; jdbc:postgresql://... selects PostgreSQL (default: SQLite in the data directory).")
    String databaseUrl;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig.Builder builder = ServerConfig.fromEnvironment(System.getenv());
        if (host != null) {
            builder.host(host);
        }
        if (port != null) {
            builder.port(port);
        }
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        if (databaseUrl != null) {
            builder.databaseUrl(databaseUrl);
        }
        MintServer server = MintServer.start(builder.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mint-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
