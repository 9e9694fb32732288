package dev.opsdemo.demo;

import java.util.ArrayList;
import java.util.List;

/** How the runner orders lanes' steps. */
public enum Schedule {
    /**
     * One step at a time, the lanes interleaved by stage (version, version, build, build, ...) while each lane keeps
     * its own order: a live audience sees the same stage done both ways, one after the other.
     */
    INTERLEAVED,
    /** Each lane in its own thread (CI): the MLflow server starts while Maven builds. */
    PARALLEL;

    /** The interleaved order: repeatedly the next step with the earliest stage, the first lane winning ties. */
    public static List<Step> interleave(List<Lane> lanes) {
        List<Step> order = new ArrayList<>();
        int[] next = new int[lanes.size()];
        while (true) {
            int pick = -1;
            for (int i = 0; i < lanes.size(); i++) {
                if (next[i] < lanes.get(i).steps().size() && (pick < 0 || lanes.get(i).steps().get(next[i]).stage()
                        .compareTo(lanes.get(pick).steps().get(next[pick]).stage()) < 0)) {
                    pick = i;
                }
            }
            if (pick < 0) {
                return order;
            }
            order.add(lanes.get(pick).steps().get(next[pick]++));
        }
    }
}
