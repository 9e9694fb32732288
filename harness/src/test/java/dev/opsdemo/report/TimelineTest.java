package dev.opsdemo.report;

import dev.opsdemo.demo.StepResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineTest {

    @Test
    void withoutStartTimesPlacesEachStepAfterTheOneBefore() {
        Timeline timeline = Timeline.of(SyntheticRun.summary(SyntheticRun.bothLanes()), Map.of());

        assertEquals(List.of("devops", "mlops"), timeline.lanes());
        assertEquals(0, timeline.spans("devops").get(0).startMs());
        assertEquals(420, timeline.spans("devops").get(1).startMs());
        assertEquals(22_280, timeline.spans("mlops").get(0).startMs(), "the MLOps lane ran after the DevOps lane");
        assertEquals(82_910, timeline.totalMs());
    }

    @Test
    void usesTheStartTimesSeenButNeverOverlapsAStepsPredecessor() {
        List<StepResult> devops = SyntheticRun.devops();

        Timeline timeline = Timeline.of(SyntheticRun.summary(devops), Map.of("devops.remote", 100L,
                "devops.commit", 519L, "devops.build", 2_000L));

        assertEquals(100, timeline.spans("devops").get(0).startMs());
        assertEquals(520, timeline.spans("devops").get(1).startMs(), "clamped to the end of devops.remote");
        assertEquals(2_000, timeline.spans("devops").get(2).startMs());
        assertEquals(20_400, timeline.spans("devops").get(3).startMs(), "unseen: right after devops.build");
    }

    @Test
    void ticksAtARoundIntervalAcrossTheRun() {
        Timeline timeline = Timeline.of(SyntheticRun.summary(SyntheticRun.bothLanes()), Map.of());

        assertEquals(List.of(0L, 10_000L, 20_000L, 30_000L, 40_000L, 50_000L, 60_000L, 70_000L, 80_000L),
                timeline.ticksMs());
    }
}
