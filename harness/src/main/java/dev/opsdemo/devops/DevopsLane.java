package dev.opsdemo.devops;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * The DevOps lane: what gets versioned, built, tested, released and deployed is code, and only code.
 * Each step is real: JGit commits, Maven builds, JGit pushes to a JGit HTTP remote, the jar runs.
 */
public final class DevopsLane {

    public static final String NAME = "devops";
    public static final String REPOSITORY = "sample-app.git";

    private final Workspace workspace;
    private final Path bareRepository;
    private final SampleAppRepository repository;
    private final MavenBuild build;
    private GitCredentials credentials;
    private GitRemoteServer remote;
    private CommitSummary commit;
    private AppDeployment app;
    private static final int MONITOR_CHECKS = 10;

    public DevopsLane(RepoLayout repo, Workspace workspace) {
        this.workspace = workspace;
        this.bareRepository = workspace.devops().resolve("remote").resolve(REPOSITORY);
        this.repository = new SampleAppRepository(repo.sampleApp(), workspace.devops().resolve("sample-app"));
        this.build = new MavenBuild(repository.workingCopy());
    }

    public Lane lane() {
        return new Lane(NAME, List.of(
                new Step("devops.remote", NAME, Stage.VERSION, "Start the Git remote",
                        "In DevOps the source of truth is code in Git: a remote holds its history, and only "
                                + "someone with credentials may push to it.",
                        "git init --bare devops/remote/sample-app.git   # served over HTTP on 127.0.0.1",
                        this::startRemote),
                new Step("devops.commit", NAME, Stage.VERSION, "Commit the code",
                        "DevOps versions one thing, the application's code: a commit pins exactly what will be "
                                + "built and shipped.",
                        "git add -A && git commit -m \"Release N: bump the service's release number\"",
                        this::commit),
                new Step("devops.build", NAME, Stage.BUILD, "Build and test with Maven",
                        "A code build is deterministic: the same commit always compiles to the same artifact, "
                                + "and the unit tests run as part of it.",
                        String.join(" ", MavenBuild.PACKAGE),
                        this::build),
                new Step("devops.tests", NAME, Stage.EVALUATE, "Unit-test gate",
                        "The DevOps quality gate is pass/fail on the code's behaviour; no data decides it.",
                        "cat target/surefire-reports/*.txt",
                        this::testGate),
                new Step("devops.push", NAME, Stage.RELEASE, "Push to the remote",
                        "Releasing code means pushing the tested commit: the remote now holds exactly what was "
                                + "built.",
                        "git push origin main",
                        this::push),
                new Step("devops.deploy", NAME, Stage.DEPLOY, "Deploy and health-check",
                        "Deploying code: start the artifact and check it is healthy; what runs is exactly the "
                                + "commit that was tested.",
                        "java -jar target/sample-app.jar --port PORT & curl http://127.0.0.1:PORT/health",
                        this::deploy),
                new Step("devops.monitor", NAME, Stage.MONITOR, "Monitor health and latency",
                        "DevOps monitoring asks whether the service is up and fast; the code itself cannot drift, "
                                + "so there is nothing to retrain.",
                        "for i in $(seq 10); do curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' "
                                + "http://127.0.0.1:PORT/health; sleep 0.2; done",
                        this::monitor)));
    }

    private void startRemote(StepContext context) throws Exception {
        credentials = GitCredentials.loadOrCreate(workspace.devops());
        context.secret(credentials.password());
        boolean existed = java.nio.file.Files.isRegularFile(bareRepository.resolve("HEAD"));
        remote = context.cleanup().register("Git remote (Jetty)", GitRemoteServer.start(bareRepository,
                credentials));
        context.out((existed ? "Reusing bare repository " : "Initialized empty bare repository in ")
                + bareRepository + "/");
        context.out("Serving it at " + remote.url() + " (HTTP Basic auth as user '" + credentials.username()
                + "'; anonymous pushes get 401)");
        context.fact("remoteUrl", remote.url());
        context.fact("bareRepo", bareRepository.toString());
        context.fact("branch", SampleAppRepository.BRANCH);
    }

