package dev.opsdemo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.ExitCode;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.demo.Schedule;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepAction;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepGate;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.json.Json;
import dev.opsdemo.support.DemoLanes;
import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.report.Style;
import dev.opsdemo.report.SummaryJsonListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signal at every boundary of the demo's real step list (built by the lanes, in the order the records number them):
 * before each step starts, as it is announced, while its process runs, and after it ended, as SIGINT or SIGTERM.
 * Each time the run exits 130 or 143 with summary status "interrupted", says where it stopped and what it stopped
 * (everything still running, nothing else), stops all of it, and starts no later step. The steps keep their ids,
 * lanes, stages and commands; their actions are stand-ins that start a stand-in process in the run's cleanup, as the
 * real actions start theirs. Real signals to the real harness, at the steps that start processes, are
 * {@link InterruptEveryStepTest}'s.
 */
class InterruptEveryBoundaryTest {

    /** Where the signal lands, relative to one step. */
    private enum Moment {
        /** In the gap after the step before it ended, while the runner asks whether to start it. */
        BEFORE("before"),
        /** As the step is announced, before its action started its process. */
        AT_START("as it starts"),
        /** While its process runs. */
        DURING("during"),
        /** Once it passed, before the next step starts (after the last step: as the run ends). */
        AFTER("after");

        private final String words;

        Moment(String words) {
            this.words = words;
        }
    }

    /** The words and exit code the harness's shutdown hook gives the runner for each signal (cli.RunSession). */
    private enum Signal {
        INT("interrupted", ExitCode.INTERRUPTED),
        TERM("terminated by SIGTERM", ExitCode.TERMINATED);

        private final String cause;
        private final ExitCode exitCode;

        Signal(String cause, ExitCode exitCode) {
            this.cause = cause;
            this.exitCode = exitCode;
        }
    }

    /**
     * The steps whose real action leaves a server up after the step (the Git remote, MLflow, the app, the model
     * server): their stand-ins run until the run ends. Every other stand-in exits when its step ends, as Maven and
     * {@code mlflow run} do.
     */
    private static final Set<String> SERVERS = Set.of("devops.remote", "mlops.server", "devops.deploy",
            "mlops.serve");

    /** Only to build the lanes for their step list; nothing runs there. */
    @TempDir
    Path scratch;

    @TempDir
    Path records;

    @TestFactory
    Stream<DynamicTest> aSignalAtEveryBoundaryStopsTheRunThereAndEverythingItStarted() {
        List<Lane> lanes = DemoLanes.in(scratch);
        List<Step> steps = Schedule.interleave(lanes);
        Set<String> ids = steps.stream().map(Step::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(SERVERS), "the servers are steps of the demo: " + ids);
        List<DynamicTest> tests = new ArrayList<>();
        for (int at = 0; at < steps.size(); at++) {
            for (Moment moment : Moment.values()) {
                // The signal changes only the words and the exit code: each step and each moment gets both, in turn.
                Signal signal = Signal.values()[(at + moment.ordinal()) % Signal.values().length];
                // summary.json is rewritten after every step, the slow part of a case: once per step, each moment in
                // turn (SummaryJsonListenerTest: it writes the summary's status and exit code).
                Path summaryJson = moment.ordinal() == at % Moment.values().length
                        ? records.resolve("summary-" + at + ".json") : null;
                int index = at;
                tests.add(DynamicTest.dynamicTest("SIG" + signal + " " + moment.words + " " + steps.get(at).id(),
                        () -> new Case(lanes, steps, index, moment, signal, summaryJson).runAndCheck()));
            }
        }
        return tests.stream();
    }

    /** One run of the stand-in demo with one signal. */
    private static final class Case {
        private final List<Lane> lanes;
        private final List<Step> steps;
        private final int at;
        private final Moment moment;
        private final Signal signal;
        /** Null: no summary.json. */
        private final Path summaryJson;
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        private final Runner runner;
        private final List<String> ran = new ArrayList<>();
        private final List<StandIn> started = new ArrayList<>();
        /** The stand-ins running when the signal came, and the one a step started just after it. */
        private final Set<String> runningAtSignal = new TreeSet<>();

