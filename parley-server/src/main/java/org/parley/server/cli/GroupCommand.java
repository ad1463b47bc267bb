package org.parley.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: invoked alone, it is a usage error (exit code 2). */
abstract class GroupCommand implements Callable<Integer> {

    @Spec
    CommandSpec groupSpec;

    @Override
    public Integer call() {
        throw new ParameterException(groupSpec.commandLine(), "Missing subcommand");
    }
}
