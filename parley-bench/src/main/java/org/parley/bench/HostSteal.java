package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Time the hypervisor gave this machine's CPUs to someone else (the "steal" column of /proc/stat),
 * summed over all CPUs, at one instant. On a virtual machine a run can slow down for reasons
 * neither the server nor the generator controls (session 5 saw the server's and the generator's
 * CPU per presence delivery rise tenfold together in some runs); the steal share of a run says
 * whether the host was the reason. Zero where the kernel does not report steal.
 */
record HostSteal(long stealTicks, int cpus, long atNanos) {

    static HostSteal now() {
        try {
            return of(Files.readString(Path.of("/proc/stat")), System.nanoTime());
        } catch (IOException e) {
            return new HostSteal(0, 1, System.nanoTime());
        }
    }

    /** The aggregate "cpu" line's eighth value is steal (user nice system idle iowait irq softirq steal ...). */
    static HostSteal of(String procStat, long atNanos) {
        long steal = 0;
        int cpus = 0;
        for (String line : procStat.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cpu") && f.length > 8) {
                steal = Long.parseLong(f[8]);
            } else if (f[0].startsWith("cpu")) {
                cpus++;
            }
        }
        return new HostSteal(steal, Math.max(1, cpus), atNanos);
    }

    /** Percentage of all CPUs' time stolen since {@code before} (in USER_HZ ticks, as ProcessSample reads them). */
    double pctSince(HostSteal before) {
        double wallSeconds = (atNanos - before.atNanos) / 1e9;
        double stolenSeconds = (double) (stealTicks - before.stealTicks) / ProcessSample.TICKS_PER_SECOND;
        return wallSeconds <= 0 ? 0 : 100 * stolenSeconds / wallSeconds / cpus;
    }
}
