package dev.opsdemo.devops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Practice;
import dev.opsdemo.demo.ShellContext;
import dev.opsdemo.demo.ScriptGlue;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.ChosenPort;
import dev.opsdemo.exec.Http;
import dev.opsdemo.text.CommitIds;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
    /** The unit-test reports as the test step last read them. */
    private TestReport testsRead;
    private SampleAppRepository.NextCommit next;
    /** The working copy's HEAD when the commit step began (null: none), which a new commit must move. */
    private String headBefore;
    /** Chosen when the deploy step's command is shown, so the line on screen names the port the app gets. */
    private final ChosenPort appPort = new ChosenPort();
    private AppDeployment app;
    /** The deployed app's address, whoever started it (the deploy step, or the learner in practice). */
    private String appUrl;
    private static final String HEALTH = "/health";
    private static final String GREETING = "/greeting?name=learner";
    private static final java.time.Duration ANSWER_TIMEOUT = java.time.Duration.ofSeconds(5);
    /** The step that starts the app in the background, whose log is named after it (Workspace.log). */
    private static final String DEPLOY_STEP = "devops.deploy";
    private static final int MONITOR_CHECKS = 10;
    private static final double MONITOR_INTERVAL_SECONDS = 0.2;
    public DevopsLane(RepoLayout repo, Workspace workspace) {
        this(repo, workspace, false);
    }

    /** {@code keepRunning}: the app stays up after the monitor step, until the run ends (--keep-running). */
    public DevopsLane(RepoLayout repo, Workspace workspace, boolean keepRunning) {
        this(repo, workspace, keepRunning, null);
    }

    /**
     * {@code gitRemote}: an existing remote to push to ({@code --git-remote}, checked with {@link #gitRemote}), or
     * null for the one the lane serves itself.
     */
    public DevopsLane(RepoLayout repo, Workspace workspace, boolean keepRunning, URI gitRemote) {
        this.keepRunning = keepRunning;
        this.workspace = workspace;
        this.repository = new SampleAppRepository(repo.sampleApp(), workspace.devops().resolve("sample-app"));
        this.remote = GitRemote.of(workspace, repository.workingCopy(), gitRemote);
        this.build = new MavenBuild(repository.workingCopy());
    }

    public Lane lane() {
        return new Lane(NAME, List.of(
                new Step(REMOTE_STEP, NAME, Stage.VERSION, remote.title(),
                        "In DevOps the source of truth is code in Git: a remote holds its history, and only "
                                + "someone with credentials may push to it.",
                        // The run works from the workspace: every path after this one is relative to it.
                        remote.startCommand(),
                        remote::start).scripted(remote.script()),
                new Step("devops.commit", NAME, Stage.VERSION, "Commit the code",
                        "DevOps versions one thing, the application's code: a commit pins exactly what will be "
                                + "built and shipped.",
                        this::commitCommand,
                        this::commit).practised(this::checkCommit,
                        "Type the lines in order: the commit records what `git add -A` staged.",
                        "`git -C devops/sample-app status` lists what is not committed yet; `git -C "
                                + "devops/sample-app log --oneline -1` shows the commit you made."),
                new Step("devops.build", NAME, Stage.BUILD, "Build and test with Maven",
                        "A code build is deterministic: the same commit always compiles to the same artifact, "
                                + "and the unit tests run as part of it.",
                        Command.of(String.join(" ", MavenBuild.packageCommand("mvn", "${APP_DIR}"))),
                        this::build).practised(this::checkBuild,
                        "Maven prints BUILD SUCCESS at the end when the jar is made; BUILD FAILURE says why not.",
                        "The jar is devops/sample-app/target/sample-app.jar; build again after every commit."),
                new Step("devops.tests", NAME, Stage.EVALUATE, "Unit-test gate",
                        "The DevOps quality gate is pass/fail on the code's behaviour; no data decides it.",
                        Command.of(TestReport.countsCommand("${APP_DIR}")),
                        this::testGate).practised(this::checkTests,
                        "The counts come from the reports the build's tests wrote: no build, no reports.",
                        "A FAILURE line names the test class; its report in "
                                + "devops/sample-app/target/surefire-reports says which assertion failed.")
                        .askingBack("How many unit tests ran, in all?", this::wrongTestCount),
                new Step("devops.push", NAME, Stage.RELEASE, "Push to the remote",
                        "Releasing code means pushing the tested commit: the remote now holds exactly what was "
                                + "built.",
                        () -> remote.pushCommand(repository),
                        context -> remote.push(context, repository, commit)).practised(this::checkPush,
                        remote.pushHint(),
                        "`git -C devops/sample-app ls-remote origin` shows what the remote's main points at now."),
                new Step(DEPLOY_STEP, NAME, Stage.DEPLOY, "Deploy and health-check",
                        "Deploying code: start the artifact and check it is healthy; what runs is exactly the "
                                + "commit that was tested.",
                        Command.of("java -jar ${APP_DIR}/target/sample-app.jar --port ${APP_PORT} > ${APP_LOG} 2>&1 &",
                                // Until the JVM listens, curl is refused and tries again silently, as the harness does.
                                "curl -s --retry 30 --retry-connrefused --retry-delay 1 "
                                        + "http://127.0.0.1:${APP_PORT}/health; echo",
                                "curl -sS 'http://127.0.0.1:${APP_PORT}/greeting?name=learner'; echo"),
                        this::deploy).scripted(ScriptGlue.before("APP_PORT=$(free_port)"))
                        .practised(this::checkDeploy,
                                "The & starts the app in the background of your shell; `jobs` lists it.",
                                "If nothing answers, read the app's log (the file after >): a port already taken "
                                        + "says so there."),
                new Step("devops.monitor", NAME, Stage.MONITOR, "Monitor health and latency",
                        "DevOps monitoring asks whether the service is up and fast; the code itself cannot drift, "
                                + "so there is nothing to retrain.",
                        Command.of("for _ in $(seq " + MONITOR_CHECKS + "); do curl -s -o /dev/null -w "
                                + "'%{http_code} %{time_total}\\n' http://127.0.0.1:${APP_PORT}/health; sleep "
                                + MONITOR_INTERVAL_SECONDS + "; done"),
                        this::monitor).practised(this::checkMonitor,
                        "Each line is one health check: 200 and the seconds it took.",
                        "The app you started must still run: `jobs` in your shell shows it.")),
                this::value, new DevopsStory(), this::shell);
    }

    /** An off-script shell in the working copy, where git can push to the remote and fetch from it. */
    private ShellContext shell() {
        return new ShellContext(repository.workingCopy(), remote.shellEnvironment());
    }

    /**
     * The URL {@code --git-remote} takes: http(s), a host and a repository, no credentials in it.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static URI gitRemote(String url) {
        return ExistingGitRemote.parse(url);
    }

    /** This run's values for the commands' {@code ${NAME}}s; null until the step that knows one has run. */
    private String value(String name) {
        return switch (name) {
            case "WORKSPACE" -> workspace.root().toString();
            case "BARE_REPO" -> remote.bareRepository() == null ? null : workspace.shown(remote.bareRepository());
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
            CommitSummary head = repository.head();
            headBefore = head == null ? null : head.sha();
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
        repository.commit(next);
        if (next.fromScratch()) {
            context.out("Initialized empty Git repository in " + repository.workingCopy() + "/.git/");
        }
        recordCommit(context, repository.head());
        commit.gitLines().forEach(context::out);
    }

    /** The commit the later steps build and push, as the commit step reads it back, done by whoever. */
    private void recordCommit(StepContext context, CommitSummary head) {
        commit = head;
        context.record(new DevopsFacts.Commit(commit.sha(), commit.message(), repository.workingCopy().toString()));
    }

    private List<Practice.Unmet> checkCommit(StepContext context, Instant since) throws Exception {
        String copy = workspace.shown(repository.workingCopy());
        CommitSummary head = repository.head();
        if (head == null) {
            return List.of(Practice.Unmet.of(copy + (Files.isDirectory(repository.workingCopy().resolve(".git"))
                    ? " has no commit yet" : " is not a Git repository yet")));
        }
        List<Practice.Unmet> unmet = new ArrayList<>();
        if (head.sha().equals(headBefore)) {
            unmet.add(Practice.Unmet.of(copy + "'s HEAD is still " + head.shortSha() + ": nothing new is committed"));
        }
        List<String> uncommitted = repository.uncommitted();
        if (!uncommitted.isEmpty()) {
            unmet.add(Practice.Unmet.of(copy + " has changes no commit holds: " + String.join(", ",
                    uncommitted.subList(0, Math.min(3, uncommitted.size())))
                    + (uncommitted.size() > 3 ? " and " + (uncommitted.size() - 3) + " more" : "")));
        }
        if (unmet.isEmpty()) {
            recordCommit(context, head);
            context.note("HEAD is " + head.shortSha() + " \"" + head.message() + "\"");
        }
        return unmet;
    }

    private void build(StepContext context) throws Exception {
        build.packageWithTests(context);
        recordBuild(context);
    }

    private void recordBuild(StepContext context) {
        context.record(new DevopsFacts.Build(build.jar().toString()));
    }

    private List<Practice.Unmet> checkBuild(StepContext context, Instant since) throws Exception {
        String jar = workspace.shown(build.jar());
        if (!Files.isRegularFile(build.jar())) {
            return List.of(Practice.Unmet.of(jar + " does not exist: the build has not run, or it failed (Maven's "
                    + "last lines say why)"));
        }
        CommitSummary head = repository.head();
        if (head != null && Files.getLastModifiedTime(build.jar()).toInstant().isBefore(head.committed())) {
            return List.of(Practice.Unmet.of(jar + " was built before the commit " + head.shortSha()
                    + ": it is not what HEAD holds; build again"));
        }
        recordBuild(context);
        context.note(jar + " is built from " + (head == null ? "the working copy" : head.shortSha()));
        return List.of();
    }

    /** Surefire's counts as the test gate reads them, recorded. */
    private TestReport readTests(StepContext context) throws Exception {
        testsRead = TestReport.read(build.surefireReports());
        context.record(new DevopsFacts.Tests(testsRead.run(), testsRead.failed()));
        return testsRead;
    }

    private List<Practice.Unmet> checkTests(StepContext context, Instant since) throws Exception {
        TestReport tests = readTests(context);
        if (tests.run() == 0) {
            return List.of(Practice.Unmet.of("no test report in " + workspace.shown(build.surefireReports())
                    + ": the build runs the tests"));
        }
        if (tests.failed() > 0) {
            return List.of(Practice.Unmet.of("unit tests failed: " + String.join("; ", tests.failures())
                    + "; fix the code or the test, commit, and build again"));
        }
        context.note(tests.run() + " tests ran, " + tests.failed() + " failed: the gate passes");
        return List.of();
    }

    /** The test step's question back: the number of tests, added up from the count lines. */
    private String wrongTestCount(String answer) {
        try {
            if (Integer.parseInt(answer) == testsRead.run()) {
                return null;
            }
        } catch (NumberFormatException e) {
            return answer + " is not a number of tests";
        }
        return "the reports do not add up to " + answer + " tests: each Tests run: line counts one test class's";
    }

    private List<Practice.Unmet> checkPush(StepContext context, Instant since) throws Exception {
        String pushed = remote.branchHead(context, false);
        CommitSummary head = repository.head();
        if (pushed == null) {
            return List.of(Practice.Unmet.of("the remote has no " + SampleAppRepository.BRANCH + " yet: nothing "
                    + "was pushed to " + remote.url()));
        }
        if (head == null || !pushed.equals(head.sha())) {
            return List.of(Practice.Unmet.of("the remote's " + SampleAppRepository.BRANCH + " is still "
                    + CommitIds.shortForm(pushed) + (head == null ? "" : ", not your HEAD " + head.shortSha())));
        }
        TestReport tests = TestReport.read(build.surefireReports());
        if (tests.run() == 0 || tests.failed() > 0) {
            return List.of(Practice.Unmet.mistake("the remote's " + SampleAppRepository.BRANCH + " is "
                    + head.shortSha() + ", a commit whose unit tests " + (tests.run() == 0 ? "never ran"
                    : "fail: " + String.join("; ", tests.failures())),
                    "pushing while a unit test fails releases broken code: in DevOps the unit-test gate is what "
                            + "stands between a commit and the remote. Fix the test, commit, build, and push again"));
        }
        commit = head;
        context.record(new DevopsFacts.Push(pushed));
        context.note("the remote's " + SampleAppRepository.BRANCH + " is " + head.shortSha() + ", the commit that "
                + "was built and tested");
        return List.of();
    }

    private void testGate(StepContext context) throws Exception {
        for (String line : TestReport.countLines(build.surefireReports())) {
            context.out(line);
        }
        TestReport tests = readTests(context);
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
        appUrl = app.baseUrl();
        AppAnswers answers = readDeployment(context, true);
        if (!answers.healthy()) {
            throw new StepFailedException("the deployed app is not healthy",
                    "/health answered " + answers.health().statusCode() + ", /greeting "
                            + answers.greeting().statusCode(), "read the app's log, " + log);
        }
        // The app's own ready line, from its log: the room sees it came up, not everything it logs.
        List<String> logged = Files.readAllLines(log);
        context.note((logged.isEmpty() ? "the app is up" : "the app's log says: " + logged.get(0)) + "; its log: "
                + log);
    }

    /** The deployed app's answers to the deploy step's two requests. */
    private record AppAnswers(HttpResponse<String> health, HttpResponse<String> greeting) {
        boolean healthy() {
            return health.statusCode() == 200 && greeting.statusCode() == 200;
        }
    }

    /**
     * The deployed app's answers to /health and /greeting, recorded when both are 200; {@code shown}: the answers
     * are the step's output (the demo's curls), else the learner's curls showed them in their own shell.
     */
    private AppAnswers readDeployment(StepContext context, boolean shown) throws Exception {
        AppAnswers answers = new AppAnswers(Http.get(appUrl + HEALTH, ANSWER_TIMEOUT),
                Http.get(appUrl + GREETING, ANSWER_TIMEOUT));
        if (shown) {
            context.out(answers.health().body());
            context.out(answers.greeting().body());
        }
        if (answers.healthy()) {
            context.record(new DevopsFacts.Deploy(appUrl, answers.health().body(), answers.greeting().body()));
        }
        return answers;
    }

    /** The app the learner started on the shown port, read as the deploy step reads the one it starts. */
    private List<Practice.Unmet> checkDeploy(StepContext context, Instant since) throws Exception {
        String url = "http://127.0.0.1:" + appPort.get();
        appUrl = url;
        AppAnswers answers;
        try {
            answers = readDeployment(context, false);
        } catch (IOException e) {
            appUrl = null;
            return List.of(Practice.Unmet.of("nothing answers at " + url + HEALTH + " yet (an app takes a few "
                    + "seconds to start: check again; its log is " + workspace.shown(workspace.log(DEPLOY_STEP))
                    + ")"));
        }
        if (!answers.healthy()) {
            appUrl = null;
            return List.of(Practice.Unmet.of(url + " answers /health with " + answers.health().statusCode()
                    + " and /greeting with " + answers.greeting().statusCode() + ", not 200"));
        }
        context.note("the app at " + url + " answers " + answers.health().body());
        return List.of();
    }

    private HealthMonitor.Report readMonitoring(StepContext context) throws InterruptedException {
        HealthMonitor.Report report = HealthMonitor.poll(appUrl + HEALTH, MONITOR_CHECKS,
                java.time.Duration.ofMillis((long) (MONITOR_INTERVAL_SECONDS * 1000)), context::out);
        context.record(new DevopsFacts.Monitoring(new DevopsFacts.Health(report.checks(), report.failures(),
                report.p50Ms())));
        return report;
    }

    /**
     * The learner's loop, as the app's access log shows it (every one of its checks since the step began); then the
     * check polls the app as the demo's step does, for the step's facts.
     */
    private List<Practice.Unmet> checkMonitor(StepContext context, Instant since) throws Exception {
        if (appUrl == null) {
            return List.of(Practice.Unmet.of("no app is deployed to monitor: devops.deploy was skipped"));
        }
        Path log = workspace.log(DEPLOY_STEP);
        if (!Files.exists(log)) {
            return List.of(Practice.Unmet.of("the app's log " + workspace.shown(log) + " is not there: start the "
                    + "app as devops.deploy shows, its output sent there"));
        }
        int checked = AccessLog.read(log).checksSince(HEALTH, since).size();
        if (checked < MONITOR_CHECKS) {
            return List.of(Practice.Unmet.of("the app's log (" + workspace.shown(log) + ") shows " + checked
                    + " health checks since this step began, not the loop's " + MONITOR_CHECKS + ": run it, and let "
                    + "it finish"));
        }
        context.note("the app's log shows your " + checked + " health checks: its access log is what DevOps "
                + "monitoring reads, with the health answers");
        HealthMonitor.Report report = readMonitoring(context);
        if (report.failures() > 0) {
            return List.of(Practice.Unmet.of(report.failures() + " of " + report.checks() + " health checks of "
                    + appUrl + " failed: is the app you started still running (`jobs`)?"));
        }
        context.note("uptime " + report.checks() + "/" + report.checks() + " checks healthy: monitoring reads the "
                + "service's health, since its code cannot drift; stop the app with `kill %1` in your shell");
        return List.of();
    }

    private void monitor(StepContext context) throws Exception {
        HealthMonitor.Report report = readMonitoring(context);
        context.note(String.format(java.util.Locale.ROOT, "uptime %d/%d checks healthy, latency p50 %d ms, max %d ms",
                report.checks() - report.failures(), report.checks(), report.p50Ms(), report.maxMs()));
        context.note("the service's health is all DevOps monitors: its code does not change until the next commit");
        if (keepRunning) {
            context.note("the app keeps running (--keep-running)");
        } else if (app == null) {
            context.note("the app you started keeps running: stop it with `kill %1` in your shell");
        } else {
            app.close();
            context.note("stopped the app (the java process devops.deploy started)");
        }
        if (report.failures() > 0) {
            throw new StepFailedException(report.failures() + " of " + report.checks() + " health checks failed",
                    "the deployed app stopped answering", "read the app's log, " + workspace.log(DEPLOY_STEP));
        }
    }
}
