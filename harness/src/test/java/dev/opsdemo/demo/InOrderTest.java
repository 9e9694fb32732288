package dev.opsdemo.demo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InOrderTest {

    @Test
    void linesOfCommandsRunAtOnceReadAsIfTheyRanInTurn() {
        List<String> shown = new ArrayList<>();
        InOrder inOrder = new InOrder(3, shown::add);
        Consumer<String> first = inOrder.lines(0);
        Consumer<String> second = inOrder.lines(1);
        Consumer<String> third = inOrder.lines(2);

        third.accept("c1");
        first.accept("a1");
        second.accept("b1");
        assertEquals(List.of("a1"), shown, "only the first command's lines pass at once");
        third.accept("c2");
        inOrder.done(2);
        first.accept("a2");
        assertEquals(List.of("a1", "a2"), shown, "the third, done first, still waits for the ones before it");

        inOrder.done(0);
        assertEquals(List.of("a1", "a2", "b1"), shown, "the second's held lines follow the first's end");
        second.accept("b2");
        inOrder.done(1);
        assertEquals(List.of("a1", "a2", "b1", "b2", "c1", "c2"), shown);
    }
}
