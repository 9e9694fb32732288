package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.opsdemo.json.Json;
import dev.opsdemo.workspace.RepoLayout;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entry points' verdicts as the harness reads them: the examples in sample-ml-project/tests/verdicts/, which
 * pytest (test_verdicts.py) holds the entry points to, read into the records strictly (an unknown field or a
 * missing one fails), so that a field renamed on either side fails a test on both.
 */
class VerdictsTest {

    private static final Path EXAMPLES = RepoLayout.locate().sampleMlProject().resolve("tests/verdicts");

    private static <T> T strictly(String file, Class<T> type) throws Exception {
        ObjectReader reader = Json.MAPPER.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        return reader.readValue(Files.readString(EXAMPLES.resolve(file)));
    }

    @Test
    void theValidationVerdictSaysWhyTheDataBreaksItsContract() throws Exception {
        ValidationVerdict verdict = strictly(ValidationVerdict.ARTIFACT, ValidationVerdict.class);
        assertFalse(verdict.passed());
        assertEquals(2000, verdict.rows());
        assertEquals(List.of("tenure_months: 60 rows below min 0",
                "usage_hours: 700 rows missing (35.0%), more than max_missing_share 0.05"), verdict.violations());
    }

    @Test
    void theMonitoringVerdictCarriesDriftDecayAndWhetherToRetrain() throws Exception {
        MonitoringVerdict verdict = strictly(MonitoringVerdict.ARTIFACT, MonitoringVerdict.class);
        assertTrue(verdict.retrainNeeded());
        assertTrue(verdict.accuracyDecayed());
        assertEquals("1", verdict.modelVersion());
        assertEquals(List.of("monthly_charges", "usage_hours"), verdict.drift().stream()
                .filter(MonitoringVerdict.FeatureDrift::drifted).map(MonitoringVerdict.FeatureDrift::feature)
                .toList());
        assertEquals(0.432, verdict.accuracyAfter(), 1e-12);
    }
}
