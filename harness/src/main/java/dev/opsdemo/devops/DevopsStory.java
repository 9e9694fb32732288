package dev.opsdemo.devops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.LaneStory;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.text.CommitIds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The DevOps lane's part in the reports, read from its facts: a commit, an artifact, tests, a push, a running app
 * and its health. Each fact is shown at the stage whose question it answers; a missing one is left out.
 */
public final class DevopsStory implements LaneStory {

    @Override
    public String label() {
        return "DevOps";
    }

    @Override
    public String versioned() {
        return "code";
    }

    @Override
    public String plan() {
        return "commits the sample app with Git, builds and unit-tests it with Maven, pushes it to a Git remote, "
                + "starts the built jar and checks its health.";
    }

    @Override
    public List<String> produced(Stage stage, JsonNode recorded) {
        DevopsFacts.Recorded facts = DevopsFacts.Recorded.of(recorded);
        List<String> items = new ArrayList<>();
        switch (stage) {
            case VERSION -> add(items, facts.commit().commitSha(), sha -> "commit " + CommitIds.shortForm(sha));
            case BUILD -> add(items, facts.build().artifact(), jar -> "artifact " + artifact(jar));
            case EVALUATE -> add(items, facts.tests().testsRun(), run -> run + " tests run"
                    + (facts.tests().testsFailed() == null ? "" : ", " + facts.tests().testsFailed() + " failed"));
            case RELEASE -> add(items, facts.push().pushedSha(), sha -> "pushed " + CommitIds.shortForm(sha)
                    + (facts.remote().branch() == null ? "" : " to " + facts.remote().branch()));
            case DEPLOY -> add(items, facts.deploy().appUrl(), url -> "app at " + url);
            case MONITOR -> add(items, facts.monitoring().monitoring(), health -> (health.checks()
                    - health.failures()) + "/"
                    + health.checks() + " health checks, p50 " + health.p50Ms() + " ms");
        }
        return items;
    }

    private static <T> void add(List<String> items, T fact, java.util.function.Function<T, String> text) {
        if (fact != null) {
            items.add(text.apply(fact));
        }
    }

    /** The jar's place in the project, not the workspace's absolute path, which says nothing to a reader. */
    private static String artifact(String jar) {
        Path path = Path.of(jar);
        int names = path.getNameCount();
        return names >= 2 ? path.subpath(names - 2, names).toString() : jar;
    }
}
