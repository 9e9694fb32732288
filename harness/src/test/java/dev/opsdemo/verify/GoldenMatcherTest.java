package dev.opsdemo.verify;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldenMatcherTest {

    private final GoldenMatcher matcher = new GoldenMatcher(Map.of("WORKSPACE", "/w"));

    @Test
    void aCapturedValueMustBeTheSameInALaterStep() {
        assertTrue(matcher.matches(List.of("=== Run (ID '{{RUN_ID:1}}') succeeded ==="),
                List.of("=== Run (ID '0123456789abcdef0123456789abcdef') succeeded ===")));
        assertTrue(matcher.matches(List.of("Created version 1 from run {{RUN_ID:1}}"),
                List.of("Created version 1 from run 0123456789abcdef0123456789abcdef")));
        assertFalse(matcher.matches(List.of("Created version 1 from run {{RUN_ID:1}}"),
                List.of("Created version 1 from run ffffffffffffffffffffffffffffffff")), "another run id");
    }

    @Test
    void ellipsisMatchesAnyLinesAndLiteralsStayLiteral() {
        assertTrue(matcher.matches(List.of("start", "...", "end {{WORKSPACE}}/x"),
                List.of("start", "noise 1", "noise 2", "end /w/x")));
        assertFalse(matcher.matches(List.of("accuracy 0.8800"), List.of("accuracy 0.8700")));
        assertFalse(matcher.matches(List.of("a", "b"), List.of("a")), "a missing line fails");
    }

    @Test
    void theRedactorNumbersEqualValuesAlike() {
        Redactor redactor = new Redactor(Path.of("/w"), Path.of("/repo"));
        List<String> out = redactor.redact(List.of(
                "To http://127.0.0.1:41945/sample-app.git", "   3ebb37d..4a2468d  main -> main",
                "run 3b2ffc3406b84680859fbcb40ac01338 at http://127.0.0.1:41945/x", "in /w/devops took 1.5 s"));
        assertEquals(List.of("To http://127.0.0.1:{{PORT:1}}/sample-app.git",
                "   {{SHORT_SHA:1}}..{{SHORT_SHA:2}}  main -> main",
                "run {{RUN_ID:1}} at http://127.0.0.1:{{PORT:1}}/x", "in {{WORKSPACE}}/devops took {{DURATION}} s"),
                out);
    }
}
