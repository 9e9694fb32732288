package dev.opsdemo.devops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.opsdemo.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What each DevOps step reads back from the real systems, one record per step: the step writes it
 * ({@code StepContext.record}) and the story, the reports and the practice checks read it through the same type, so
 * that a renamed field is a compile error rather than a missing line. summary.json's {@code facts.devops} holds
 * their fields side by side.
 */
public final class DevopsFacts {

    private DevopsFacts() {
    }

    /** devops.remote: the Git remote's URL, its bare repository and the branch the lane pushes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Remote(String remoteUrl, String bareRepo, String branch) {
    }

    /** devops.commit: the commit made in the working copy. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commit(String commitSha, String commitMessage, String workingCopy) {
    }

    /** devops.build: the jar Maven built. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Build(String artifact) {
    }

    /** devops.tests: Surefire's counts, read from its reports. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tests(Integer testsRun, Integer testsFailed) {
    }

    /** devops.push: what the remote's branch points at after the push, read back from the remote. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Push(String pushedSha) {
    }

    /** devops.deploy: the running app and its answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deploy(String appUrl, String health, String response) {
    }

    /** devops.monitor: the health checks' outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Monitoring(Health monitoring) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Health(int checks, int failures, long p50Ms) {
    }

    /** Every step's record, as a run left them (a step that did not run reads as a record of nulls). */
    public record Recorded(Remote remote, Commit commit, Build build, Tests tests, Push push, Deploy deploy,
                           Monitoring monitoring) {

        /** {@code lane}: summary.json's {@code facts.devops}, or a missing node. */
        public static Recorded of(JsonNode lane) {
            return new Recorded(Json.read(lane, Remote.class), Json.read(lane, Commit.class),
                    Json.read(lane, Build.class), Json.read(lane, Tests.class), Json.read(lane, Push.class),
                    Json.read(lane, Deploy.class), Json.read(lane, Monitoring.class));
        }
    }
}
