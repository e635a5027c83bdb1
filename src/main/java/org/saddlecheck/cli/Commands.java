package org.saddlecheck.cli;

import picocli.CommandLine;

/** The list of subcommands, one line each, kept apart from {@link Main} so each is added alone. */
final class Commands {
    private Commands() {
    }

    static void register(CommandLine cli) {
        cli.addSubcommand(new VerifyCommand());
        cli.addSubcommand(new ReplayCommand());
        cli.addSubcommand("report", new ReportCommand());
        cli.addSubcommand("simulate", new SimulateCommand());
        cli.addSubcommand("figure", new FigureCommand());
        cli.addSubcommand("export-vectors", new ExportVectorsCommand());
        cli.addSubcommand("check", new CheckCommand());
    }
}
