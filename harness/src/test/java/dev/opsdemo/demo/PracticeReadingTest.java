package dev.opsdemo.demo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PracticeReadingTest {

    private final List<String> checked = new ArrayList<>();

    private Step practised(String id, boolean holds) {
        return new Step(id, "lane", Stage.BUILD, id, "caption", ": " + id, context -> { })
                .practised((context, since) -> {
                    checked.add(id);
                    return holds ? List.of() : List.of(Practice.Unmet.of(id + " is not done"));
                });
    }

    private static List<String> states(List<PracticeReading.StepState> read) {
        return read.stream().map(state -> state.id() + " " + state.state()
                + (state.detail() == null ? "" : ": " + state.detail())).toList();
    }

    @Test
    void theChecksRunInOrderUpToTheFirstUnmetWhereTheLearnerIsAndALocalStepIsPassedBy() {
        Lane lane = new Lane("lane", List.of(
                new Step("server", "lane", Stage.VERSION, "server", "caption", ": server", context -> { }),
                practised("a", true),
                practised("b", true).onTheLearnersMachine(),
                practised("c", false),
                practised("d", true),
                practised("e", false).onTheLearnersMachine()));
        assertEquals(List.of("a done", "b local", "c current: c is not done", "d ahead", "e local"),
                states(PracticeReading.read(lane, Instant.EPOCH)));
        assertEquals(List.of("a", "c"), checked, "no check after the first unmet one, none of a local step");
    }

    @Test
    void aFailedStepOfTheHarnessHoldsUpTheFirstStepAfterIt() {
        Lane lane = new Lane("lane", List.of(
                new Step("server", "lane", Stage.VERSION, "server", "caption", ": server", context -> {
                    throw new IllegalStateException("the server answers 401");
                }),
                practised("a", true),
                practised("b", true)));
        assertEquals(List.of("a current: server: the server answers 401", "b ahead"),
                states(PracticeReading.read(lane, Instant.EPOCH)));
        assertEquals(List.of(), checked);
    }
}
