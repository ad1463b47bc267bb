package org.parley.server.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.server.ParleyServer;
import org.parley.server.config.ParleyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code parley serve}: runs the node in the foreground. Ctrl-C and SIGTERM run the JVM's
 * shutdown hooks; ours closes the server, which ends sessions with system-shutdown.
 */
@Command(name = "serve", description = "Run the server in the foreground (stop with Ctrl-C or SIGTERM)")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        ParleyConfig config = options.load();
        ParleyServer server = new ParleyServer(config);
        try {
            server.start();
        } catch (RuntimeException e) {
            // A port in use, an unreadable certificate, a database that refuses us: say what, not where.
            server.close();
            throw new CliFailure("cannot start: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "parley-shutdown"));
        // The server runs on its own threads; this thread only keeps the command alive until shutdown.
        stopped.await();
        return 0;
    }
}
