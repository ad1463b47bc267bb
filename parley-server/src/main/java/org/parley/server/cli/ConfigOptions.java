package org.parley.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.config.ConfigLoader;
import org.parley.server.config.ParleyConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --set key=value}, accepted by every subcommand. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (parley.yaml)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a configuration key (dotted, e.g. http.port=9091); repeatable")
    List<String> overrides = new ArrayList<>();

    ParleyConfig load() {
        return new ConfigLoader().load(file, overrides);
    }
}
