package dev.opsdemo.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What the real MLflow Python client reads from a workspace's mlflow.db (see registry_facts.py). */
public final class MlflowWitness {

    private MlflowWitness() {
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("opsdemo.repoRoot")).toAbsolutePath().normalize();
    }

    public static JsonNode read(Path mlflowDb, String model, String experiment) throws Exception {
        return read(repoRoot().resolve(".venv"), mlflowDb, model, experiment);
    }

    /**
     * What a store holds, without what differs between two equal runs (ids, times, paths, ports): see
     * store_content.py. Two stores the same workflow left compare equal.
     */
    public static JsonNode content(Path mlflowDb) throws Exception {
        Path script = Path.of(MlflowWitness.class.getResource("/store_content.py").toURI());
        Shell.Output output = Shell.run(mlflowDb.getParent(), repoRoot().resolve(".venv/bin/python").toString(),
                script.toString(), mlflowDb.toString());
        if (output.exitCode() != 0) {
            throw new AssertionError("store_content.py failed:\n" + output.text());
        }
        return Json.MAPPER.readTree(output.lines().get(output.lines().size() - 1));
    }

    /**
     * What a running tracking server holds, read through its REST API by the same client, signed in with
     * {@code credentials} (MLflow's client settings).
     */
    public static JsonNode readServer(String trackingUri, Map<String, String> credentials, String model,
                                      String experiment) throws Exception {
        Path script = Path.of(MlflowWitness.class.getResource("/registry_facts.py").toURI());
        Shell.Output output = Shell.run(repoRoot(), credentials, Duration.ofMinutes(2),
                repoRoot().resolve(".venv/bin/python").toString(), script.toString(), trackingUri, model, experiment);
        if (output.exitCode() != 0) {
            throw new AssertionError("registry_facts.py failed:\n" + output.text());
        }
        return Json.MAPPER.readTree(output.lines().get(output.lines().size() - 1));
    }

    /** Read with the MLflow of this venv: the one that wrote the store (another would migrate its schema). */
    public static JsonNode read(Path venv, Path mlflowDb, String model, String experiment) throws Exception {
        Path script = Path.of(MlflowWitness.class.getResource("/registry_facts.py").toURI());
        Shell.Output output = Shell.run(mlflowDb.getParent(), venv.resolve("bin/python").toString(),
                script.toString(), mlflowDb.toString(), model, experiment);
        if (output.exitCode() != 0) {
            throw new AssertionError("registry_facts.py failed:\n" + output.text());
        }
        String json = output.lines().get(output.lines().size() - 1);
        return Json.MAPPER.readTree(json);
    }
}