    private void commit(StepContext context) throws Exception {
        commit = repository.commitNextRelease();
        commit.gitLines().forEach(context::out);
        context.fact("commitSha", commit.sha());
        context.fact("workingCopy", repository.workingCopy().toString());
    }

    private void build(StepContext context) throws Exception {
        build.packageWithTests(context);
        context.fact("artifact", build.jar().toString());
    }

    private void testGate(StepContext context) throws Exception {
        TestReport tests = TestReport.read(build.surefireReports());
        tests.suites().forEach(context::out);
        context.out("Tests run: " + tests.run() + ", Failures: " + tests.failed() + ", Skipped: " + tests.skipped());
        context.fact("testsRun", tests.run());
        context.fact("testsFailed", tests.failed());
        if (tests.run() == 0) {
            throw new StepFailedException("no unit tests ran", "a gate that checks nothing passes broken code",
                    "add tests to sample-app (src/test/java) and run the lane again");
        }
        if (tests.failed() > 0) {
            throw new StepFailedException("unit tests failed: " + String.join("; ", tests.failures()),
                    "a failing test stops the release", "fix the code or the test, then run the lane again");
        }
    }

    private void push(StepContext context) throws Exception {
        PushOutcome outcome = repository.push(remote.url(),
                new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password()),
                context.lines());
        outcome.lines().forEach(context::out);
        if (outcome.rejectedNonFastForward()) {
            context.out("hint: Updates were rejected because the remote contains work that you do not have locally.");
            throw new StepFailedException("the remote refused the push (non-fast-forward)",
                    "someone pushed commits to " + remote.url() + " that the working copy "
                            + repository.workingCopy() + " does not have; pushing would erase them, and the "
                            + "harness never force-pushes",
                    "integrate their work first (git pull, or use a fresh --workspace), then push again");
        }
        if (!outcome.accepted()) {
            throw new StepFailedException("the remote refused the push", "see the ref update line above",
                    "fix what the remote names and run the lane again");
        }
        String pushed = GitRemoteServer.readRef(bareRepository, "refs/heads/" + SampleAppRepository.BRANCH);
        if (!commit.sha().equals(pushed)) {
            throw new StepFailedException("the remote's main is " + pushed + ", not the commit " + commit.sha(),
                    "the push reported success but the remote does not hold the commit",
                    "inspect " + bareRepository + " with git log");
        }
        context.fact("pushedSha", pushed);
    }

    private void deploy(StepContext context) throws Exception {
        // Left running for the monitor step; its process is in the run's cleanup, stopped whatever happens.
        app = AppDeployment.start(context, build.jar());
        HttpResponse<String> health = app.get("/health");
        context.out("GET " + app.baseUrl() + "/health -> " + health.statusCode() + " " + health.body());
        HttpResponse<String> greeting = app.get("/greeting?name=learner");
        context.out("GET " + app.baseUrl() + "/greeting?name=learner -> " + greeting.statusCode() + " "
                + greeting.body());
        if (health.statusCode() != 200 || greeting.statusCode() != 200) {
            throw new StepFailedException("the deployed app is not healthy",
                    "/health answered " + health.statusCode() + ", /greeting " + greeting.statusCode(),
                    "run the jar by hand and read its output");
        }
        context.fact("appUrl", app.baseUrl());
        context.fact("health", health.body());
        context.fact("response", greeting.body());
    }

    private void monitor(StepContext context) throws Exception {
        HealthMonitor.Report report = HealthMonitor.poll(app.baseUrl() + "/health", MONITOR_CHECKS,
                java.time.Duration.ofMillis(200), context::out);
        context.out(String.format(java.util.Locale.ROOT, "uptime %d/%d checks healthy, latency p50 %d ms, max %d ms",
                report.checks() - report.failures(), report.checks(), report.p50Ms(), report.maxMs()));
        context.out("=> the service's health is all DevOps monitors: its code does not change until the next commit");
        app.close();
        context.out("Stopped the app.");
        context.fact("monitoring", java.util.Map.of("checks", report.checks(), "failures", report.failures(),
                "p50Ms", report.p50Ms()));
        if (report.failures() > 0) {
            throw new StepFailedException(report.failures() + " of " + report.checks() + " health checks failed",
                    "the deployed app stopped answering", "read the app's output above");
        }
    }
}
