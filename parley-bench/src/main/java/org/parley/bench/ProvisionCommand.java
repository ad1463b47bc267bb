package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Creates the bench accounts, through the target's own tool (a command template run once per
 * user), by XEP-0077 in-band registration where the target allows it, or (Parley) through its
 * admin REST API with a few requests in flight. Existing accounts are fine.
 */
@Command(name = "provision", mixinStandardHelpOptions = true, description = "create the bench accounts")
final class ProvisionCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = {"-n", "--count"}, defaultValue = "1000", description = "accounts to create")
    int count;

    @Option(names = "--method", defaultValue = "inband", description = "inband | prosodyctl | ejabberdctl | parley | api | command")
    String method;

    @Option(names = "--api-data-dir", description = "for --method api: Parley's data directory (admin-api, admin-token)")
    java.nio.file.Path apiDataDir;

    @Option(names = "--api-in-flight", defaultValue = "4", description = "for --method api: requests at once; the server"
            + " hashes each password on its bounded blocking pool, so more only queue there (in-band registration"
            + " of 10,000 accounts at 60/s on a busy box overran that pool and failed most of them)")
    int apiInFlight;

    @Option(names = "--command", description = "for --method command: template with {user} {domain} {password}")
    String command;

    @Option(names = "--prosody-config", description = "prosody.cfg.lua for --method prosodyctl")
    String prosodyConfig;

    @Option(names = "--ejabberd-config-dir", description = "ejabberd config dir (holds ejabberdctl.cfg) for --method ejabberdctl")
    String ejabberdConfigDir;

    @Option(names = "--parley-command", defaultValue = "bin/parley user add {user}@{domain} --password {password}",
            description = "template used by --method parley (bin/parley's user command)")
    String parleyCommand;

    @Option(names = "--rate", defaultValue = "200", description = "in-band registrations started per second")
    double rate;

    @Override
    public Integer call() throws Exception {
        Accounts accounts = target.accounts();
        String template = switch (method) {
            case "inband", "api" -> null;
            case "prosodyctl" -> (prosodyConfig == null ? "prosodyctl" : "prosodyctl --config " + prosodyConfig)
                    + " register {user} {domain} {password}";
            case "ejabberdctl" -> (ejabberdConfigDir == null ? "ejabberdctl" : "ejabberdctl --config-dir " + ejabberdConfigDir)
                    + " register {user} {domain} {password}";
            case "parley" -> parleyCommand;
            case "command" -> {
                if (command == null) {
                    throw new IllegalArgumentException("--method command needs --command");
                }
                yield command;
            }
            default -> throw new IllegalArgumentException("unknown --method " + method);
        };
        Map<String, Long> failures = method.equals("api") ? byApi(accounts)
                : template == null ? inband(accounts) : byCommand(accounts, template);
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("provisioned %d of %d accounts (%s)%n", count - failed, count, method);
        failures.forEach((reason, n) -> System.out.printf("  %d × %s%n", n, reason));
        return failed == 0 ? 0 : 1;
    }

    private Map<String, Long> inband(Accounts accounts) throws Exception {
        Map<String, Long> failures = new TreeMap<>();
        try (ClientEngine engine = new ClientEngine(target.threads, target.tlsProvider)) {
            ClientConfig config = target.clientConfig(false);
            List<CompletableFuture<XmppClient>> all = new ArrayList<>();
            Pacer.run(rate, count, java.time.Duration.ofHours(1),
                    (i, t) -> all.add(engine.register(config, accounts.user((int) i), accounts.password())));
            for (CompletableFuture<XmppClient> f : all) {
                try {
                    f.get(config.signinTimeout().toSeconds() + 5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
                    failures.merge(String.valueOf(c.getMessage()), 1L, Long::sum);
                } catch (java.util.concurrent.TimeoutException e) {
                    failures.merge("timeout", 1L, Long::sum);
                }
            }
            Thread.sleep(1200); // let the polite stream closes go out before the event loops stop
        }
        return failures;
    }

    private Map<String, Long> byApi(Accounts accounts) throws Exception {
        if (apiDataDir == null) {
            throw new IllegalArgumentException("--method api needs --api-data-dir");
        }
        return AdminApi.fromDataDir(apiDataDir).createUsers(accounts, count, apiInFlight);
    }

    /** One process per user, like an administrator would: slow, but the target's own path. */
    private Map<String, Long> byCommand(Accounts accounts, String template) throws Exception {
        Map<String, Long> failures = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String cmd = template.replace("{user}", accounts.user(i)).replace("{domain}", target.domain)
                    .replace("{password}", accounts.password());
            Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroy();
                failures.merge("timeout", 1L, Long::sum);
            } else if (p.exitValue() != 0 && !out.toLowerCase(java.util.Locale.ROOT).contains("exist")) {
                failures.merge("exit " + p.exitValue() + ": " + out.strip(), 1L, Long::sum);
            }
        }
        return failures;
    }
}
