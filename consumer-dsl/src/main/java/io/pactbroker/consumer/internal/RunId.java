package io.pactbroker.consumer.internal;

import java.util.Map;

/**
 * Tells which test run this JVM belongs to, so that pact files written by several JVMs of one build are merged, while
 * a new build replaces them.
 *
 * <ul>
 *   <li>{@code PACT_RUN_ID} in the environment, when set (for build tools that fork test JVMs from a long-lived
 *       process, such as Gradle's daemon: set it to a fresh value per build);
 *   <li>in a JVM forked by Maven Surefire or Failsafe: the Maven process (its id and start time), shared by all forks
 *       of one build;
 *   <li>otherwise this JVM (its id and start time): IDEs and {@code forkCount=0} run every test in one JVM.
 * </ul>
 */
public final class RunId {

    private RunId() {}

    public static String current(Map<String, String> environment) {
        String explicit = environment.get("PACT_RUN_ID");
        if (explicit != null && !explicit.isBlank()) {
            return "env:" + explicit.trim();
        }
        ProcessHandle self = ProcessHandle.current();
        if (forkedBySurefire()) {
            var parent = self.parent();
            if (parent.isPresent()) {
                return "maven:" + describe(parent.get());
            }
        }
        return "jvm:" + describe(self);
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + "@"
                + process.info().startInstant().map(Object::toString).orElse("?");
    }

    private static boolean forkedBySurefire() {
        try {
            Class.forName("org.apache.maven.surefire.booter.ForkedBooter", false, RunId.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
