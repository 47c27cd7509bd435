package io.pactbroker.consumer.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The consumer benchmark (not a test): runs each benchmark class in a fresh JVM, several times, interleaved, and
 * writes the medians to {@code docs/benchmarks.md}. Started by {@code bench/consumer-dsl.sh}.
 *
 * <pre>
 * BenchMain run  &lt;class&gt;                     one class in this JVM; prints "BENCH rssKb=..."
 * BenchMain all  &lt;runs&gt; &lt;report.md&gt; &lt;dsl-runtime-cp-file&gt; &lt;pact-jvm-runtime-cp-file&gt; &lt;command&gt;
 * </pre>
 */
public final class BenchMain {

    private static final List<String> SCENARIOS = List.of(
            "PlainOneBench", "DslOneBench", "PactJvmOneBench", "PlainFiftyBench", "DslFiftyBench", "PactJvmFiftyBench");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("run")) {
            run(args[1]);
        } else if (args.length >= 6 && args[0].equals("all")) {
            all(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]), args[5]);
        } else {
            System.err.println(
                    "usage: BenchMain run <class> | all <runs> <report.md> <dsl-cp> <pact-jvm-cp> <command>");
            System.exit(2);
        }
    }

    private static void run(String simpleName) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(BenchMain.class.getPackageName() + "." + simpleName))
                        .build(),
                summary);
        if (summary.getSummary().getTotalFailureCount() > 0
                || summary.getSummary().getTestsSucceededCount() == 0) {
            summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.err, true), 20);
            System.exit(1);
        }
        long execUs = (System.nanoTime() - start) / 1000;
        long cpuUs = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1000
                : 0;
        System.out.println("BENCH rssKb=" + peakRssKb() + " execUs=" + execUs + " cpuUs=" + cpuUs);
        System.exit(0);
    }

    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the heap's peak
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .mapToLong(p ->
                                p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed())
                        .sum()
                / 1024;
    }

    private record Sample(double wallMs, double rssMb, double execMs, double cpuMs) {}

    private static void all(int runs, Path report, Path dslCp, Path pactJvmCp, String command) throws Exception {
        String loadBefore = loadAverage();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        SCENARIOS.forEach(s -> samples.put(s, new ArrayList<>()));
        for (int warmup = 0; warmup < 1; warmup++) {
            for (String scenario : SCENARIOS) {
                child(scenario);
            }
        }
        for (int i = 0; i < runs; i++) {
            for (String scenario : SCENARIOS) {
                samples.get(scenario).add(child(scenario));
            }
            System.out.println("run " + (i + 1) + "/" + runs + " done");
        }
        Map<String, Double> wall = new LinkedHashMap<>();
        Map<String, Double> rss = new LinkedHashMap<>();
        Map<String, Double> exec = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        samples.forEach((k, v) -> {
            cpu.put(k, median(v.stream().mapToDouble(Sample::cpuMs).toArray()));
            exec.put(k, median(v.stream().mapToDouble(Sample::execMs).toArray()));
            wall.put(k, median(v.stream().mapToDouble(Sample::wallMs).toArray()));
            rss.put(k, median(v.stream().mapToDouble(Sample::rssMb).toArray()));
        });

        double dsl1 = wall.get("DslOneBench") - wall.get("PlainOneBench");
        double dsl50 = wall.get("DslFiftyBench") - wall.get("PlainFiftyBench");
        double jvm1 = wall.get("PactJvmOneBench") - wall.get("PlainOneBench");
        double jvm50 = wall.get("PactJvmFiftyBench") - wall.get("PlainFiftyBench");
        double dslPer = (dsl50 - dsl1) / 49;
        double jvmPer = (jvm50 - jvm1) / 49;
        double xDsl1 = exec.get("DslOneBench") - exec.get("PlainOneBench");
        double xDsl50 = exec.get("DslFiftyBench") - exec.get("PlainFiftyBench");
        double xJvm1 = exec.get("PactJvmOneBench") - exec.get("PlainOneBench");
        double xJvm50 = exec.get("PactJvmFiftyBench") - exec.get("PlainFiftyBench");
        double xDslPer = (xDsl50 - xDsl1) / 49;
        double xJvmPer = (xJvm50 - xJvm1) / 49;
        Jars ours = jars(dslCp);
        Jars theirs = jars(pactJvmCp);

        StringBuilder md = new StringBuilder();
        String heading = "## Consumer DSL against pact-jvm\n\n";
        md.append(heading);
        md.append("What a consumer pact test costs on top of the same test without pact: one test class that declares"
                + " 1 or 50 HTTP interactions and calls each once with the JDK `HttpClient`, written with this DSL and"
                + " with pact-jvm's (`au.com.dius.pact.consumer:junit5` " + "4.6.17), against a plain JUnit class"
                + " making the same calls to a plain JDK HTTP server. Each class runs in a fresh JVM (JUnit Platform"
                + " launcher, the same class path for all), "
                + runs + " times interleaved after one warm-up round; the table shows medians. Wall time is the child"
                + " process's, from start to exit; test execution is the JUnit launcher's run of the class inside it (discovery,"
                + " extension, mock server, the calls, writing the pact), which JVM start-up noise does not blur; memory is"
                + " the peak resident set size (VmHWM); CPU time is the child's, all threads (JIT and GC included), which"
                + " other processes on the machine disturb least. Every child runs with `-Dsun.net.httpserver.nodelay=true`, so"
                + " that no side pays the JDK HTTP server's ~40 ms Nagle delay per response (this DSL's mock server sets"
                + " it itself; pact-jvm's and the plain server would otherwise be 40 ms per call slower).\n\n");
        md.append("- command: `").append(command).append("`\n");
        md.append("- machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(String.format(Locale.ROOT, "%.0f", totalMemoryGb()))
                .append(" GiB, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append("\n");
        md.append("- date: ").append(LocalDate.now()).append("\n");
        md.append("- load average (1, 5, 15 min) before and after: ")
                .append(loadBefore)
                .append(" / ")
                .append(loadAverage())
                .append(" (other builds share the machine; the medians and the CPU-time column are the steadiest)\n\n");
        md.append(
                "| class | wall time (ms) | added over plain (ms) | test execution (ms) | added over plain (ms) |"
                        + " CPU time (ms) | added over plain (ms) | peak RSS (MB) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String s : SCENARIOS) {
            String plain = s.contains("One") ? "PlainOneBench" : "PlainFiftyBench";
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %s | %.0f | %s | %.0f | %s | %.0f |%n",
                    label(s),
                    wall.get(s),
                    s.startsWith("Plain") ? "-" : String.format(Locale.ROOT, "%.0f", wall.get(s) - wall.get(plain)),
                    exec.get(s),
                    s.startsWith("Plain") ? "-" : String.format(Locale.ROOT, "%.0f", exec.get(s) - exec.get(plain)),
                    cpu.get(s),
                    s.startsWith("Plain") ? "-" : String.format(Locale.ROOT, "%.0f", cpu.get(s) - cpu.get(plain)),
                    rss.get(s)));
        }
        md.append("\n| measure | this DSL | pact-jvm | target | met |\n|---|---:|---:|---|---|\n");
        md.append(row("added for the first interaction (ms, process wall time)", dsl1, jvm1, "≤ 300", dsl1 <= 300));
        md.append(row("added per further interaction (ms, process wall time)", dslPer, jvmPer, "≤ 5", dslPer <= 5));
        md.append(row("added for the first interaction (ms, test execution)", xDsl1, xJvm1, "≤ 300", xDsl1 <= 300));
        md.append(row("added per further interaction (ms, test execution)", xDslPer, xJvmPer, "≤ 5", xDslPer <= 5));
        md.append(String.format(
                Locale.ROOT,
                "| added time, 1 interaction, as a share of pact-jvm's | %.2f | 1 | ≤ 0.20 | %s |%n",
                dsl1 / jvm1,
                dsl1 / jvm1 <= 0.2 ? "yes" : "**no**"));
        md.append(String.format(
                Locale.ROOT,
                "| added time, 50 interactions, as a share of pact-jvm's | %.2f | 1 | ≤ 0.20 | %s |%n",
                dsl50 / jvm50,
                dsl50 / jvm50 <= 0.2 ? "yes" : "**no**"));
        md.append(String.format(
                Locale.ROOT,
                "| added test execution, 1 and 50 interactions, as a share of pact-jvm's | %.2f, %.2f | 1 | ≤ 0.20 | %s"
                        + " |%n",
                xDsl1 / xJvm1,
                xDsl50 / xJvm50,
                xDsl1 / xJvm1 <= 0.2 && xDsl50 / xJvm50 <= 0.2 ? "yes" : "**no**"));
        md.append(String.format(
                Locale.ROOT,
                "| runtime jars (beyond JUnit) | %d (%d) | %d (%d) | pact-core and Jackson only | %s |%n",
                ours.count,
                ours.countBeyondJunit,
                theirs.count,
                theirs.countBeyondJunit,
                ours.onlyCoreAndJackson ? "yes" : "**no**"));
        md.append(String.format(
                Locale.ROOT,
                "| runtime jars, MB (beyond JUnit) | %.1f (%.1f) | %.1f (%.1f) | | |%n",
                ours.mb,
                ours.mbBeyondJunit,
                theirs.mb,
                theirs.mbBeyondJunit));
        md.append("\nRuntime jars of this DSL: ")
                .append(String.join(", ", ours.names))
                .append(".\n");
        Files.createDirectories(report.toAbsolutePath().getParent());
        String existing = Files.exists(report) ? Files.readString(report) : "";
        String marker = "<!-- end of generated consumer benchmark -->";
        String rest = existing.contains(marker) ? existing.substring(existing.indexOf(marker) + marker.length()) : "";
        // the page's introduction (before this section) and the other sections (after the marker) are kept
        String intro =
                existing.contains(heading) ? existing.substring(0, existing.indexOf(heading)) : "# Benchmarks\n\n";
        Files.writeString(report, intro + md + "\n" + marker + rest, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private static String row(String what, double ours, double theirs, String target, boolean met) {
        return String.format(
                Locale.ROOT, "| %s | %.1f | %.1f | %s | %s |%n", what, ours, theirs, target, met ? "yes" : "**no**");
    }

    private static String label(String scenario) {
        String count = scenario.contains("One") ? "1 interaction" : "50 interactions";
        if (scenario.startsWith("Plain")) {
            return "plain JUnit, " + (scenario.contains("One") ? "1 call" : "50 calls");
        }
        return (scenario.startsWith("Dsl") ? "this DSL, " : "pact-jvm, ") + count;
    }

    private static Sample child(String scenario) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dpact.rootDir=target/bench-pacts-pact-jvm",
                // Every side gets a JDK HTTP server without the ~40 ms Nagle delay (see docs/benchmarks.md).
                "-Dsun.net.httpserver.nodelay=true",
                BenchMain.class.getName(),
                "run",
                scenario));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wallMs = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException(scenario + " failed:\n" + output);
        }
        String line = Arrays.stream(output.split("\n"))
                .filter(l -> l.startsWith("BENCH "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(scenario + " printed no result:\n" + output));
        Map<String, Long> values = new LinkedHashMap<>();
        for (String part : line.substring("BENCH ".length()).trim().split(" ")) {
            values.put(part.substring(0, part.indexOf('=')), Long.parseLong(part.substring(part.indexOf('=') + 1)));
        }
        return new Sample(
                wallMs, values.get("rssKb") / 1024.0, values.get("execUs") / 1000.0, values.get("cpuUs") / 1000.0);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double totalMemoryGb() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return 0;
    }

    private record Jars(
            int count,
            double mb,
            int countBeyondJunit,
            double mbBeyondJunit,
            boolean onlyCoreAndJackson,
            List<String> names) {}

    private static Jars jars(Path classpathFile) throws IOException {
        String cp = Files.readString(classpathFile).trim();
        List<Path> jars = Arrays.stream(cp.split(java.io.File.pathSeparator))
                .filter(s -> s.endsWith(".jar") || Files.isDirectory(Path.of(s)))
                .map(Path::of)
                .toList();
        int count = 0;
        int beyond = 0;
        long bytes = 0;
        long bytesBeyond = 0;
        boolean onlyCoreAndJackson = true;
        List<String> names = new ArrayList<>();
        for (Path jar : jars) {
            long size = Files.isDirectory(jar) ? directorySize(jar) : Files.size(jar);
            String name = jar.getFileName().toString();
            count++;
            bytes += size;
            boolean junit = name.startsWith("junit-")
                    || name.startsWith("opentest4j")
                    || name.startsWith("apiguardian")
                    || name.startsWith("jspecify"); // JUnit 6's own dependency
            if (!junit) {
                beyond++;
                bytesBeyond += size;
                if (!(name.startsWith("pact-core") || name.startsWith("consumer-dsl") || name.startsWith("jackson-"))) {
                    onlyCoreAndJackson = false;
                }
            }
            names.add(name);
        }
        return new Jars(
                count,
                bytes / (1024.0 * 1024),
                beyond,
                bytesBeyond / (1024.0 * 1024),
                onlyCoreAndJackson,
                names.stream().sorted().toList());
    }

    private static long directorySize(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
