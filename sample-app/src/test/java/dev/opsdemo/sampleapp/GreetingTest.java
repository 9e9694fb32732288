package dev.opsdemo.sampleapp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GreetingTest {

    @Test
    void greetsByName() {
        assertEquals("Hello, Ada!", Greeting.forName("Ada", 1).message());
    }

    @Test
    void greetsTheWorldWhenNoNameIsGiven() {
        assertEquals("Hello, world!", Greeting.forName("  ", 1).message());
    }

    @Test
    void rendersJsonWithEscapedQuotes() {
        assertEquals("{\"message\":\"Hello, \\\"Bob\\\"!\",\"release\":3}", Greeting.forName("\"Bob\"", 3).toJson());
    }
}
