package dev.opsdemo.json;

import dev.opsdemo.mlops.ModelRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness prints what jq prints, for the filters the steps show (see {@link JqCases}). */
class JqTest {

    @Test
    void printsWhatJqPrintedForEachCase() throws IOException {
        for (JqCases c : JqCases.all()) {
            assertEquals(JqCases.resource(c.expected()).lines().toList(), c.jq().apply(JqCases.resource(c.input())),
                    c.expected());
        }
    }

    @Test
    void everyFilterTheRegistryShowsHasACase() throws IOException {
        List<Jq> checked = JqCases.all().stream().map(JqCases::jq).toList();
        for (Jq shown : List.of(ModelRegistry.RUN_LINEAGE, ModelRegistry.METRIC_VALUES, ModelRegistry.MODEL_OR_ERROR,
                ModelRegistry.CREATED_MODEL, ModelRegistry.VERSION, ModelRegistry.VERSION_ALIASES)) {
            assertTrue(checked.contains(shown), "no case in jq/cases.tsv for " + shown.command());
        }
    }

    @Test
    void theShownPipeIsTheFilterInSingleQuotes() {
        assertEquals("| jq '.run'", Jq.indented(".run").pipe());
        assertEquals("| jq -c '.model_version | {version}'", Jq.compact(".model_version | {version}").pipe());
    }

    @Test
    void aFilterTheLineCouldNotShowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Jq.compact(".[\"it's\"]"));
        assertThrows(IllegalArgumentException.class, () -> Jq.compact(".run | {"));
    }
}
