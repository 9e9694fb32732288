package dev.opsdemo.mlops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataValidationTest {

    static final Path PROJECT = Path.of(System.getProperty("opsdemo.repoRoot"), "sample-ml-project");
    static DataContract contract;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadContract() throws Exception {
        contract = DataContract.load(PROJECT.resolve("data/schema.json"));
    }

    static ValidationResult check(String file) throws Exception {
        return DataValidation.validate(PROJECT.resolve(file), contract);
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/train.csv", "data/production_reference.csv", "data/production_shifted.csv"})
    void validDataPasses(String file) throws Exception {
        ValidationResult result = check(file);
        assertTrue(result.passed(), result.summary());
        assertEquals(file.contains("train") ? 2000 : 500, result.rows());
        assertTrue(result.report().get(0).endsWith(": passed"), result.report().get(0));
        assertTrue(result.report().stream().noneMatch(line -> line.contains("FAIL")), String.join("\n",
                result.report()));
    }

    @Test
    void corruptedDataFailsOnNegativeTenureAndMissingUsage() throws Exception {
        ValidationResult result = check("data/corrupted.csv");
        assertFalse(result.passed());
        assertEquals(List.of(
                new Violation("tenure_months", Violation.Rule.MIN, 60, "tenure_months: 60 rows below min 0"),
                new Violation("usage_hours", Violation.Rule.MAX_MISSING_SHARE, 700,
                        "usage_hours: 700 rows missing (35.0%), more than max_missing_share 0.05")),
                result.violations());
        String report = String.join("\n", result.report());
        assertTrue(report.contains("FAILED, 2 violations"), report);
        assertTrue(report.contains(">= 0 FAIL (60 rows)"), report);
        assertTrue(report.contains("<= 5.0% FAIL (700 rows = 35.0%)"), report);
    }

    @Test
    void anEmptyFileFailsOnMinRows() throws Exception {
        ValidationResult result = check("data/empty.csv");
        assertEquals(1, result.violations().size(), result.summary());
        Violation violation = result.violations().get(0);
        assertEquals(Violation.TABLE, violation.column());
        assertEquals(Violation.Rule.MIN_ROWS, violation.rule());
        assertEquals(0, violation.rows());
        assertEquals(PROJECT.resolve("data/empty.csv") + ": 0 rows, fewer than min_rows 100", violation.message());
    }

    @Test
    void aMissingRequiredColumnFails() throws Exception {
        CsvTable train = CsvTable.read(PROJECT.resolve("data/train.csv"));
        int label = train.indexOf("churned");
        CsvTable withoutLabel = new CsvTable(train.columns().subList(0, label),
                train.rows().stream().map(row -> row.subList(0, label)).toList());
        ValidationResult result = DataValidation.validate("no-label.csv", withoutLabel, contract);
        assertEquals(List.of(new Violation("churned", Violation.Rule.REQUIRED, 2000,
                "churned: required column missing from the header")), result.violations());
        assertTrue(result.report().stream().anyMatch(line -> line.contains("churned (label)")
                && line.contains("FAIL (missing)")), String.join("\n", result.report()));
    }

    @Test
    void aNonNumericValueFailsOnType() throws Exception {
        CsvTable train = CsvTable.read(PROJECT.resolve("data/train.csv"));
        List<List<String>> rows = new ArrayList<>(train.rows());
        List<String> row = new ArrayList<>(rows.get(4));
        row.set(train.indexOf("tenure_months"), "abc");
        rows.set(4, row);
        List<String> decimal = new ArrayList<>(rows.get(5));
        decimal.set(train.indexOf("support_calls"), "2.5");
        rows.set(5, decimal);
        ValidationResult result = DataValidation.validate("typo.csv", new CsvTable(train.columns(), rows), contract);
        assertEquals(List.of(
                new Violation("tenure_months", Violation.Rule.TYPE, 1, "tenure_months: 1 row not of type int, e.g. 'abc'"),
                new Violation("support_calls", Violation.Rule.TYPE, 1,
                        "support_calls: 1 row not of type int, e.g. '2.5'")),
                result.violations());
    }

    @Test
    void valuesOnTheBoundsPassAndBeyondThemFail() throws Exception {
        Path csv = dir.resolve("bounds.csv");
        StringBuilder text = new StringBuilder("tenure_months,monthly_charges,support_calls,usage_hours,"
                + "late_payments,churned\n");
        for (int i = 0; i < 100; i++) {
            text.append(i % 2 == 0 ? "0,0.0,0,0,0,0\n" : "120,250,30,744.0,12,1\n");
        }
        Files.writeString(csv, text);
        assertTrue(DataValidation.validate(csv, contract).passed());

        Files.writeString(csv, text + "121,250.01,30,,12,2\n");
        ValidationResult result = DataValidation.validate(csv, contract);
        assertEquals(List.of("tenure_months: 1 row above max 120", "monthly_charges: 1 row above max 250",
                "churned: 1 row above max 1"), result.violations().stream().map(Violation::message).toList());
    }

    @Test
    void theDataParameterIsReadLikeTheTrainingReadsIt() throws Exception {
        CsvTable train = CsvTable.read(PROJECT.resolve("data/train.csv"));
        CsvTable shifted = CsvTable.read(PROJECT.resolve("data/production_shifted.csv"));

        CsvTable both = DataValidation.readData(PROJECT, "data/train.csv,data/production_shifted.csv:head=300");
        assertEquals(train.columns(), both.columns());
        assertEquals(2300, both.rows().size());
        assertEquals(train.rows().get(0), both.rows().get(0));
        assertEquals(shifted.rows().get(0), both.rows().get(2000));
        assertEquals(shifted.rows().get(299), both.rows().get(2299));

        CsvTable tail = DataValidation.readData(PROJECT, " data/production_shifted.csv:tail=200 ");
        assertEquals(shifted.rows().subList(300, 500), tail.rows());
        assertEquals(500, DataValidation.readData(PROJECT, "data/production_shifted.csv:head=9999").rows().size());

        ValidationResult result = DataValidation.validateData(PROJECT,
                "data/train.csv,data/production_shifted.csv:head=300", contract);
        assertTrue(result.passed(), result.summary());
        assertEquals("data/train.csv,data/production_shifted.csv:head=300", result.source());
        assertFalse(DataValidation.validateData(PROJECT, "data/train.csv,data/corrupted.csv", contract).passed());
    }

    @Test
    void filesAreJoinedByColumnName() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "x,y,extra\n1,2,3\n");
        Files.writeString(dir.resolve("b.csv"), "y,x\n4,5\n");
        CsvTable table = DataValidation.readData(dir, "a.csv,b.csv");
        assertEquals(List.of("x", "y"), table.columns());
        assertEquals(List.of(List.of("1", "2"), List.of("5", "4")), table.rows());
    }

    @Test
    void aPathThatDoesNotExistFailsClearly() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> DataValidation.readData(PROJECT, "data/train.csv,data/nope.csv:head=10"));
        assertEquals("data/nope.csv", e.getFile());
        assertTrue(e.getMessage().contains("data file not found"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "data/train.csv,", ",data/train.csv", "data/train.csv,,data/train.csv"})
    void anEmptyEntryIsRefused(String data) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataValidation.readData(PROJECT, data));
        assertTrue(e.getMessage().startsWith("data must be one or more comma-separated CSV paths"), e.getMessage());
    }
}
