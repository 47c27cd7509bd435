package io.pactbroker.verifier.internal;

import io.pactbroker.verifier.InteractionResult;
import io.pactbroker.verifier.PactResult;
import io.pactbroker.verifier.VerificationResult;
import java.io.PrintStream;

/** The console report, printed as the verification goes. */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void pactHeader(LoadedPact pact) {
        StringBuilder line = new StringBuilder("\nVerifying a pact between ")
                .append(pact.pact().consumer())
                .append(" and ")
                .append(pact.pact().provider());
        if (pact.wip()) {
            line.append(" [WIP: failures do not fail the run]");
        } else if (pact.pending()) {
            line.append(" [pending: failures do not fail the run]");
        }
        out.println(line);
        out.println("  from " + pact.source());
        for (PactResult.Notice notice : pact.notices()) {
            if (notice.when().startsWith("before_verification")) {
                out.println(indent(notice.text(), "  "));
            }
        }
    }

    void interaction(InteractionResult result) {
        String name = result.interaction().description() + statesOf(result);
        String time = " (" + result.duration().toMillis() + " ms)";
        StringBuilder out = new StringBuilder();
        if (result.passed()) {
            out.append("  ok       ").append(name).append(time);
        } else if (result.pending()) {
            out.append("  PENDING  ")
                    .append(name)
                    .append(time)
                    .append(": failed, but it is pending, so the run does not fail");
        } else {
            out.append("  FAILED   ").append(name).append(time);
        }
        if (!result.passed()) {
            out.append('\n').append(indent(result.failureText(), "           "));
        }
        for (String warning : result.warnings()) {
            out.append("\n           warning: ").append(warning);
        }
        this.out.println(out);
    }

    private static String statesOf(InteractionResult result) {
        String name = result.displayName();
        int bracket = name.indexOf(" [given ");
        return bracket < 0 ? "" : name.substring(bracket);
    }

    void afterNotices(LoadedPact pact, PactResult result, boolean published) {
        String when = "after_verification:success_" + result.passed() + "_published_" + published;
        boolean header = false;
        for (PactResult.Notice notice : pact.notices()) {
            if (notice.when().equals(when)) {
                if (!header) {
                    out.println("\nThe broker about the pact between "
                            + pact.pact().consumer() + " and " + pact.pact().provider() + ":");
                    header = true;
                }
                out.println(indent(notice.text(), "  "));
            }
        }
    }

    void summary(VerificationResult result) {
        out.println();
        out.println(result.summary());
        if (result.failedCount() > 0) {
            out.println("Failures:");
            for (InteractionResult r : result.interactions()) {
                if (r.failsTheRun()) {
                    out.println("  " + r.displayName());
                    out.println(indent(r.failureText(), "    "));
                }
            }
        }
        for (VerificationResult.Publication p : result.publications()) {
            out.println((p.ok() ? "" : "ERROR: ") + p.message());
        }
        out.println(
                result.succeeded()
                        ? "Verification of " + result.provider() + " passed."
                        : "Verification of " + result.provider() + " FAILED.");
    }

    static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
