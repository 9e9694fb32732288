package dev.opsdemo.classroom;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.json.Json;
import dev.opsdemo.live.Keyboard;
import dev.opsdemo.mlflow.MlflowCredentials;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.mlops.RestApi;
import dev.opsdemo.workspace.AtomicFile;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code harness classroom}: the class's MLflow server (the stack the MLOps lane starts, or the class's own server
 * as its admin), an account a learner of the roster ({@link ClassAccounts}), each learner's lines, then the teacher's
 * view ({@link ClassView}) read again and again until the instructor stops it: on the terminal when it changes, as
 * the page the server serves ({@link TeacherPage}) and in {@code classroom/view.json}. Its files are in
 * {@code <workspace>/classroom/}; a stack's data stay in the workspace when it stops.
 */
public final class Classroom {

    public static final String ACCOUNTS_STEP = "mlops.accounts";
    public static final String PAGE_STEP = "mlops.teacher-page";

    private final Workspace workspace;
    private final MlopsSettings settings;
    private final Roster roster;
    private final Duration refresh;
    private final boolean once;
    private final MlopsLane mlops;
    private final ClassAccounts accounts;
    private final ClassView view;
    private volatile TeacherPage page;

    /** {@code settings}: the lesson's, on the class's server; {@code once}: one reading of the view, then stop. */
    public Classroom(RepoLayout repo, Workspace workspace, MlopsSettings settings, Roster roster, Duration refresh,
                     boolean once) {
        this.workspace = workspace;
        this.settings = settings;
        this.roster = roster;
        this.refresh = refresh;
        this.once = once;
        this.mlops = new MlopsLane(repo, workspace, settings);
        this.accounts = new ClassAccounts(roster, dir().resolve("learners"), settings);
        this.view = new ClassView(roster, repo, dir().resolve("view"), settings);
    }

    public Path dir() {
        return workspace.root().resolve("classroom");
    }

    public Path viewJson() {
        return dir().resolve("view.json");
    }

    /** The server step of the MLOps lane, then the accounts and the page; the lane's values fill their lines. */
    public Lane lane() {
        Lane lane = mlops.lane();
        return new Lane(lane.name(), List.of(mlops.serverStep(),
                new Step(ACCOUNTS_STEP, lane.name(), Stage.DEPLOY, "An account for each learner",
                        "A class shares one tracking server: each learner signs in as themselves and may change "
                                + "only their own namespace, while everyone can browse everyone's runs.",
                        Command.of(": an account each for the " + roster.learners().size() + " learners of "
                                + roster.file() + ", made with these calls as the server's admin"),
                        this::makeAccounts),
                new Step(PAGE_STEP, lane.name(), Stage.MONITOR, "Open the teacher's view on the server",
                        "The teacher's view reads each learner's namespace with the same checks the practice runs, "
                                + "and the server keeps it as a run's page the whole class can open.",
                        Command.of(": the view's page, as an artifact of a run in the experiment "
                                + TeacherPage.EXPERIMENT),
                        this::openPage)),
                lane.values(), lane.story(), lane.shell());
    }

    private void makeAccounts(StepContext context) throws Exception {
        accounts.make(context, mlops.trackingUri(), mlops.credentials());
        context.note("each learner, in a terminal of their own, in the checkout:");
        for (String learner : roster.learners()) {
            context.note("  " + learner + ": set -a && . " + Command.quote(accounts.file(learner).toString())
                    + " && set +a && ./scripts/harness.sh practice --mlflow " + mlops.trackingUri() + " --learner "
                    + learner);
        }
    }

    private void openPage(StepContext context) throws Exception {
        TeacherPage opened = TeacherPage.open(context, new RestApi(mlops.trackingUri(), mlops.credentials()));
        context.cleanup().register("the teacher's view (its run finished)", opened);
        page = opened;
        if (opened.link() != null) {
            context.note("the page: " + opened.link());
        }
    }

    /**
     * The view, read every {@code refresh} and printed when it changed, until Enter or q ({@code keyboard}; null or
     * at its end: only a signal stops it) or, with {@code once}, after one reading.
     */
    public Runner.Hold hold(PrintStream out, Keyboard keyboard) {
        return summary -> {
            if (!summary.passed()) {
                return;
            }
            String uri = mlops.trackingUri();
            MlflowCredentials admin = mlops.credentials();
            out.println();
            out.println("→ the teacher's view, read " + (once ? "once" : "again every " + refresh.toSeconds() + " s ("
                    + "Enter, q or Ctrl-C stops the classroom" + (stack() ? " and the stack; its data stay in "
                    + workspace.root().resolve("mlops/stack") : "") + ")") + "; also in " + viewJson()
                    + (page != null && page.link() != null ? " and at " + page.link() : ""));
            List<String> shown = null;
            boolean keys = keyboard != null;
            while (true) {
                ClassView.Reading reading = view.read(uri, admin);
                List<String> table = reading.table();
                try {
                    AtomicFile.write(viewJson(), Json.INDENTED.writeValueAsString(reading) + "\n");
                } catch (IOException e) {
                    out.println("→ the view could not be written to " + viewJson() + ": " + e.getMessage());
                }
                try {
                    if (page != null) {
                        page.publish(reading, refresh.toSeconds() + " s");
                    }
                } catch (IOException e) {
                    out.println("→ the view's page could not be uploaded: " + e.getMessage());
                }
                if (!table.equals(shown)) {
                    out.println("→ the class at " + reading.time() + ":");
                    table.forEach(out::println);
                    out.flush();
                    shown = table;
                }
                if (once) {
                    return;
                }
                if (keys) {
                    int key;
                    try {
                        key = keyboard.read(refresh);
                    } catch (IOException e) {
                        key = -1;
                    }
                    if (key == '\n' || key == '\r' || key == 'q' || key == 'Q') {
                        out.println("→ stopping the classroom");
                        return;
                    }
                    if (key == -1) {
                        keys = false;  // no one types here: a signal ends it
                    }
                } else {
                    Thread.sleep(refresh.toMillis());
                }
            }
        };
    }

    private boolean stack() {
        return settings.target().kind() == MlflowTarget.Kind.STACK;
    }
}
