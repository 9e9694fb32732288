package dev.opsdemo.devops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.ShellContext;
import dev.opsdemo.demo.ScriptGlue;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.ChosenPort;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DevOps lane: what gets versioned, built, tested, released and deployed is code, and only code.
 * Each step is real: JGit commits, Maven builds, JGit pushes to a JGit HTTP remote, the jar runs.
 */
public final class DevopsLane {

    public static final String NAME = "devops";
    public static final String REPOSITORY = "sample-app.git";
    /** The step that starts the Git remote on the bare repository (which {@code harness ui} runs again). */
    public static final String REMOTE_STEP = "devops.remote";

    private final Workspace workspace;
    private final boolean keepRunning;
    private final GitRemote remote;
    private final SampleAppRepository repository;
    private final MavenBuild build;
    private CommitSummary commit;
    private SampleAppRepository.NextCommit next;
    /** Chosen when the deploy step's command is shown, so the line on screen names the port the app gets. */
    private final ChosenPort appPort = new ChosenPort();
    private AppDeployment app;
    /** The step that starts the app in the background, whose log is named after it (Workspace.log). */
    private static final String DEPLOY_STEP = "devops.deploy";
    private static final int MONITOR_CHECKS = 10;
    private static final double MONITOR_INTERVAL_SECONDS = 0.2;
    public DevopsLane(RepoLayout repo, Workspace workspace) {
        this(repo, workspace, false);
    }

    /** {@code keepRunning}: the app stays up after the monitor step, until the run ends (--keep-running). */
    public DevopsLane(RepoLayout repo, Workspace workspace, boolean keepRunning) {
        this.keepRunning = keepRunning;
        this.workspace = workspace;
        this.remote = new GitRemote(workspace.devops());
        this.repository = new SampleAppRepository(repo.sampleApp(), workspace.devops().resolve("sample-app"));
        this.build = new MavenBuild(repository.workingCopy());
    }

    public Lane lane() {
        return new Lane(NAME, List.of(
                new Step(REMOTE_STEP, NAME, Stage.VERSION, "Start the Git remote",
                        "In DevOps the source of truth is code in Git: a remote holds its history, and only "
                                + "someone with credentials may push to it.",
                        // The run works from the workspace: every path after this one is relative to it.
                        Command.of("cd ${WORKSPACE}", "git init --bare -b main ${BARE_REPO}"),
                        remote::start).scripted(GitRemote.GIT_DAEMON),
                new Step("devops.commit", NAME, Stage.VERSION, "Commit the code",
                        "DevOps versions one thing, the application's code: a commit pins exactly what will be "
                                + "built and shipped.",
                        this::commitCommand,
                        this::commit),
                new Step("devops.build", NAME, Stage.BUILD, "Build and test with Maven",
                        "A code build is deterministic: the same commit always compiles to the same artifact, "
                                + "and the unit tests run as part of it.",
                        Command.of(String.join(" ", MavenBuild.packageCommand("mvn", "${APP_DIR}"))),
                        this::build),
                new Step("devops.tests", NAME, Stage.EVALUATE, "Unit-test gate",
                        "The DevOps quality gate is pass/fail on the code's behaviour; no data decides it.",
                        Command.of(TestReport.countsCommand("${APP_DIR}")),
                        this::testGate),
                new Step("devops.push", NAME, Stage.RELEASE, "Push to the remote",
                        "Releasing code means pushing the tested commit: the remote now holds exactly what was "
                                + "built.",
                        () -> remote.pushCommand(repository),
                        context -> remote.push(context, repository, commit)),
                new Step(DEPLOY_STEP, NAME, Stage.DEPLOY, "Deploy and health-check",
                        "Deploying code: start the artifact and check it is healthy; what runs is exactly the "
                                + "commit that was tested.",
                        Command.of("java -jar ${APP_DIR}/target/sample-app.jar --port ${APP_PORT} > ${APP_LOG} 2>&1 &",
                                // Until the JVM listens, curl is refused and tries again silently, as the harness does.
                                "curl -s --retry 30 --retry-connrefused --retry-delay 1 "
                                        + "http://127.0.0.1:${APP_PORT}/health; echo",
                                "curl -sS 'http://127.0.0.1:${APP_PORT}/greeting?name=learner'; echo"),
                        this::deploy).scripted(ScriptGlue.before("APP_PORT=$(free_port)")),
                new Step("devops.monitor", NAME, Stage.MONITOR, "Monitor health and latency",
                        "DevOps monitoring asks whether the service is up and fast; the code itself cannot drift, "
                                + "so there is nothing to retrain.",
                        Command.of("for _ in $(seq " + MONITOR_CHECKS + "); do curl -s -o /dev/null -w "
                                + "'%{http_code} %{time_total}\\n' http://127.0.0.1:${APP_PORT}/health; sleep "
                                + MONITOR_INTERVAL_SECONDS + "; done"),
                        this::monitor)),
                this::value, new DevopsStory(), this::shell);
    }

    /**
     * An off-script shell in the working copy, where git can push and fetch with the workspace's credentials: the
     * helper reads them from their file (git's own config through the environment, so the working copy's config
     * and the environment hold no password).
     */
    private ShellContext shell() {
        return new ShellContext(repository.workingCopy(), Map.of("GIT_CONFIG_COUNT", "1",
                "GIT_CONFIG_KEY_0", "credential.helper",
                "GIT_CONFIG_VALUE_0", "store --file=" + workspace.devops().resolve(GitCredentials.STORE_FILE_NAME)));
    }