        Case(List<Lane> lanes, List<Step> steps, int at, Moment moment, Signal signal, Path summaryJson) {
            this.lanes = lanes;
            this.steps = steps;
            this.at = at;
            this.moment = moment;
            this.signal = signal;
            this.summaryJson = summaryJson;
            RunListener signalAtStartOrAfter = new RunListener() {
                @Override
                public void stepStarted(Step step, List<String> command) {
                    if (moment == Moment.AT_START && isAt(step)) {
                        signal();
                    }
                }

                @Override
                public void stepFinished(StepResult result) {
                    if (moment == Moment.AFTER && isAt(result.step()) && result.status() == StepStatus.PASSED) {
                        signal();
                    }
                }
            };
            Secrets secrets = new Secrets();
            // As the harness's terminal in CI (lane prefixes), and its summary.json.
            List<RunListener> listeners = new ArrayList<>(List.of(new ConsoleListener(new PrintStream(screen, true,
                    StandardCharsets.UTF_8), new Style(false), true)));
            if (summaryJson != null) {
                listeners.add(new SummaryJsonListener(summaryJson, secrets));
            }
            listeners.add(signalAtStartOrAfter);
            this.runner = new Runner(listeners, secrets, null);
        }

        void runAndCheck() throws Exception {
            StepGate signalBefore = (step, command) -> {
                if (moment == Moment.BEFORE && isAt(step)) {
                    signal();
                }
                return StepGate.Decision.RUN;
            };
            RunSummary summary;
            try {
                summary = runner.run(standInLanes(), Schedule.INTERLEAVED, signalBefore);
            } finally {
                Thread.interrupted();  // the runner interrupts its workers, and in this schedule that is this thread
            }
            String out = screen.toString(StandardCharsets.UTF_8);
            String context = "\n" + out;

            int code = signal.exitCode.code();
            assertEquals(code, summary.exitCode(), context);
            assertEquals("interrupted", summary.status(), context);
            assertTrue(out.contains("STOPPED ") && out.contains("(exit code " + code + ")"), context);
            if (summaryJson != null) {
                JsonNode written = Json.MAPPER.readTree(summaryJson.toFile());
                assertEquals("interrupted", written.get("status").asText(), written.toString());
                assertEquals(code, written.get("exitCode").asInt(), written.toString());
            }

            int lastStarted = moment == Moment.BEFORE ? at - 1 : at;
            assertEquals(steps.subList(0, lastStarted + 1).stream().map(Step::id).toList(), ran,
                    "the steps whose actions ran: none after the signal" + context);
            List<StepResult> results = summary.results();
            assertEquals(steps.stream().map(Step::id).toList(), results.stream().map(r -> r.step().id()).toList());
            int stoppedAt = moment == Moment.BEFORE || moment == Moment.AFTER ? lastStarted + 1 : at;
            for (int i = 0; i < results.size(); i++) {
                StepResult result = results.get(i);
                if (i < stoppedAt) {
                    assertEquals(StepStatus.PASSED, result.status(), result.step().id() + context);
                } else if (i > stoppedAt) {
                    assertEquals(StepStatus.SKIPPED, result.status(), result.step().id() + context);
                    assertEquals(List.of(), result.output(), result.step().id() + " never ran");
                    assertNull(result.failure(), "where it stopped is said once" + context);
                }
            }

            Set<String> stopped = started.stream().filter(standIn -> standIn.state == StandIn.State.STOPPED)
                    .map(standIn -> standIn.name).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(List.of(), started.stream().filter(standIn -> standIn.state == StandIn.State.RUNNING)
                    .map(standIn -> standIn.name).toList(), "left running" + context);
            assertEquals(runningAtSignal, stopped, "stopped: what was running, nothing else" + context);

            if (stoppedAt == steps.size()) {  // after the last step: no step is left to say so, the verdict does
                assertTrue(results.stream().allMatch(r -> r.failure() == null), context);
                String late = Optional.ofNullable(summary.lateStop()).orElse("");
                String said = signal.cause + " after the last step had ended" + (stopped.isEmpty()
                        ? "; nothing was running" : "; stopped: ");
                assertTrue(late.startsWith(said), "expected '" + said + "...', got '" + late + "'" + context);
                assertEquals(stopped, new TreeSet<>(stopped.isEmpty() ? List.of()
                        : Arrays.asList(late.substring(said.length()).split(", "))), "names what it stopped");
                assertTrue(out.contains("steps passed (exit code " + code + "): " + late + "\n"), context);
                if (summaryJson != null) {
                    assertEquals(late, Json.MAPPER.readTree(summaryJson.toFile()).path("lateStop").asText());
                }
                return;
            }
            StepResult where = results.get(stoppedAt);
            String said = signal.cause + " " + where(stoppedAt) + (stopped.isEmpty() ? "; nothing was running"
                    : "; stopped: ");
            assertEquals(moment == Moment.AT_START || moment == Moment.DURING ? StepStatus.INTERRUPTED
                    : StepStatus.SKIPPED, where.status(), context);
            String failure = Optional.ofNullable(where.failure()).orElse("");
            assertTrue(failure.startsWith(said), "expected '" + said + "...', got '" + failure + "'" + context);
            assertEquals(stopped, new TreeSet<>(stopped.isEmpty() ? List.of()
                    : Arrays.asList(failure.substring(said.length()).split(", "))), "names what it stopped");
            assertTrue(out.contains(failure), "on screen too" + context);
        }

