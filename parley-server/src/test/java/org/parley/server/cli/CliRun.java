package org.parley.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the CLI in-process against a data directory, capturing its exit code and output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (dataDir != null) {
            all.add("--set");
            all.add("dataDir=" + dataDir);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }
}
