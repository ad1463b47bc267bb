package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    private static BenchResult result(String name, String version, double cpu, double p99, Double extra) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("serverCpuUsPerMsg", cpu);
        f.put("p99Ms", p99);
        f.put("maxMs", Double.NaN);
        if (extra != null) {
            f.put("knee", extra);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("rate", "1000");
        params.put("count", "200");
        return BenchResult.of("chat", name, version, 2, "1 event-loop thread(s), epoll, TLS OPENSSL", "2026-11-29T06:00:00Z",
                params, List.of(new Measurement(f, Map.of("SASL failure not-authorized", 2L),
                        List.of(Map.of("rate", 100.0, "p99Ms", 1.5)))));
    }

    @Test
    void jsonRoundTripKeepsEveryParameterAndFigure(@TempDir Path dir) throws Exception {
        BenchResult r = result("prosody", "0.12.3", 350, 38, null);
        ResultFile io = new ResultFile();
        Path file = dir.resolve("out/prosody-chat.json");
        io.write(r, file);
        BenchResult back = io.read(file);
        assertThat(back).isEqualTo(r);
        assertThat(back.parameters()).containsEntry("rate", "1000");
        assertThat(back.median()).doesNotContainKey("maxMs"); // NaN is left out, the file stays plain JSON
        assertThat(Files.readString(file)).contains("\"targetName\" : \"prosody\"").doesNotContain("NaN");
    }

    @Test
    void compareShowsEachTargetAndItsRatioToTheFirst() {
        String table = Tables.compare(List.of(result("prosody", "0.12.3", 350, 38, 5.0), result("parley", "", 100, 3.8, null)));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).contains("prosody 0.12.3").contains("parley / prosody 0.12.3");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("serverCpuUsPerMsg").contains("350").contains("100").endsWith("0.29×"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("p99Ms").contains("38").contains("3.80").endsWith("0.10×"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("knee").endsWith("-"));
    }

    @Test
    void resultTableListsRunsMediansFailuresAndSteps() {
        String table = Tables.result(result("ejabberd", "23.01", 237, 1.3, null));
        assertThat(table).contains("chat against ejabberd 23.01").contains("run 1").contains("median")
                .contains("2 × SASL failure not-authorized").contains("steps:");
    }
}
