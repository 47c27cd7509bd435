package io.pactbroker.verifier;

/** Process exit codes of the command line, shared by every command. */
public enum ExitCode {
    /** The command did what was asked: verification passed, or the version is deployable. */
    SUCCESS(0),
    /** Verification failed, or the version is not deployable. */
    FAILURE(1),
    /** The command line or the configuration is wrong. */
    USAGE(2),
    /** The broker could not be reached. */
    BROKER_UNREACHABLE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The worst of two outcomes: usage and reachability problems outrank failures, failures outrank success. */
    public ExitCode worst(ExitCode other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case SUCCESS -> 0;
            case FAILURE -> 1;
            case BROKER_UNREACHABLE -> 2;
            case USAGE -> 3;
        };
    }
}
