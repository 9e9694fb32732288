package dev.opsdemo.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.LaneStory;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.devops.DevopsFacts;
import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.devops.DevopsStory;
import dev.opsdemo.mlops.MlopsFacts;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.mlops.MlopsStory;
import dev.opsdemo.mlops.MonitoringReport;
import dev.opsdemo.text.CommitIds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What this run recorded that shows a question's answer, as sentences to wrap: read from the run's facts through
 * the lanes' typed records, and worded with the lanes' own stories where they already say it (so the quiz tells a
 * fact as the reports do). A fact the run did not record is never shown as "null": the sentence says which lane
 * or step would have recorded it and the command that shows it.
 */
public final class RunEvidence {

    /** The real command that shows the data contract stopping the MLOps lane before training. */
    public static final String CORRUPTED_DATA_RUN = "./scripts/harness.sh mlops --data data/corrupted.csv";
    /** The real command that runs both lanes and this quiz, for evidence a one-lane run does not have. */
    static final String BOTH_LANES_RUN = "./scripts/harness.sh demo --quiz";

    private final JsonNode devopsNode;
    private final JsonNode mlopsNode;
    private final DevopsFacts.Recorded devops;
    private final MlopsFacts.Recorded mlops;
    private final LaneStory devopsStory = new DevopsStory();
    private final LaneStory mlopsStory = new MlopsStory();

    /** {@code facts}: summary.json's {@code facts} (RunSummary.facts()), one object per lane that ran. */
    public RunEvidence(JsonNode facts) {
        this.devopsNode = facts.path(DevopsLane.NAME);
        this.mlopsNode = facts.path(MlopsLane.NAME);
        this.devops = DevopsFacts.Recorded.of(devopsNode);
        this.mlops = MlopsFacts.Recorded.of(mlopsNode);
    }

    /** The sentences for {@code kind}, each one paragraph; {@link #commands} follow them. */
    public List<String> lines(Evidence kind) {
        return switch (kind) {
            case VERSIONED -> versioned();
            case MODEL_VERSION -> modelVersion();
            case DEPLOYED -> deployed();
            case DATA_CONTRACT -> dataContract();
            case MONITORING -> monitoring();
        };
    }

    /** The real commands the sentences for {@code kind} end by offering to run, each whole on a line of its own. */
    public List<String> commands(Evidence kind) {
        return kind == Evidence.DATA_CONTRACT ? List.of(CORRUPTED_DATA_RUN) : List.of();
    }

    /** DevOps versioned commit X only; MLOps versioned run R = commit + data digest + params, which made model vN. */
    private List<String> versioned() {
        List<String> lines = new ArrayList<>();
        lines.add(devopsCommit() + ".");
        if (mlops.training().runId() == null) {
            lines.add(missing("MLOps", mlopsNode, "no training run", "mlops.train"));
        } else {
            List<String> parts = mlopsStory.produced(Stage.VERSION, mlopsNode);
            lines.add("MLOps versioned run " + mlops.training().runId()
                    + (parts.isEmpty() ? "" : " = " + String.join(" + ", parts))
                    + (mlops.registration().modelVersion() == null ? ", which registered no model version."
                    : " → model " + model() + "."));
        }
        return lines;
    }

    /** The training run and the model version made from it; the DevOps build made a jar and no model. */
    private List<String> modelVersion() {
        List<String> lines = new ArrayList<>();
        if (mlops.registration().modelVersion() == null) {
            lines.add(missing("MLOps", mlopsNode, "no model version", "mlops.register"));
        } else {
            String experiment = mlops.training().experimentName();
            lines.add("MLOps: training run " + mlops.training().runId()
                    + (experiment == null ? "" : " (experiment " + experiment + ")") + " made model " + model()
                    + (mlops.lineage().datasetDigest() == null ? ""
                    : ", from the data with digest " + mlops.lineage().datasetDigest()) + ".");
            if (mlops.registration().modelVersionUrl() != null) {
                lines.add("In the registry: " + mlops.registration().modelVersionUrl());
            }
        }
        List<String> built = devopsStory.produced(Stage.BUILD, devopsNode);
        lines.add(built.isEmpty() ? missing("DevOps", devopsNode, "no build", "devops.build")
                : "DevOps made no model: its build made " + String.join(", ", built) + ", from code alone.");
        return lines;
    }

