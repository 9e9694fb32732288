package dev.opsdemo.live;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How fast a step's commands are typed: the chosen speed, unless their length would keep the room waiting. */
class TypingTest {

    @Test
    void shortCommandsAreTypedAtTheChosenSpeed() {
        assertEquals(25_000, LivePresenter.typingDelayMicros(25, List.of("git add -A")));
    }

    @Test
    void longCommandsTakeTheBudgetAtMostWhateverTheirLength() {
        String line = "x".repeat(400);
        long delay = LivePresenter.typingDelayMicros(25, List.of(line, line));
        assertEquals(LivePresenter.TYPING_BUDGET.toNanos() / 1000, delay * 800);
    }

    @Test
    void spacesAreNotTypedSoTheyDoNotCount() {
        assertEquals(LivePresenter.typingDelayMicros(25, List.of("x".repeat(100))),
                LivePresenter.typingDelayMicros(25, List.of("x ".repeat(100))));
    }

    @Test
    void noTypingEffectStaysNone() {
        assertEquals(0, LivePresenter.typingDelayMicros(0, List.of("git add -A")));
    }
}
