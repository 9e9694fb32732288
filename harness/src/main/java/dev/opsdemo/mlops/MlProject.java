package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.opsdemo.workspace.UsageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ML project as its MLproject file declares it: each entry point's parameters and their types. The harness
 * checks what a user passes against these declarations before anything starts, so that a wrong name or a value of
 * the wrong type is a usage error (exit 2) rather than a failure 25 s into training. The declarations stay the one
 * definition: a parameter added there is accepted here. Ranges (at least 1 tree, a test share below 1) are the entry
 * points' own rules (train.py), checked where they live.
 */
public final class MlProject {

    /** MLflow's own YAML reading of the file; the harness's JSON mapper is not for YAML. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern INT = Pattern.compile("[-+]?\\d+");
    /** What Python's float() reads, less its spellings of infinity and NaN, which no parameter here means. */
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** A training data path may end in :head=N or :tail=N (train.py takes that many rows of it). */
    private static final Pattern ROWS = Pattern.compile(":(head|tail)=\\d+$");

    private final Path dir;
    /** Entry point to its parameters, name to declared type, in the file's order. */
    private final Map<String, Map<String, String>> entryPoints;

    private MlProject(Path dir, Map<String, Map<String, String>> entryPoints) {
        this.dir = dir;
        this.entryPoints = entryPoints;
    }

    /** Reads {@code dir}/MLproject. */
    public static MlProject read(Path dir) {
        JsonNode root;
        try {
            root = YAML.readTree(dir.resolve("MLproject").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("MLproject"), e);
        }
        Map<String, Map<String, String>> entryPoints = new LinkedHashMap<>();
        root.path("entry_points").fields().forEachRemaining(entry -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            entry.getValue().path("parameters").fields().forEachRemaining(parameter -> parameters.put(
                    parameter.getKey(), parameter.getValue().isTextual() ? parameter.getValue().asText()
                            : parameter.getValue().path("type").asText("string")));
            entryPoints.put(entry.getKey(), parameters);
        });
        return new MlProject(dir, entryPoints);
    }

    /** The declared parameters of {@code entryPoint}, name to type (string, int, float, path, uri). */
    public Map<String, String> parameters(String entryPoint) {
        return entryPoints.getOrDefault(entryPoint, Map.of());
    }

    /**
     * Refuses, as a usage error naming {@code option}, a parameter {@code entryPoint} does not declare or a value
     * its declared type cannot read.
     */
    public void requireParameters(String option, String entryPoint, Map<String, String> values) {
        Map<String, String> declared = parameters(entryPoint);
        values.forEach((name, value) -> {
            String type = declared.get(name);
            if (type == null) {
                throw new UsageException(option + " " + name + "=" + value + ": the MLproject's " + entryPoint
                        + " entry point has no parameter '" + name + "'", "use one of " + String.join(", ",
                        declared.keySet()) + " (sample-ml-project/MLproject)");
            }
            boolean readable = switch (type) {
                case "int" -> INT.matcher(value).matches();
                case "float" -> FLOAT.matcher(value).matches();
                default -> true;
            };
            if (!readable) {
                throw new UsageException(option + " " + name + "=" + value + ": '" + value + "' is not "
                        + (type.equals("int") ? "a whole number" : "a number") + ", and the MLproject declares "
                        + name + " as " + type, "pass e.g. " + name + "=" + (type.equals("int") ? "10" : "0.25"));
            }
        });
    }

    /**
     * Refuses, as a usage error naming {@code option}, a data file that is not there or cannot be read: each of the
     * comma-separated paths of {@code paths} (relative to the project or absolute, each maybe with :head=N or
     * :tail=N), as the entry points will open them.
     */
    public void requireDataFiles(String option, String paths) {
        for (String entry : paths.split(",", -1)) {
            String path = ROWS.matcher(entry.strip()).replaceFirst("");
            if (path.isEmpty()) {
                throw new UsageException(option + " '" + paths + "' names an empty path",
                        "pass CSV paths separated by single commas, e.g. data/train.csv");
            }
            Path file = dir.resolve(path);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                String why = Files.isDirectory(file) ? "is a directory"
                        : Files.exists(file) ? "cannot be read" : "does not exist";
                throw new UsageException(option + " " + path + ": " + file + " " + why,
                        "pass a CSV file, relative to " + dir + " or absolute (the project's own are in "
                                + dir.resolve("data") + ")");
            }
        }
    }
}
