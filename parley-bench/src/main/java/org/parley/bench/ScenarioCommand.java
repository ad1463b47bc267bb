package org.parley.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every load scenario shares: target options, warm-up and measured runs, server and
 * generator sampling, the table on stdout and the JSON file.
 */
abstract class ScenarioCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Option(names = "--server-pid", description = "PID of the server process, for CPU and RSS from /proc")
    Long serverPid;

    @Option(names = "--target-name", defaultValue = "unknown", description = "server name for the report")
    String targetName;

    @Option(names = "--target-version", defaultValue = "", description = "server version for the report")
    String targetVersion;

    @Option(names = "--json", description = "write the result to this JSON file")
    Path json;

    @Option(names = "--warmup", defaultValue = "0", description = "runs done first and discarded")
    int warmup;

    @Option(names = "--runs", defaultValue = "1", description = "measured runs; the report gives their medians")
    int runs;

    @Option(names = "--settle", defaultValue = "2", description = "seconds to let the server settle before sampling")
    double settleSeconds;

    @Option(names = "--settle-quiet", defaultValue = "5", description = "after --settle, wait until the server used"
            + " less than this percentage of one core over a second (with --server-pid)")
    double settleQuietPct;

    @Option(names = "--settle-max", defaultValue = "60", description = "seconds --settle-quiet waits at most")
    double settleMaxSeconds;

    @Option(names = "--restart-command", description = "shell command run before every run (warm-up included) to start"
            + " a fresh server, so memory figures do not reuse the previous run's freed memory")
    String restartCommand;

    @Option(names = "--server-pid-file", description = "file holding the server PID, read after each restart")
    Path serverPidFile;

    /** One run of the scenario with a fresh set of sessions. */
    abstract Measurement measure(ClientEngine engine) throws Exception;

    @Override
    public Integer call() throws Exception {
        String started = Instant.now().toString();
        try (ClientEngine engine = new ClientEngine(target.threads, target.tlsProvider)) {
            for (int i = 0; i < warmup; i++) {
                System.err.printf("%s: warm-up run %d of %d%n", spec.name(), i + 1, warmup);
                restartServer();
                measure(engine);
            }
            List<Measurement> measured = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                System.err.printf("%s: run %d of %d%n", spec.name(), i + 1, runs);
                restartServer();
                measured.add(measure(engine));
            }
            BenchResult result = BenchResult.of(spec.name(), targetName, targetVersion,
                    Runtime.getRuntime().availableProcessors(), engine.description(), started, parameters(), measured);
            System.out.print(Tables.result(result));
            if (json != null) {
                new ResultFile().write(result, json);
                System.err.println("wrote " + json);
            }
        }
        return 0;
    }

    /** Every option of this command as given or defaulted, so the JSON says exactly what ran. */
    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            Object v = o.getValue();
            p.put(o.longestName().replaceFirst("^--", ""), v == null ? null : v.toString());
        }
        return p;
    }

    private void restartServer() throws Exception {
        if (restartCommand != null) {
            Process p = new ProcessBuilder("sh", "-c", restartCommand).inheritIO().start();
            if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                throw new IllegalStateException("restart command failed: " + restartCommand);
            }
        }
        if (serverPidFile != null) {
            serverPid = Long.parseLong(java.nio.file.Files.readString(serverPidFile).trim());
        }
    }

    ProcessSample server() {
        return serverPid == null ? null : ProcessSample.of(serverPid);
    }

    /**
     * Waits before a measured window: the fixed --settle, then, when the server's PID is known,
     * until the server is quiet. Work the set-up left behind (sign-ins queue JIT compiles that a
     * single compiler thread on the server's one core finishes seconds later; collections; a
     * database flush) otherwise lands in the window and is charged to the messages measured in
     * it. Every server gets the same rule. Returns the seconds waited in all.
     */
    double settle() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep((long) (settleSeconds * 1000));
        if (serverPid != null && settleQuietPct > 0) {
            double pct;
            do {
                ProcessSample before = server();
                Thread.sleep(1000);
                ProcessSample after = server();
                pct = 100 * after.cpuMsSince(before) / 1000 / after.wallSecondsSince(before);
            } while (pct >= settleQuietPct && (System.nanoTime() - start) / 1e9 < settleSeconds + settleMaxSeconds);
            if (pct >= settleQuietPct) {
                System.err.printf("%s: the server still used %.1f %% of a core after %.0f s of settling%n",
                        spec.name(), pct, (System.nanoTime() - start) / 1e9);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static void putFailures(Map<String, Long> into, Map<String, Long> from) {
        from.forEach((k, v) -> into.merge(k, v, Long::sum));
    }
}