        private String where(int stoppedAt) {
            if (moment == Moment.AT_START || moment == Moment.DURING) {
                return "during " + steps.get(at).id();
            }
            return stoppedAt == 0 ? "before " + steps.get(0).id()
                    : "between " + steps.get(stoppedAt - 1).id() + " and " + steps.get(stoppedAt).id();
        }

        private boolean isAt(Step step) {
            return step.id().equals(steps.get(at).id());
        }

        /**
         * What the harness's shutdown hook does on SIGINT or SIGTERM, from its own thread; meanwhile the runner
         * interrupts the step's thread (this one), which stays interrupted, as a step's would.
         */
        private void signal() {
            started.stream().filter(standIn -> standIn.state == StandIn.State.RUNNING)
                    .forEach(standIn -> runningAtSignal.add(standIn.name));
            Thread hook = new Thread(() -> runner.interrupt(signal.cause, signal.exitCode), "harness-shutdown");
            hook.start();
            boolean interrupted = false;
            while (hook.isAlive()) {
                try {
                    hook.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** The demo's lanes with every action a stand-in, and each value a command needs known. */
        private List<Lane> standInLanes() {
            return lanes.stream().map(lane -> new Lane(lane.name(), lane.steps().stream()
                    .map(step -> new Step(step.id(), step.lane(), step.stage(), step.title(), step.caption(),
                            step.command(), standIn(step), step.script())).toList(),
                    // A value the real step before would have learnt (a port, a run id) is not there: a placeholder.
                    name -> Optional.ofNullable(lane.values().apply(name)).orElse("<" + name + ">"),
                    lane.story())).toList();
        }

        /** Starts a stand-in process in the run's cleanup, as the real action starts its own. */
        private StepAction standIn(Step step) {
            return context -> {
                ran.add(step.id());
                StandIn process = new StandIn("stand-in for " + step.id() + " (pid " + (1000 + ran.size()) + ")");
                started.add(process);
                if (moment == Moment.AT_START && isAt(step)) {
                    runningAtSignal.add(process.name);  // started in the moment after the signal: stopped at once
                }
                context.cleanup().register(process.name, process);
                context.out(process.name + " runs");
                if (moment == Moment.DURING && isAt(step)) {
                    signal();
                    process.awaitStopped();
                }
                if (!SERVERS.contains(step.id())) {
                    process.exit(context);
                }
            };
        }
    }

    /** Something a step starts that the run must stop: stopping it is all it does. */
    private static final class StandIn implements AutoCloseable {
        enum State { RUNNING, EXITED, STOPPED }

        private final String name;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile State state = State.RUNNING;

        StandIn(String name) {
            this.name = name;
        }

        /** Waits as a step waits on its process: until it ends, or the step's thread is interrupted. */
        void awaitStopped() throws InterruptedException {
            stopped.await();
        }

        /** Ends on its own, as a finished build does: the run forgets it. */
        void exit(StepContext context) {
            state = State.EXITED;
            context.cleanup().forget(this);
        }

        @Override
        public void close() {
            if (state == State.RUNNING) {
                state = State.STOPPED;
            }
            stopped.countDown();
        }
    }
}
