package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of the server process around one operation: the peak resident set (the kernel's
 * high-water mark, reset first through {@code /proc/PID/clear_refs} when the process is ours,
 * else sampled), and the live Java heap after a full GC, asked through {@code jcmd} when the
 * server is a JVM of the same user. Either may be unavailable: callers then get -1.
 */
final class ServerMemory {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    ServerMemory(long pid) {
        this.pid = pid;
    }

    /** Resets the peak RSS to the current RSS; false when the kernel refuses (not our process). */
    boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** VmHWM: the peak resident set since start or since {@link #resetPeak()}. */
    long peakRssKb() {
        try {
            return statusField(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmHWM:");
        } catch (IOException e) {
            return -1;
        }
    }

    static long statusField(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    /**
     * Heap in use after a full GC (jcmd GC.run, then GC.heap_info), in KB: the live data, which
     * is what "holds the directory in memory" is about. RSS alone cannot say, since a JVM keeps
     * the heap it grew to.
     */
    long liveHeapKb() {
        try {
            if (jcmd("GC.run") == null) {
                return -1;
            }
            String info = jcmd("GC.heap_info");
            return info == null ? -1 : heapUsedKb(info);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The first "used NK" of GC.heap_info is the whole heap for every collector's summary line. */
    static long heapUsedKb(String heapInfo) {
        Matcher m = HEAP_USED.matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroy();
            return null;
        }
        return out;
    }
}
