package org.parley.server.cli;

import java.util.concurrent.Callable;
import org.parley.server.version.ParleyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parley version}. Takes the common options so every subcommand accepts the same ones. */
@Command(name = "version", description = "Print the version")
final class VersionCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("parley " + ParleyVersion.ofThisBuild().version());
        return 0;
    }
}
