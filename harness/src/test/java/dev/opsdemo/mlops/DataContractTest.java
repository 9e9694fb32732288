package dev.opsdemo.mlops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataContractTest {

    static final Path PROJECT = Path.of(System.getProperty("opsdemo.repoRoot"), "sample-ml-project");

    @TempDir
    Path dir;

    @Test
    void theSampleProjectsContractIsRead() throws Exception {
        DataContract contract = DataContract.load(PROJECT.resolve("data/schema.json"));
        assertEquals("churned", contract.label());
        assertEquals(100, contract.minRows());
        assertEquals(List.of("tenure_months", "monthly_charges", "support_calls", "usage_hours", "late_payments",
                "churned"), contract.requiredColumns());
        assertEquals(List.of("tenure_months", "monthly_charges", "support_calls", "usage_hours", "late_payments"),
                contract.features());
        assertEquals(new ColumnRule("usage_hours", ColumnRule.Type.FLOAT, 0.0, 744.0, 0.05),
                contract.column("usage_hours").orElseThrow());
        assertEquals(new ColumnRule("tenure_months", ColumnRule.Type.INT, 0, 120, 0.0),
                contract.column("tenure_months").orElseThrow());
    }

    @Test
    void aMalformedContractIsRefusedNamingTheProblem() throws Exception {
        Path schema = dir.resolve("schema.json");
        Files.writeString(schema, """
                {"label": "y", "min_rows": 1, "required_columns": ["x"],
                 "columns": [{"name": "x", "type": "text", "min": 0, "max": 1, "max_missing_share": 0.0}]}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataContract.load(schema));
        assertTrue(e.getMessage().contains("column 'x'") && e.getMessage().contains("'text'"), e.getMessage());

        Files.writeString(schema, """
                {"label": "y", "min_rows": 1, "required_columns": ["x"],
                 "columns": [{"name": "x", "type": "int", "min": 5, "max": 1, "max_missing_share": 0.0}]}
                """);
        e = assertThrows(IllegalArgumentException.class, () -> DataContract.load(schema));
        assertTrue(e.getMessage().contains("greater than max"), e.getMessage());

        Files.writeString(schema, """
                {"label": "y", "required_columns": [], "columns": []}
                """);
        e = assertThrows(IllegalArgumentException.class, () -> DataContract.load(schema));
        assertTrue(e.getMessage().contains("min_rows"), e.getMessage());
    }
}
