package dev.opsdemo.report;

import java.util.Comparator;
import java.util.List;

/**
 * How the reports name a lane and what it versions. The two known lanes come first and in this order everywhere,
 * so DevOps is always the left column and the reader compares like with like.
 */
final class LaneLabels {

    static final String DEVOPS = "devops";
    static final String MLOPS = "mlops";

    private static final List<String> KNOWN = List.of(DEVOPS, MLOPS);

    private LaneLabels() {
    }

    static String label(String lane) {
        return switch (lane) {
            case DEVOPS -> "DevOps";
            case MLOPS -> "MLOps";
            default -> lane;
        };
    }

    /** The contrast in one line: what a lane puts under version control to reproduce what it ships. */
    static String versioned(String lane) {
        return switch (lane) {
            case DEVOPS -> "code";
            case MLOPS -> "code + data + params + model";
            default -> "";
        };
    }

    /** What the reports are about, e.g. "DevOps vs MLOps", from the lanes that actually ran. */
    static String title(List<String> lanes) {
        return lanes.isEmpty() ? "opsdemo" : String.join(" vs ", lanes.stream().map(LaneLabels::label).toList());
    }

    static Comparator<String> order() {
        return Comparator.comparingInt((String lane) -> KNOWN.contains(lane) ? KNOWN.indexOf(lane) : KNOWN.size());
    }
}
