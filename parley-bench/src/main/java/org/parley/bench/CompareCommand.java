package org.parley.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints two or more result files side by side, with ratios to the first. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "compare result JSON files (first = baseline)")
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", description = "result JSON files")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        ResultFile io = new ResultFile();
        List<BenchResult> results = new ArrayList<>();
        for (Path p : files) {
            results.add(io.read(p));
        }
        String scenarios = results.stream().map(BenchResult::scenario).distinct().reduce((a, b) -> a + ", " + b).orElse("");
        System.out.println("scenario: " + scenarios);
        System.out.print(Tables.compare(results));
        return 0;
    }
}
