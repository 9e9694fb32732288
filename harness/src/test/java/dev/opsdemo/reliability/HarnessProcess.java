package dev.opsdemo.reliability;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;
import dev.opsdemo.exec.RunningProcess;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.Tier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real harness as a separate process, as a person or CI starts it (non-interactive, through
 * {@code scripts/harness.sh}), so that it can be sent real signals. It runs this test JVM's classpath
 * ({@code target/classes}, as {@code OPSDEMO_CLASSPATH}): in {@code mvn install} the tests run before the jar is
 * packaged. Every process it starts inherits a marker in its environment, which is how {@link ProcessTable} finds all
 * of them afterwards, even ones whose parent died.
 */
final class HarnessProcess implements AutoCloseable {

    static final String MARKER = "OPSDEMO_RELIABILITY_RUN";
    private static final Pattern LOOPBACK_PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d{2,5})");

    private final Cleanup cleanup = new Cleanup(problem -> { });
    private final RunningProcess process;
    private final String marker = UUID.randomUUID().toString();
    private final List<String> lines = new ArrayList<>();

    /**
     * The launcher execs the JVM (so its pid is the harness's) with SIGINT restored to its default: run from a
     * background job (a suite started with {@code &}), the test JVM and so a plain child of it would ignore Ctrl-C.
     */
    private static List<String> launcherArgv(List<String> args) {
        List<String> argv = new ArrayList<>(List.of(MlflowWitness.repoRoot().resolve("scripts/harness.sh")
                .toString()));
        argv.addAll(args);
        return argv;
    }

    private HarnessProcess(Map<String, String> env, List<String> argv) {
        Tier.endToEndOnly("the harness as a process");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(MARKER, marker);
        environment.put("OPSDEMO_CLASSPATH", System.getProperty("java.class.path"));
        environment.putAll(env);
        process = new ProcessRunner(cleanup).start(new ProcessCommand(argv, MlflowWitness.repoRoot(), environment),
                line -> {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                });
    }

    static HarnessProcess start(String... args) {
        return new HarnessProcess(Map.of(), launcherArgv(List.of(args)));
    }

    static HarnessProcess start(Map<String, String> env, String... args) {
        return new HarnessProcess(env, launcherArgv(List.of(args)));
    }

    /**
     * {@code scripts/harness.sh ARGS &} in a non-interactive bash, as wrapper scripts and some CI runners start it:
     * the job inherits an ignored SIGINT. The shell prints the job's pid ({@link #backgroundPid}) and exits with the
     * job's exit code. The script runs this build's classes (the jar is packaged after the tests).
     */
    static HarnessProcess inBackgroundOfScript(String... args) {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", "\"$0\" \"$@\" & echo \"background pid $!\"; wait $!",
                MlflowWitness.repoRoot().resolve("scripts/harness.sh").toString()));
        argv.addAll(List.of(args));
        return new HarnessProcess(Map.of(), argv);
    }

    /** The pid of the harness started by {@link #inBackgroundOfScript}. */
    long backgroundPid() throws InterruptedException {
        return Long.parseLong(awaitLine("^background pid \\d+$", Duration.ofSeconds(30)).replaceAll("\\D", ""));
    }

    long pid() {
        return process.pid();
    }

    String marker() {
        return marker;
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Waits until a line matches, failing with the output so far if the harness ends or time runs out first. */
    String awaitLine(String regex, Duration timeout) throws InterruptedException {
        Predicate<String> matches = Pattern.compile(regex).asPredicate();
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (matches.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                    fail("no line matched /" + regex + "/ " + (process.isAlive() ? "within " + timeout.toSeconds()
                            + "s" : "before the harness exited") + "; output:\n" + output());
                }
                lines.wait(Math.min(200, Math.max(1, left / 1_000_000)));
            }
        }
    }

    /** Waits until a process of this run (the marker in its environment) runs something matching. */
    void awaitProcess(String commandLinePart, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessTable.withMarker(marker).stream()
                    .anyMatch(proc -> proc.commandLine().contains(commandLinePart))) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        fail("no process of the run ran `" + commandLinePart + "`; output:\n" + output());
    }

    /** Sends a real signal to the harness JVM (only to it, as {@code kill -INT pid} does). */
    void signal(String name) throws InterruptedException {
        Shell.Output kill = Shell.run(MlflowWitness.repoRoot(), "kill", "-" + name, String.valueOf(pid()));
        if (kill.exitCode() != 0) {
            fail("kill -" + name + " " + pid() + " failed: " + kill.text());
        }
    }

    /** The exit code, failing (and stopping the harness) if it does not exit in time. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout)) {
            String so = output();
            process.stop();
            fail("the harness did not exit within " + timeout.toSeconds() + "s; output:\n" + so);
        }
        return process.exitCode().orElseThrow();
    }

    /** Every 127.0.0.1 port the output names (servers it started announce their URLs). */
    Set<Integer> announcedPorts() {
        Set<Integer> ports = new TreeSet<>();
        Matcher matcher = LOOPBACK_PORT.matcher(output());
        while (matcher.find()) {
            ports.add(Integer.parseInt(matcher.group(1)));
        }
        return ports;
    }

    @Override
    public void close() {
        cleanup.close();
    }
}
