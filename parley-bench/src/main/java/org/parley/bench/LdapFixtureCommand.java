package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code directory ldap}: runs the bench directory ({@link LdapFixture}) in its own process until
 * stopped, so that it does not share a process with the generator and Parley's figures stay
 * Parley's. Prints the {@code --set} arguments that point Parley at it.
 */
@Command(name = "ldap", mixinStandardHelpOptions = true,
        description = "run an in-memory LDAP directory of N generated users on 127.0.0.1 until stopped")
final class LdapFixtureCommand implements Callable<Integer> {

    @Option(names = "--ldap-port", defaultValue = "13389", description = "port on 127.0.0.1 (0: any free port)")
    int port;

    @Option(names = {"-n", "--count"}, defaultValue = "50000", description = "users to generate")
    int users;

    @Option(names = "--users", defaultValue = "user%d", description = "sAMAccountName pattern, printf style")
    String pattern;

    @Option(names = "--first-user", defaultValue = "1", description = "index of the first user")
    int first;

    @Option(names = "--password", defaultValue = "secret", description = "password of every user")
    String password;

    @Option(names = "--port-file", description = "write the listening port here once ready")
    Path portFile;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        LdapFixture fixture = LdapFixture.start(LdapFixture.Settings.defaults(port, users,
                new Accounts(pattern, first, password)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fixture.close();
            stopped.countDown();
        }));
        System.out.printf("directory of %d users on ldap://127.0.0.1:%d (loaded in %.1f s, pid %d)%n", users,
                fixture.port(), (System.nanoTime() - t0) / 1e9, ProcessHandle.current().pid());
        System.out.println("parley: " + String.join(" ", fixture.parleySettings(true).stream()
                .map(s -> "--set " + s).toList()));
        System.out.flush();
        if (portFile != null) {
            Files.writeString(portFile, Integer.toString(fixture.port()));
        }
        stopped.await();
        return 0;
    }
}
