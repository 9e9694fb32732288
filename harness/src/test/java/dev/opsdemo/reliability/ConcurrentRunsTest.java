package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two full demos at once, in two workspaces, with ports 5000 and 8080 (MLflow's and everyone's defaults) taken:
 * both pass without touching each other, every socket either run listens on is on 127.0.0.1, the Git password
 * appears in no record and no output, and nothing is left outside the workspaces: in the checkout, or in the
 * temporary directory the runs are given.
 */
@EndToEnd
class ConcurrentRunsTest {

    private static final Pattern MODEL_SERVER = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/invocations");
    @TempDir
    Path dir;

    @Test
    void twoDemosAtOnceWithTheDefaultPortsTakenPassApartOnLoopbackOnlyWithoutLeakingTheGitPassword()
            throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        List<ServerSocket> squatters = occupy(5000, 8080);
        String sourcesBefore = sourcesStatus();
        Set<ProcessTable.Listener> socketsOne = new HashSet<>();
        Set<ProcessTable.Listener> socketsTwo = new HashSet<>();
        try (HarnessProcess a = demo(one, tmp); HarnessProcess b = demo(two, tmp)) {
            // While they run: every listening socket either process tree owns (the marker finds the whole tree).
            while (ProcessTable.withMarker(a.marker()).size() + ProcessTable.withMarker(b.marker()).size() > 0) {
                socketsOne.addAll(ProcessTable.listeningOwnedBy(ProcessTable.pidsWithMarker(a.marker())));
                socketsTwo.addAll(ProcessTable.listeningOwnedBy(ProcessTable.pidsWithMarker(b.marker())));
                Thread.sleep(300);
            }
            assertEquals(0, a.awaitExit(Duration.ofSeconds(10)), a.output());
            assertEquals(0, b.awaitExit(Duration.ofSeconds(10)), b.output());

            Set<Integer> portsOne = serverPorts(one, a);
            Set<Integer> portsTwo = serverPorts(two, b);
            assertLoopbackOnly(socketsOne, portsOne, a);
            assertLoopbackOnly(socketsTwo, portsTwo, b);
            Set<Integer> shared = new TreeSet<>(portsOne);
            shared.retainAll(portsTwo);
            assertEquals(Set.of(), shared, "the two runs served on the same ports");
            for (int taken : new int[] {5000, 8080}) {
                assertFalse(portsOne.contains(taken) || portsTwo.contains(taken), "served on taken port " + taken);
            }
            assertOwnRecords(one);
            assertOwnRecords(two);
            assertPasswordNowhere(one, a.output());
            assertPasswordNowhere(two, b.output());
            NothingLeft.assertFor(a, one);
            NothingLeft.assertFor(b, two);
        } finally {
            for (ServerSocket squatter : squatters) {
                squatter.close();
            }
        }
        assertEquals(Set.of(), entries(tmp), "left in the runs' temporary directory");
        assertEquals(sourcesBefore, sourcesStatus(), "the runs changed files in the checkout");
    }

    /**
     * A demo whose processes keep their temporary files in {@code tmp}, not the machine's /tmp, so that what
     * other programs write there meanwhile (another developer's demo, the other test JVM) is not taken for theirs:
     * TMPDIR for Python, git and the shell tools, java.io.tmpdir for every JVM (the harness, Maven and its test
     * forks, the app), which reads no TMPDIR. On a batch that does not drift: every server still starts (the
     * retraining and evaluation a drift adds start none, and take a third of the lane's time).
     */
    private static HarnessProcess demo(Path workspace, Path tmp) {
        return HarnessProcess.start(Map.of("TMPDIR", tmp.toString(), "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp),
                "demo", "--non-interactive", "--mlflow", "local", "--workspace", workspace.toString(),
                "--production-data", "data/production_reference.csv");
    }

    /** Binds the ports on 127.0.0.1 where they are free; one already taken by someone else is just as taken. */
    private static List<ServerSocket> occupy(int... ports) {
        List<ServerSocket> sockets = new ArrayList<>();
        for (int port : ports) {
            try {
                sockets.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            } catch (IOException taken) {
                // Taken already.
            }
        }
        return sockets;
    }

    /** The ports of the servers the run started, as its records and output name them. */
    private static Set<Integer> serverPorts(Path workspace, HarnessProcess harness) throws IOException {
        JsonNode facts = HarnessRun.summary(workspace).get("facts");
        Set<Integer> ports = new TreeSet<>();
        for (String url : new String[] {facts.at("/devops/remoteUrl").asText(), facts.at("/devops/appUrl").asText(),
                facts.at("/mlops/trackingUri").asText()}) {
            ports.add(URI.create(url).getPort());
        }
        Matcher model = MODEL_SERVER.matcher(harness.output());
        assertTrue(model.find(), "the model server's URL is shown");
        ports.add(Integer.parseInt(model.group(1)));
        assertEquals(4, ports.size(), "Git remote, app, MLflow server and model server: " + ports);
        return ports;
    }

    private static void assertLoopbackOnly(Set<ProcessTable.Listener> sockets, Set<Integer> serverPorts,
                                           HarnessProcess harness) {
        Set<Integer> seen = sockets.stream().map(ProcessTable.Listener::port).collect(Collectors.toSet());
        assertTrue(seen.containsAll(serverPorts), "sampled every server while it listened: servers " + serverPorts
                + ", sampled " + sockets);
        List<ProcessTable.Listener> exposed = sockets.stream()
                .filter(socket -> !socket.address().equals("127.0.0.1")).toList();
        assertEquals(List.of(), exposed, "listening beyond 127.0.0.1\n" + harness.output());
    }

    private static void assertOwnRecords(Path workspace) throws IOException {
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals("passed", summary.get("status").asText());
        assertTrue(summary.at("/facts/devops/workingCopy").asText().startsWith(workspace.toString()));
        assertTrue(summary.at("/facts/mlops/backendStore").asText().startsWith(workspace.toString()));
        assertEquals("1", summary.at("/facts/mlops/modelVersion").asText(), "its own registry, from version 1");
    }

    private static void assertPasswordNowhere(Path workspace, String output) throws IOException {
        Properties credentials = new Properties();
        try (InputStream in = Files.newInputStream(workspace.resolve("devops/git-credentials.properties"))) {
            credentials.load(in);
        }
        String password = credentials.getProperty("password");
        assertTrue(password != null && password.length() >= 8, "a generated password");
        assertFalse(output.contains(password), "the password is in the output");
        for (String record : new String[] {"summary.json", "transcript.txt", "transcript.cast", "report.md",
                "report.html"}) {
            String text = Files.readString(workspace.resolve(record));
            assertFalse(text.contains(password), "the password is in " + record);
        }
    }

    private static Set<String> entries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Git's view of where the harness could write in the checkout: the lanes' subjects (`mlflow run` runs
     * sample-ml-project, Maven builds a copy of sample-app) and new entries at the top level, where `mlflow run`
     * starts. Ignored files count too (an mlruns/ or __pycache__/ would be one). harness/ is left out: its sources
     * are edited and its target/ rebuilt by whoever works on the harness meanwhile.
     */
    private static String sourcesStatus() throws InterruptedException {
        Shell.Output status = Shell.ok(MlflowWitness.repoRoot(), "git", "status", "--porcelain", "--ignored");
        return status.lines().stream().filter(line -> {
            String path = line.substring(3);
            boolean subject = path.startsWith("sample-app/") || path.startsWith("sample-ml-project/");
            boolean newAtTop = (line.startsWith("??") || line.startsWith("!!"))
                    && (path.indexOf('/') == -1 || path.indexOf('/') == path.length() - 1);
            return subject || newAtTop;
        }).collect(Collectors.joining("\n"));
    }
}
