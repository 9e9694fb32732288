package dev.opsdemo.mlops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-feature drift of a production batch against the training data. */
public record DriftReport(List<FeatureDrift> features) {

    public DriftReport {
        features = List.copyOf(features);
    }

    /** True when at least one feature drifted: one moved input is enough to put the model's accuracy at risk. */
    public boolean drifted() {
        return features.stream().anyMatch(FeatureDrift::drifted);
    }

    public List<String> driftedFeatures() {
        return features.stream().filter(FeatureDrift::drifted).map(FeatureDrift::name).toList();
    }

    public List<String> lines() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of("feature", "PSI", "", "KS D", "drift"));
        for (FeatureDrift feature : features) {
            cells.add(List.of(feature.name(), String.format(Locale.ROOT, "%.4f", feature.psi()), feature.level(),
                    String.format(Locale.ROOT, "%.4f", feature.ks()), feature.drifted() ? "DRIFT" : "no"));
        }
        return TextTable.render(cells);
    }
}
