package dev.opsdemo.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MLOps lane's rules as inputs and expected verdicts, one file for every copy of them: the ML project's pytest,
 * MlopsPolicyTest and the exported script's test read the same {@code sample-ml-project/tests/rule_cases.json}.
 */
public final class RuleCases {

    public static final Path FILE = MlflowWitness.repoRoot().resolve("sample-ml-project/tests/rule_cases.json");

    private RuleCases() {
    }

    /** The cases of one rule: {@code retrain}, {@code gate} or {@code promote}; each names itself in "case". */
    public static List<JsonNode> of(String rule) {
        JsonNode cases;
        try {
            cases = Json.MAPPER.readTree(FILE.toFile()).path(rule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!cases.isArray() || cases.isEmpty()) {
            throw new IllegalStateException(FILE + " has no cases for the rule " + rule);
        }
        List<JsonNode> list = new ArrayList<>();
        cases.forEach(list::add);
        return list;
    }
}
