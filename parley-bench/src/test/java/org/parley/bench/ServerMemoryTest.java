package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMemoryTest {

    @Test
    void readsPeakRssFromStatus() {
        String status = "Name:\tjava\nVmPeak:\t 5000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n";
        assertThat(ServerMemory.statusField(status, "VmHWM:")).isEqualTo(123456);
        assertThat(ServerMemory.statusField(status, "VmSwap:")).isEqualTo(-1);
    }

    @Test
    void readsHeapUsedFromGcHeapInfo() {
        String g1 = """
                12345:
                 garbage-first heap   total 262144K, used 51234K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 12 young (12288K), 2 survivors (2048K)
                 Metaspace       used 40000K, committed 41000K, reserved 1114112K
                """;
        assertThat(ServerMemory.heapUsedKb(g1)).isEqualTo(51234);
        assertThat(ServerMemory.heapUsedKb("nothing")).isEqualTo(-1);
    }

    @Test
    void peakOfThisJvmIsAtLeastItsRss() {
        ServerMemory self = new ServerMemory(ProcessHandle.current().pid());
        assertThat(self.peakRssKb()).isGreaterThanOrEqualTo(ProcessSample.self().rssKb() / 2);
    }

    @Test
    void loadAverageIsTheFirstField() {
        assertThat(DirectoryCommand.parseLoadAverage("19.95 17.94 15.02 3/800 12345\n")).isEqualTo(19.95);
    }
}
