package dev.opsdemo.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextWrapTest {

    @Test
    void breaksBetweenWordsAndIndentsContinuations() {
        assertEquals(List.of("→ params a=1,", "  b=2, c=3"), TextWrap.wrap("→ params a=1, b=2, c=3", 14, 2));
    }

    @Test
    void cutsAWordLongerThanTheColumn() {
        assertEquals(List.of("abcdef", "ghij"), TextWrap.wrap("abcdefghij", 6, 0));
        assertEquals(List.of("see", "abcdef", "ghij"), TextWrap.wrap("see abcdefghij", 6, 0));
    }

    @Test
    void keepsShortTextOnOneLine() {
        assertEquals(List.of("code"), TextWrap.wrap("code", 40, 2));
        assertEquals(List.of(""), TextWrap.wrap("", 40, 2));
    }

    @Test
    void measuresInTerminalColumnsAndKeepsTheBlanksBetweenWordsOnALine() {
        // Each of these characters takes two columns, though one char: "日本 語" is 4 chars but 7 columns.
        assertEquals(List.of("日本", "語 x"), TextWrap.wrap("日本 語 x", 6, 0));
        assertEquals(List.of("a  b", "c"), TextWrap.wrap("a  b   c", 5, 0));
    }

}