    /** Both lanes deployed with no hand work: the app, and the model behind a server. */
    private List<String> deployed() {
        List<String> lines = new ArrayList<>();
        boolean app = devops.deploy().appUrl() != null;
        boolean model = mlops.serving().modelServerUrl() != null;
        if (app && model) {
            lines.add("Both lanes deployed automatically, no step done by hand.");
        }
        lines.add(app ? "DevOps started the app it built at " + devops.deploy().appUrl() + "."
                : missing("DevOps", devopsNode, "no deployed app", "devops.deploy"));
        if (model) {
            List<String> scored = mlopsStory.produced(Stage.DEPLOY, mlopsNode);
            lines.add("MLOps served " + (mlops.registration().modelVersion() == null ? "the model" : "model " + model())
                    + " at " + mlops.serving().modelServerUrl()
                    + (scored.isEmpty() ? "" : " (" + String.join(", ", scored) + ")") + ".");
        } else {
            lines.add(missing("MLOps", mlopsNode, "no model server", "mlops.serve"));
        }
        lines.add("Managing a model and preparing its data were the MLOps lane's alone: the DevOps lane did neither.");
        return lines;
    }

    /** The check a code pipeline lacks, and the command that shows it stopping one. */
    private List<String> dataContract() {
        List<String> lines = new ArrayList<>();
        MlopsFacts.Validation validation = mlops.validation();
        if (validation.validationRunId() == null || validation.validationPassed() == null) {
            lines.add(missing("MLOps", mlopsNode, "no data contract check", "mlops.validate"));
        } else {
            boolean passed = validation.validationPassed();
            lines.add("This run's data contract check: validation run " + validation.validationRunId() + " "
                    + (passed ? "passed" : "failed") + (validation.dataSource() == null ? ""
                    : " on " + validation.dataSource())
                    + (passed ? ", so training went ahead." : ": " + validation.validationViolations()
                    + "; nothing was trained."));
            if (mlops.lineage().datasetDigest() != null) {
                lines.add("The data then got a version of its own: digest " + mlops.lineage().datasetDigest()
                        + ", recorded with the training run.");
            }
        }
        lines.add(devopsCommit() + ", with no check of data: a code pipeline has no data to check.");
        lines.add("To watch the contract stop a pipeline before training, run:");  // commands(DATA_CONTRACT)
        return lines;
    }

    /** Monitoring, drift, and the champion/challenger decision: what MLOps adds after the deployment. */
    private List<String> monitoring() {
        List<String> lines = new ArrayList<>();
        MonitoringReport report = mlops.monitoring().monitoring();
        if (report == null) {
            lines.add(missing("MLOps", mlopsNode, "no monitoring run", "mlops.monitor"));
            return lines;
        }
        lines.add("Monitoring run " + (report.monitoringRunId() == null ? "" : report.monitoringRunId() + " ")
                + (report.batch() == null ? "" : "on " + Path.of(report.batch()).getFileName() + " ")
                + "found: " + String.join("; ", mlopsStory.produced(Stage.MONITOR, mlopsNode)) + ".");
        lines.add(report.retrainNeeded() ? "Retraining was needed: it ran with the same code on the new data."
                : "No retraining was needed: the champion still fits the production data.");
        if (report.championScore() != null && report.challengerScore() != null) {
            lines.add(String.format(Locale.ROOT, "On the same held-out rows the champion scored %.4f and the "
                    + "challenger %.4f: %s.", report.championScore(), report.challengerScore(),
                    "promoted".equals(report.decision()) ? "the challenger became the champion"
                            : "the champion stayed"));
        }
        lines.add("Every step of it ran in the same automated pipeline as the DevOps lane's build and deploy.");
        return lines;
    }

    /** "DevOps versioned commit X only", or why this run has no commit. */
    private String devopsCommit() {
        String sha = devops.commit().commitSha();
        if (sha == null) {
            String why = missing("DevOps", devopsNode, "no commit", "devops.commit");
            return why.substring(0, why.length() - 1);  // the callers end the sentence
        }
        return "DevOps versioned commit " + CommitIds.shortForm(sha) + " only"
                + (devops.remote().remoteUrl() == null ? "" : " (pushed to " + devops.remote().remoteUrl() + ")");
    }

    private String model() {
        MlopsFacts.Registration registration = mlops.registration();
        return (registration.modelName() == null ? "" : registration.modelName() + " ") + "v"
                + registration.modelVersion();
    }

    /**
     * Why the run shows no {@code what}: its lane did not run (one lane only), or the lane ran and {@code step}
     * recorded nothing; and what shows it.
     */
    private static String missing(String lane, JsonNode node, String what, String step) {
        if (!node.isObject() || node.isEmpty()) {
            return lane + ": " + what + " to show, as this run left the " + lane + " lane out; " + BOTH_LANES_RUN
                    + " runs both lanes.";
        }
        return lane + ": " + what + " to show, as " + step + " recorded none in this run; a run that passes it, "
                + "e.g. " + BOTH_LANES_RUN + ", shows it.";
    }
}
