package dev.opsdemo.mlops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftTest {

    static final Path DATA = Path.of(System.getProperty("opsdemo.repoRoot"), "sample-ml-project/data");
    static DataContract contract;
    static CsvTable train;

    @BeforeAll
    static void load() throws Exception {
        contract = DataContract.load(DATA.resolve("schema.json"));
        train = CsvTable.read(DATA.resolve("train.csv"));
    }

    static double[] normal(long seed, int n, double mean) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + random.nextGaussian();
        }
        return values;
    }

    @Test
    void identicalSamplesHaveNoDrift() {
        double[] sample = normal(1, 2000, 0.0);
        assertEquals(0.0, Drift.psi(sample, sample.clone()), 1e-12);
        assertEquals(0.0, Drift.ks(sample, sample.clone()), 1e-12);
    }

    @Test
    void twoSamplesOfOneDistributionStayBelowTheThresholds() {
        double[] reference = normal(1, 5000, 0.0);
        double[] production = normal(2, 5000, 0.0);
        assertTrue(Drift.psi(reference, production) < 0.02, "psi " + Drift.psi(reference, production));
        assertTrue(Drift.ks(reference, production) < 0.05, "ks " + Drift.ks(reference, production));
    }

    @Test
    void aShiftedNormalIsLargeDrift() {
        double[] reference = normal(1, 5000, 0.0);
        double[] production = normal(2, 1000, 1.0);
        assertTrue(Drift.psi(reference, production) > 0.5, "psi " + Drift.psi(reference, production));
        // D of N(0,1) vs N(1,1) is 2 * Phi(0.5) - 1 = 0.383.
        assertEquals(0.383, Drift.ks(reference, production), 0.04);
    }

    @Test
    void ksHandlesDisjointSamplesAndTies() {
        assertEquals(1.0, Drift.ks(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-12);
        // F1(0) = 2/3, F2(0) = 1/3; at 1 both reach 1.
        assertEquals(1.0 / 3.0, Drift.ks(new double[] {0, 0, 1}, new double[] {0, 1, 1}), 1e-12);
    }

    @Test
    void psiGivesAnEmptyBinTheEpsilonShare() {
        double[] reference = new double[100];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = i;
        }
        // All production values fall into the reference's lowest decile: the nine other bins are empty.
        double[] production = {0, 1, 2, 3, 4, 5};
        double expected = (1.0 - 0.1) * Math.log(1.0 / 0.1) + 9 * (Drift.EPSILON - 0.1) * Math.log(Drift.EPSILON / 0.1);
        assertEquals(expected, Drift.psi(reference, production), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Drift.psi(reference, new double[0]));
    }

    @Test
    void productionDataFromTheSameWorldHasNoDrift() throws Exception {
        DriftReport report = Drift.compare(train, CsvTable.read(DATA.resolve("production_reference.csv")), contract);
        assertEquals(contract.features(), report.features().stream().map(FeatureDrift::name).toList());
        assertFalse(report.drifted(), String.join("\n", report.lines()));
        assertEquals(List.of(), report.driftedFeatures());
    }

    @Test
    void theShiftedBatchDriftsOnChargesAndUsage() throws Exception {
        DriftReport report = Drift.compare(train, CsvTable.read(DATA.resolve("production_shifted.csv")), contract);
        String table = String.join("\n", report.lines());
        assertTrue(report.drifted(), table);
        // generate.py moves charges_mean 65 -> 90 and scales usage by 0.6; the other features keep their generator.
        assertEquals(List.of("monthly_charges", "usage_hours"), report.driftedFeatures(), table);
        for (FeatureDrift feature : report.features()) {
            if (feature.drifted()) {
                assertTrue(feature.ks() >= Drift.KS_DRIFT, table);
            }
        }
    }

    @Test
    void missingValuesAreIgnored() throws Exception {
        // corrupted.csv is train.csv with 35% of usage_hours blanked at random: what is left keeps its distribution.
        DriftReport report = Drift.compare(train, CsvTable.read(DATA.resolve("corrupted.csv")),
                List.of("usage_hours"));
        assertFalse(report.drifted(), String.join("\n", report.lines()));
    }

    @Test
    void theReportIsAnAlignedTable() {
        DriftReport report = new DriftReport(List.of(new FeatureDrift("a", 0.01, 0.02, false),
                new FeatureDrift("monthly_charges", 0.91234, 0.5, true)));
        assertEquals(List.of(
                "feature          PSI             KS D    drift",
                "a                0.0100  stable  0.0200  no",
                "monthly_charges  0.9123  drift   0.5000  DRIFT"), report.lines());
    }
}
