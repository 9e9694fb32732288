package dev.opsdemo.commands;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.ScriptGlue;
import dev.opsdemo.demo.Step;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.text.Resources;
import dev.opsdemo.text.TextWrap;
import dev.opsdemo.workspace.RepoLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lanes as a bash script of the plain commands a learner would type, generated from the steps the demo runs: a
 * header, then per lane its helpers ({@code commands/<lane>.sh}, if it has any) and per step its id, title and
 * caption as comments followed by the step's own lines with their glue ({@link ScriptGlue}). Where the demo shows a
 * value of this run, the script has a shell variable: assigned at its top when the lane knows it beforehand (paths,
 * names), or by the glue while it runs (ports, run ids, versions).
 */
public final class PlainScript {

    static final String RESOURCES = "/commands/";
    /** {@code NAME=...} or {@code export NAME=...} at the start of a line: the script sets NAME while it runs. */
    private static final Pattern ASSIGNED = Pattern.compile("\\s*(?:export\\s+)?([A-Z][A-Z0-9_]*)=");
    private static final int WIDTH = 110;

    private PlainScript() {
    }

    /**
     * The whole script. Of {@code variables}, those the emitted commands use become assignments at its top, in
     * their order; the others are left out, so a one-lane script declares nothing it does not need. A step that
     * {@linkplain Step#scripted is scripted} contributes its own lines: the values its lines name are the lane's
     * (for the lanes made on {@code workspace}, which becomes {@code $WORK}), unless the step's glue sets them while
     * the script runs.
     */
    public static String render(List<Lane> lanes, Map<String, String> variables, Path workspace) {
        StringBuilder steps = new StringBuilder();
        Map<String, Lane> named = new LinkedHashMap<>();
        Set<String> setWhileRunning = new LinkedHashSet<>();
        for (Lane lane : lanes) {
            optionalResource(lane.name() + ".sh").ifPresent(prelude -> steps.append('\n').append(prelude));
            for (Step step : lane.steps()) {
                steps.append('\n').append("# ").append("-".repeat(WIDTH - 2)).append('\n');
                steps.append("# [").append(step.id()).append("] ").append(step.title()).append('\n');
                for (String line : TextWrap.wrap(step.caption(), WIDTH - 2, 0)) {
                    steps.append("# ").append(line).append('\n');
                }
                steps.append("echo ").append(Command.quote("==> [" + step.id() + "] " + step.title())).append('\n');
                Command command = step.command().get();
                List<String> lines = scriptLines(step, command);
                lines.forEach(line -> steps.append(line).append('\n'));
                // The ${NAME}s of its own lines and of its glue, which names the lane's values the same way.
                new Command(lines).variables().forEach(name -> named.putIfAbsent(name, lane));
                for (String line : lines) {
                    Matcher assigned = ASSIGNED.matcher(line);
                    if (assigned.lookingAt()) {
                        setWhileRunning.add(assigned.group(1));
                    }
                }
            }
        }
        StringBuilder values = new StringBuilder();
        named.forEach((name, lane) -> {
            if (!setWhileRunning.contains(name) && !variables.containsKey(name)) {
                values.append(name).append('=').append(value(name, lane, workspace, variables.get("REPO")))
                        .append('\n');
            }
        });
        StringBuilder body = new StringBuilder(resource("header.sh"));
        if (!values.isEmpty()) {
            body.append("\n# Values the steps' commands name, as the harness's run in this workspace has them.\n")
                    .append(values);
        }
        body.append(steps).append('\n').append(resource("footer.sh"));

        StringBuilder out = new StringBuilder();
        out.append(resource("intro.sh"));
        out.append("set -euo pipefail\n\n");
        variables.forEach((name, value) -> {
            if (Pattern.compile("\\$\\{?" + name + "\\b").matcher(body).find()) {
                // The checkout is found where the script runs: the harness's own path would not be the learner's.
                out.append(name.equals("REPO") ? resource("repo.sh") : name + "=" + Command.quote(value) + "\n");
            }
        });
        return out.append('\n').append(body).toString();
    }

    /**
     * A scripted step's lines: its glue around its own lines. A server the step starts in the background
     * ({@code ... &}) writes to a log of its own and is recorded for the exit trap, which stops it; the output of
     * each {@code mlflow run} is kept in {@code $WORK/logs/<step id>.log} ({@code -2.log} for a step's second one),
     * where the glue after it reads the run id.
     */
    private static List<String> scriptLines(Step step, Command command) {
        ScriptGlue glue = step.script().get();
        List<String> lines = new ArrayList<>(glue.before());
        for (String line : glue.instead() != null ? glue.instead() : command.asScript()) {
            if (line.endsWith(" &") && glue.instead() == null) {
                // The harness's own line already names the server's log (in the workspace: $WORK/logs) or not.
                lines.add(line.endsWith(" 2>&1 &") ? line
                        : line.substring(0, line.length() - 2) + " >\"$WORK/logs/" + step.id() + ".log\" 2>&1 &");
                lines.add("SERVERS+=(\"$!\")");
            } else {
                lines.add(line);
            }
        }
        lines.addAll(glue.after());
        int runs = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("mlflow run ")) {
                runs++;
                lines.set(i, lines.get(i) + " 2>&1 | tee \"$WORK/logs/" + step.id() + (runs == 1 ? "" : "-" + runs)
                        + ".log\"");
            }
        }
        return lines;
    }

    /** A value of the lane's as the script assigns it: paths under the workspace or the checkout relative to them. */
    private static String value(String name, Lane lane, Path workspace, String repo) {
        String value = lane.values().apply(name);
        if (value == null) {
            throw new IllegalStateException("the script needs ${" + name + "}, which lane " + lane.name()
                    + " does not know before it runs and no step's glue sets");
        }
        for (Map.Entry<String, String> root : List.of(Map.entry("WORK", workspace.toString()),
                Map.entry("REPO", repo == null ? "" : repo))) {
            if (!root.getValue().isEmpty() && (value.equals(root.getValue())
                    || value.startsWith(root.getValue() + "/"))) {
                String rest = value.substring(root.getValue().length());
                return "\"$" + root.getKey() + "\"" + (rest.isEmpty() ? "" : Command.quote(rest));
            }
        }
        return Command.quote(value);
    }

    /**
     * The values the glue and the helpers use: where the harness's checkout is (the sample projects are used from
     * there), the model's name and the thresholds, taken from the same settings the lane runs with.
     */
    public static Map<String, String> variables(RepoLayout repo, MlopsSettings settings) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("REPO", repo.root().toString());
        variables.put("MODEL", settings.modelName());
        variables.put("MIN_ACCURACY", number(settings.minAccuracy()));
        variables.put("PROMOTE_MARGIN", number(settings.promoteMargin()));
        return variables;
    }

    /** What {@code demo} runs with when given no MLOps options, so the script does what the default demo does. */
    public static MlopsSettings defaultSettings(RepoLayout repo) {
        return MlopsSettings.defaults(MlflowTarget.parse("local"), repo.venv());
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String resource(String name) {
        return optionalResource(name).orElseThrow(() -> new IllegalStateException("no " + RESOURCES + name
                + " on the classpath (harness/src/main/resources/commands/)"));
    }

    private static Optional<String> optionalResource(String name) {
        return Resources.text(PlainScript.class, RESOURCES + name)
                .map(text -> text.endsWith("\n") ? text : text + "\n");
    }
}
