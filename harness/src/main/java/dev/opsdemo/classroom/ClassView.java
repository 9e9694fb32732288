package dev.opsdemo.classroom;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.opsdemo.demo.PracticeReading;
import dev.opsdemo.mlflow.MlflowCredentials;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The teacher's view: for each learner of the roster, which steps of the MLOps lane their namespace on the class's
 * server shows done, read by the lane's own practice checks ({@link PracticeReading}) as the server's admin, and
 * the first condition the step they are at does not meet yet. One reading, shown on the terminal, as the page the
 * server keeps ({@link TeacherPage}) and as {@code classroom/view.json}.
 */
final class ClassView {

    /** One learner's row: their steps, as the checks found them. */
    record Row(String learner, List<PracticeReading.StepState> steps) {

        /** Steps the checks found done, of those they can read from here. */
        public long done() {
            return steps.stream().filter(step -> step.state() == PracticeReading.State.done).count();
        }

        public long readable() {
            return steps.stream().filter(step -> step.state() != PracticeReading.State.local).count();
        }

        /** The step they are at and what it waits for; "all done" when no check is left unmet. */
        @JsonIgnore
        String where() {
            return steps.stream().filter(step -> step.state() == PracticeReading.State.current).findFirst()
                    .map(step -> shortId(step.id()) + ": " + step.detail()).orElse("all done");
        }
    }

    /** A reading of the whole class, when it was made. */
    record Reading(String readAt, String trackingUri, List<Row> learners) {

        /** What the terminal shows; the time leaves it out, so that an unchanged class prints nothing new. */
        @JsonIgnore
        List<String> table() {
            List<String> lines = new ArrayList<>();
            if (learners.isEmpty()) {
                return lines;
            }
            List<PracticeReading.StepState> steps = learners.get(0).steps();
            int width = Math.max("learner".length(), learners.stream().mapToInt(row -> row.learner().length())
                    .max().orElse(0));
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s ", "learner"));
            for (int i = 0; i < steps.size(); i++) {
                header.append(String.format(Locale.ROOT, " %2d", i + 1));
            }
            lines.add(header.append("   done  where").toString());
            for (Row row : learners) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s ",
                        row.learner()));
                row.steps().forEach(step -> line.append("  ").append(symbol(step.state())));
                lines.add(line.append(String.format(Locale.ROOT, "  %2d/%-2d  ", row.done(), row.readable()))
                        .append(row.where()).toString());
            }
            List<String> legend = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                legend.add((i + 1) + " " + shortId(steps.get(i).id()));
            }
            lines.add("  steps: " + String.join(", ", legend));
            lines.add("  " + symbol(PracticeReading.State.done) + " done, " + symbol(PracticeReading.State.current)
                    + " where they are, " + symbol(PracticeReading.State.local) + " on their own machine (the "
                    + "server cannot see it), " + symbol(PracticeReading.State.ahead) + " not yet");
            return lines;
        }

        @JsonIgnore
        String time() {
            return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(Instant.parse(readAt));
        }
    }

    static String symbol(PracticeReading.State state) {
        return switch (state) {
            case done -> "✓";
            case current -> "▸";
            case local -> "–";
            case ahead -> "·";
        };
    }

    /** {@code mlops.train} as the view names it: {@code train}. */
    static String shortId(String id) {
        return id.substring(id.indexOf('.') + 1);
    }

    private final Roster roster;
    private final RepoLayout repo;
    private final Path dir;
    private final MlopsSettings settings;

    /** {@code dir}: where each learner's reading keeps what the checks download (their plots). */
    ClassView(Roster roster, RepoLayout repo, Path dir, MlopsSettings settings) {
        this.roster = roster;
        this.repo = repo;
        this.dir = dir;
        this.settings = settings;
    }

    /** Every learner's steps, read now from the server at {@code trackingUri} as {@code admin}. */
    Reading read(String trackingUri, MlflowCredentials admin) {
        MlopsSettings onServer = settings.withTarget(MlflowTarget.signedIn(trackingUri, admin));
        List<Row> rows = new ArrayList<>();
        for (String learner : roster.learners()) {
            Workspace own = Workspace.open(dir.resolve(learner), repo);
            MlopsLane lane = new MlopsLane(repo, own, onServer.forLearner(learner));
            rows.add(new Row(learner, PracticeReading.read(lane.lane(), Instant.EPOCH)));
        }
        return new Reading(Instant.now().toString(), trackingUri, rows);
    }
}
