package io.pactbroker.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.verifier.support.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user guide's "Every flag" section is the CLI's own {@code --help}, word for word, for every command: a flag added,
 * renamed or re-described without the guide fails here.
 */
class CliDocumentationTest {

    private static String guide() throws IOException {
        return Files.readString(Path.of("..", "docs", "provider-verifier.md"));
    }

    private static String help(String... args) {
        CliRun cli = new CliRun();
        assertThat(cli.run(args)).isZero();
        return cli.out().strip();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "verify",
                "publish",
                "can-i-deploy",
                "record-deployment",
                "record-undeployment",
                "record-release",
                "record-support-ended",
                "create-or-update-environment",
                "create-version-tag",
                "describe-version"
            })
    void shouldDocumentEveryFlagOfTheCommandAsItsHelpPrintsIt(String command) throws IOException {
        String help = help(command, "--help");

        assertThat(guide()).contains("```\n" + help + "\n\n```");
    }

    @Test
    void shouldNameEveryCommandAndTheExitCodesInTheGuide() throws IOException {
        String usage = help("--help");
        String guide = guide();

        usage.lines()
                .filter(line -> line.startsWith("  "))
                .map(line -> line.strip().split(" ")[0])
                .forEach(command -> assertThat(guide).contains("`" + command + "`"));
        assertThat(usage)
                .contains("Exit codes: 0 success, 1 verification failed or not deployable, 2 usage or configuration"
                        + " error, 3 Pact Broker unreachable.");
        assertThat(guide.replaceAll("\\s+", " "))
                .contains("**Exit codes**: 0 success; 1 verification failed, not deployable, or the broker refused the"
                        + " request; 2 usage or configuration")
                .contains("3 the broker could not be reached.");
    }
}
