package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system, all threads) and resident set size of one process at one instant,
 * read from /proc/PID/stat and /proc/PID/status. Deltas of two samples give a run's cost.
 */
public record ProcessSample(long cpuNanos, long rssKb, long atNanos) {

    /** USER_HZ: the kernel reports stat times in these ticks; 100 on every Linux we target. */
    static final long TICKS_PER_SECOND = 100;

    public static ProcessSample of(long pid) {
        try {
            return new ProcessSample(cpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))),
                    rssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status"))), System.nanoTime());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + " (is the server PID right?)", e);
        }
    }

    /** The generator's own process, to show it is not the bottleneck. */
    public static ProcessSample self() {
        return of(ProcessHandle.current().pid());
    }

    /** utime and stime are fields 14 and 15; counted after the ")" because the command name may hold spaces. */
    static long cpuNanos(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3].
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    static long rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    public double cpuMsSince(ProcessSample before) {
        return (cpuNanos - before.cpuNanos) / 1e6;
    }

    public double wallSecondsSince(ProcessSample before) {
        return (atNanos - before.atNanos) / 1e9;
    }
}
