package dev.opsdemo.mlops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.ScriptGlue;

import java.util.ArrayList;
import java.util.List;

import static dev.opsdemo.demo.ScriptGlue.script;

/**
 * The MLOps steps' parts of the learner's script beyond their own lines (see {@link ScriptGlue}): the server started
 * on a free port and waited for, run ids read back from {@code mlflow run}'s log, the gate's threshold, and the
 * registry calls the steps show as they make them, built by the same {@link ModelRegistry} line builders. Where the
 * harness decides in Java (register a new model or not, retrain or not, promote or not), the script decides the
 * same in bash, with the bash copies of {@link MlopsPolicy}'s rules (helpers in {@code commands/mlops.sh}, tested on
 * the same cases). The script runs the project's pinned MLflow 3, whose versions come from logged models.
 */
final class MlopsScript {

    /** The script's own local server, which asks nobody who they are. */
    private static final RestApi API = RestApi.open("${MLFLOW_TRACKING_URI}");
    private static final String INDENT = "  ";

    /** The local server of the local mode, on a free port, waited for as the harness does; $API is its REST root. */
    static final ScriptGlue SERVER = new ScriptGlue(
            List.of("MLFLOW_PORT=$(free_port)", "mkdir -p \"${STORE}\" \"${PYTHON_TMP}\"",
                    "# The venv with the project's pinned MLflow: the one active when the script started, else the",
                    "# checkout's .venv, else one made beside this script from the project's lock.",
                    "if [ -n \"${VIRTUAL_ENV:-}\" ]; then",
                    "  VENV=\"$VIRTUAL_ENV\"",
                    "  [ -x \"$VENV/bin/mlflow\" ] || { echo \"the active venv $VENV has no mlflow: deactivate it, or \""
                            + " \"install $REPO/sample-ml-project/requirements.txt into it\" >&2; exit 2; }",
                    "elif [ -x \"$REPO/.venv/bin/mlflow\" ]; then",
                    "  VENV=\"$REPO/.venv\"",
                    "else",
                    "  VENV=\"$script_dir/.venv\"",
                    "  [ -x \"$VENV/bin/mlflow\" ] || { python3 -m venv \"$VENV\" && \"$VENV/bin/pip\" install -q -r"
                            + " \"$REPO/sample-ml-project/requirements.txt\"; }",
                    "fi",
                    // Right before the step's first line, which activates the venv.
                    "# The venv is made before this line runs; shellcheck cannot read it.",
                    "# shellcheck source=/dev/null"),
            List.of("await_up \"$MLFLOW_TRACKING_URI/health\" \"${SERVERS[-1]}\" \"$WORK/logs/mlops.server.log\"",
                    "API=\"$MLFLOW_TRACKING_URI/api/2.0/mlflow\""));

    static final ScriptGlue TRAIN = ScriptGlue.after("RUN_ID=$(run_id_of \"$WORK/logs/mlops.train.log\")");

    static final ScriptGlue INSPECT = ScriptGlue.after("echo",
            "MODEL_SOURCE=$(model_source \"$RUN_ID\")",
            "MODEL_ID=\"${MODEL_SOURCE#models:/}\"");

    static final ScriptGlue GATE = ScriptGlue.after("echo",
            "ACCURACY=$(run_metric \"$RUN_ID\" accuracy)",
            "if ! passes_gate \"$ACCURACY\" \"$MIN_ACCURACY\"; then",
            "  echo \"accuracy $ACCURACY is below $MIN_ACCURACY: the model is not released\" >&2",
            "  exit 1",
            "fi");

    static final ScriptGlue SERVE = ScriptGlue.before("SERVE_PORT=$(free_port)");

    static final ScriptGlue MONITOR = ScriptGlue.after(
            "MONITOR_RUN_ID=$(run_id_of \"$WORK/logs/mlops.monitor.log\")",
            "RETRAIN_NEEDED=$(verdict \"$MONITOR_RUN_ID\" " + MonitoringVerdict.ARTIFACT + " retrain_needed)");

    private MlopsScript() {
    }

    /** After the step's GET of the registered model: create it when missing, then the version, awaited READY. */
    static ScriptGlue register(String model) {
        return ScriptGlue.after("echo",
                // -f: a 404 (no such model yet) fails the test, where the step's own GET shows the answer.
                "if ! curl -fsS \"" + API.url(ModelRegistry.registeredModelPath(model))
                        + "\" >/dev/null 2>&1; then",
                INDENT + script(API.curlPost(ModelRegistry.CREATE_MODEL,
                        ModelRegistry.modelRequest(model), ModelRegistry.CREATED_MODEL)),
                "fi",
                "CREATED=$(" + script(API.curlPost(ModelRegistry.CREATE_VERSION,
                        ModelRegistry.versionRequest(model, "${MODEL_SOURCE}", "${RUN_ID}", "${MODEL_ID}"))) + ")",
                ModelRegistry.VERSION.command() + " <<<\"$CREATED\"",
                "VERSION=$(json_get model_version.version <<<\"$CREATED\")",
                "await_ready \"$VERSION\"");
    }