    /** This run's values for the commands' {@code ${NAME}}s; null until the step that knows one has run. */
    private String value(String name) {
        return switch (name) {
            case "WORKSPACE" -> workspace.root().toString();
            case "BARE_REPO" -> workspace.shown(remote.bareRepository());
            case "APP_DIR" -> workspace.shown(repository.workingCopy());
            case "SAMPLE_APP" -> repository.source().toString();
            case "COMMIT_MESSAGE" -> next == null ? null : next.message();
            case "RELEASE" -> next == null ? null : String.valueOf(next.release());
            case "REMOTE_URL" -> remote.url();
            // Absolute: git runs the helper in the working copy (-C), where a relative path would not find it.
            case "GIT_CREDENTIALS" -> workspace.devops().resolve(GitCredentials.STORE_FILE_NAME).toString();
            case "APP_PORT" -> String.valueOf(appPort.get());
            case "APP_LOG" -> workspace.shown(workspace.log(DEPLOY_STEP));
            default -> null;
        };
    }

    private Command commitCommand() {
        try {
            next = repository.nextCommit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working copy " + repository.workingCopy(), e);
        }
        List<String> lines = new ArrayList<>();
        if (next.fromScratch()) {
            lines.add("rm -rf ${APP_DIR} && cp -R ${SAMPLE_APP} ${APP_DIR} && rm -rf ${APP_DIR}/target");
        }
        // git -C rather than cd: the run stays in the workspace, where the other steps' paths start.
        if (next.fromScratch()) {
            lines.add("git -C ${APP_DIR} init -b " + SampleAppRepository.BRANCH);
        }
        if (next.bump()) {
            lines.add("sed -i 's/^release=.*/release=${RELEASE}/' ${APP_DIR}/" + SampleAppRepository.RELEASE_FILE);
        }
        lines.add("git -C ${APP_DIR} add -A");
        lines.add("git -C ${APP_DIR} -c user.name='" + SampleAppRepository.AUTHOR + "' -c user.email="
                + SampleAppRepository.EMAIL + " commit -m \"${COMMIT_MESSAGE}\"");
        return new Command(lines);
    }

    private void commit(StepContext context) throws Exception {
        commit = repository.commit(next);
        if (next.fromScratch()) {
            context.out("Initialized empty Git repository in " + repository.workingCopy() + "/.git/");
        }
        commit.gitLines().forEach(context::out);
        context.record(new DevopsFacts.Commit(commit.sha(), commit.message(), repository.workingCopy().toString()));
    }

    private void build(StepContext context) throws Exception {
        build.packageWithTests(context);
        context.record(new DevopsFacts.Build(build.jar().toString()));
    }

    private void testGate(StepContext context) throws Exception {
        for (String line : TestReport.countLines(build.surefireReports())) {
            context.out(line);
        }
        TestReport tests = TestReport.read(build.surefireReports());
        context.record(new DevopsFacts.Tests(tests.run(), tests.failed()));
        if (tests.run() == 0) {
            throw new StepFailedException("no unit tests ran", "a gate that checks nothing passes broken code",
                    "add tests to sample-app (src/test/java) and run the lane again");
        }
        if (tests.failed() > 0) {
            throw new StepFailedException("unit tests failed: " + String.join("; ", tests.failures()),
                    "a failing test stops the release", "fix the code or the test, then run the lane again");
        }
        context.note(tests.run() + " tests ran, " + tests.failed() + " failed, " + tests.skipped()
                + " skipped: the gate passes");
    }

    private void deploy(StepContext context) throws Exception {
        // Left running for the monitor step; its process is in the run's cleanup, stopped whatever happens.
        Path log = workspace.log(DEPLOY_STEP);
        app = AppDeployment.start(context, build.jar(), appPort.get(), log);
        HttpResponse<String> health = app.get("/health");
        context.out(health.body());
        HttpResponse<String> greeting = app.get("/greeting?name=learner");
        context.out(greeting.body());
        if (health.statusCode() != 200 || greeting.statusCode() != 200) {
            throw new StepFailedException("the deployed app is not healthy",
                    "/health answered " + health.statusCode() + ", /greeting " + greeting.statusCode(),
                    "read the app's log, " + log);
        }
        // The app's own ready line, from its log: the room sees it came up, not everything it logs.
        List<String> logged = Files.readAllLines(log);
        context.note((logged.isEmpty() ? "the app is up" : "the app's log says: " + logged.get(0)) + "; its log: "
                + log);
        context.record(new DevopsFacts.Deploy(app.baseUrl(), health.body(), greeting.body()));
    }

    private void monitor(StepContext context) throws Exception {
        HealthMonitor.Report report = HealthMonitor.poll(app.baseUrl() + "/health", MONITOR_CHECKS,
                java.time.Duration.ofMillis((long) (MONITOR_INTERVAL_SECONDS * 1000)), context::out);
        context.note(String.format(java.util.Locale.ROOT, "uptime %d/%d checks healthy, latency p50 %d ms, max %d ms",
                report.checks() - report.failures(), report.checks(), report.p50Ms(), report.maxMs()));
        context.note("the service's health is all DevOps monitors: its code does not change until the next commit");
        if (keepRunning) {
            context.note("the app keeps running (--keep-running)");
        } else {
            app.close();
            context.note("stopped the app (the java process devops.deploy started)");
        }
        context.record(new DevopsFacts.Monitoring(new DevopsFacts.Health(report.checks(), report.failures(),
                report.p50Ms())));
        if (report.failures() > 0) {
            throw new StepFailedException(report.failures() + " of " + report.checks() + " health checks failed",
                    "the deployed app stopped answering", "read the app's log, " + workspace.log(DEPLOY_STEP));
        }
    }
}