    /** After the step's alias POST (whose answer has no newline): where the alias points now. */
    static ScriptGlue alias(String model) {
        return ScriptGlue.after("echo", script(API.curlGet(ModelRegistry.aliasPath(model, MlopsSettings.ALIAS),
                ModelRegistry.VERSION_ALIASES)));
    }

    /** Both of the step's commands, as monitoring's verdict chooses: retrain, or not. */
    static ScriptGlue retrain(Command retrain, Command nothing) {
        List<String> lines = new ArrayList<>(List.of("RETRAIN_RUN_ID=\"\"",
                "if retrain_needed \"$RETRAIN_NEEDED\"; then"));
        retrain.asScript().forEach(line -> lines.add(INDENT + line));
        lines.add(INDENT + "RETRAIN_RUN_ID=$(run_id_of \"$WORK/logs/mlops.retrain.log\")");
        return ScriptGlue.instead(otherwise(lines, nothing));
    }

    /** With a retrained model: register it as a version under the challenger alias; without, nothing. */
    static ScriptGlue challenger(String model, Command nothing) {
        List<String> lines = new ArrayList<>(List.of("CHALLENGER_VERSION=\"\"",
                "if [ -n \"$RETRAIN_RUN_ID\" ]; then"));
        lines.addAll(indented(
                "CHALLENGER_SOURCE=$(model_source \"$RETRAIN_RUN_ID\")",
                "CHALLENGER_MODEL_ID=\"${CHALLENGER_SOURCE#models:/}\"",
                "CREATED=$(" + script(API.curlPost(ModelRegistry.CREATE_VERSION,
                        ModelRegistry.versionRequest(model, "${CHALLENGER_SOURCE}", "${RETRAIN_RUN_ID}",
                                "${CHALLENGER_MODEL_ID}"))) + ")",
                ModelRegistry.VERSION.command() + " <<<\"$CREATED\"",
                "CHALLENGER_VERSION=$(json_get model_version.version <<<\"$CREATED\")",
                "await_ready \"$CHALLENGER_VERSION\"",
                script(API.curlPost(ModelRegistry.SET_ALIAS, ModelRegistry.aliasRequest(
                        model, MlopsSettings.CHALLENGER, "${CHALLENGER_VERSION}"))) + "; echo"));
        return ScriptGlue.instead(otherwise(lines, nothing));
    }

    /** With a challenger: evaluate both, and decide by the margin (PROMOTE) as the harness does; without, nothing. */
    static ScriptGlue evaluate(Command evaluateBoth, Command nothing) {
        List<String> lines = new ArrayList<>(List.of("PROMOTE=\"\"", "if [ -n \"$CHALLENGER_VERSION\" ]; then"));
        evaluateBoth.asScript().forEach(line -> lines.add(INDENT + line));
        lines.addAll(indented(
                "CHAMPION_SCORE=$(run_metric \"$(run_id_of \"$WORK/logs/mlops.evaluate.log\")\" eval_accuracy)",
                "CHALLENGER_SCORE=$(run_metric \"$(run_id_of \"$WORK/logs/mlops.evaluate-2.log\")\" eval_accuracy)",
                "echo \"held-out accuracy: champion v$VERSION $CHAMPION_SCORE, challenger v$CHALLENGER_VERSION"
                        + " $CHALLENGER_SCORE, margin $PROMOTE_MARGIN\"",
                "if promotes \"$CHAMPION_SCORE\" \"$CHALLENGER_SCORE\" \"$PROMOTE_MARGIN\"; then",
                INDENT + "PROMOTE=yes",
                "fi"));
        return ScriptGlue.instead(otherwise(lines, nothing));
    }

    /** The champion alias moves to the challenger when the evaluation said so; where it points is read back. */
    static ScriptGlue promote(String model, Command nothing) {
        List<String> lines = new ArrayList<>(List.of("if [ -n \"$PROMOTE\" ]; then",
                INDENT + script(ModelRegistry.setAliasLine(API, model, MlopsSettings.ALIAS, "${CHALLENGER_VERSION}"))
                        + "; echo"));
        lines = otherwise(lines, nothing);
        lines.add(script(API.curlGet(ModelRegistry.aliasPath(model, MlopsSettings.ALIAS),
                ModelRegistry.VERSION_ALIASES)));
        return ScriptGlue.instead(lines);
    }

    /** {@code lines} (an {@code if}'s branch, open) closed with an {@code else} branch of {@code nothing}. */
    private static List<String> otherwise(List<String> lines, Command nothing) {
        List<String> closed = new ArrayList<>(lines);
        closed.add("else");
        nothing.asScript().forEach(line -> closed.add(INDENT + line));
        closed.add("fi");
        return closed;
    }

    private static List<String> indented(String... lines) {
        return List.of(lines).stream().map(line -> INDENT + line).toList();
    }
}
