package dev.opsdemo.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalRowsTest {

    @Test
    void aLineThatFitsStaysAsItIs() {
        assertEquals(List.of("    \"a\":   1"), TerminalRows.output("    \"a\":   1", 40));
        assertEquals(List.of("no width known, no rows"), TerminalRows.output("no width known, no rows", 0));
    }

    @Test
    void outputBreaksAfterASpaceOrACommaAndIndentsUnderItsOwnIndentation() {
        assertEquals(List.of("  INFO one two", "    three four"), TerminalRows.output("  INFO one two three four", 15));
        assertEquals(List.of("{\"version\":\"1\",", "  \"status\":\"READY\"}"),
                TerminalRows.output("{\"version\":\"1\",\"status\":\"READY\"}", 20));
    }

    @Test
    void aWordWiderThanTheRowIsCut() {
        assertEquals(List.of("abcdefghij", "  klmnopqr", "  st"), TerminalRows.output("abcdefghijklmnopqrst", 10));
    }

    @Test
    void emojiTakeTwoColumns() {
        List<String> rows = TerminalRows.output("🏃 View run abc at: http://127.0.0.1:5000/#/x", 24);
        rows.forEach(row -> assertTrue(TerminalWidth.of(row) <= 24, row));
        assertEquals("🏃 View run abc at:", rows.get(0));
    }

    @Test
    void aCommandBrokenOutsideQuotesEndsItsRowWithAContinuation() {
        assertEquals(List.of("  $ mlflow run sample-ml-project \\", "      --env-manager local"),
                TerminalRows.command("  $ ", "mlflow run sample-ml-project --env-manager local", 40));
    }

    @Test
    void aShortOptionKeepsItsValueOnItsRowWhereABreakBeforeTheOptionFits() {
        assertEquals(List.of("  $ mlflow run sample-ml-project \\", "      -e evaluate --env-manager local"),
                TerminalRows.command("  $ ", "mlflow run sample-ml-project -e evaluate --env-manager local", 40));
        assertEquals(List.of("  $ mlflow run . \\", "      -P model_uri=models:/m@champion"),
                TerminalRows.command("  $ ", "mlflow run . -P model_uri=models:/m@champion", 40));
        // A quoted value breaks within its quotes; the option starts the row its value starts on.
        assertEquals(List.of("  $ curl -sS -X POST http://h/x \\", "      -H 'Content-Type:",
                        "      application/json' \\", "      -d '{\"a\":1,\"b\":2,\"c\":3,",
                        "      \"d\":4}'"),
                TerminalRows.command("  $ ", "curl -sS -X POST http://h/x -H 'Content-Type: application/json' "
                        + "-d '{\"a\":1,\"b\":2,\"c\":3,\"d\":4}'", 34));
    }

    @Test
    void aShortOptionWhoseValueWouldNotFitTheNextRowEitherEndsTheRow() {
        assertEquals(List.of("  $ x -e \\", "      evaluate"), TerminalRows.command("  $ ", "x -e evaluate", 14));
    }

    @Test
    void withinQuotesACommandBreaksWithoutAContinuationAtASpaceOrAComma() {
        assertEquals(List.of("  $ curl -d '{\"name\":\"m\",", "      \"version\":\"1\"}'"),
                TerminalRows.command("  $ ", "curl -d '{\"name\":\"m\",\"version\":\"1\"}'", 26));
        assertEquals(List.of("  $ jq '.run | {run_id:", "      .info.run_id}' x"),
                TerminalRows.command("  $ ", "jq '.run | {run_id: .info.run_id}' x", 25));
    }

    @Test
    void outsideQuotesACommaDoesNotBreakAWord() {
        // Nor would -P data=... fit the row after a break before -P: the row ends after it.
        assertEquals(List.of("  $ x -P \\", "      data=a.csv,b.csv:head=3"),
                TerminalRows.command("  $ ", "x -P data=a.csv,b.csv:head=3", 30));
    }

    @Test
    void noRowIsWiderThanTheTerminal() {
        String command = "curl -sS -X POST http://127.0.0.1:41234/api/2.0/mlflow/model-versions/create -H "
                + "'Content-Type: application/json' -d '{\"name\":\"churn-classifier\",\"source\":\"models:/m-"
                + "93f5a6a57af44439807c65d6c359441e\",\"run_id\":\"43aa05ac76054098b336775835a3caad\"}' | jq -c '.'";
        for (int width : new int[] {40, 80, 120}) {
            List<String> rows = TerminalRows.command("  $ ", command, width);
            rows.forEach(row -> assertTrue(TerminalWidth.of(row) <= width, width + ": " + row));
            rows.subList(1, rows.size()).forEach(row -> assertTrue(row.startsWith("      "), row));
        }
    }

    @Test
    void anExactCommandBreaksOnlyAtBlanksOutsideQuotesAndKeepsAWideWordWhole() {
        String json = "'{\"name\":\"churn-classifier\",\"source\":\"models:/m-93f5a6a57af44439807c65d6c359441e\"}'";
        List<String> rows = TerminalRows.command("  $ ", "curl -sS -X POST http://127.0.0.1:5000/x -d " + json
                + " | jq -c '.model_version | {version}'", 50, true);
        assertEquals(List.of("  $ curl -sS -X POST http://127.0.0.1:5000/x -d \\", "      " + json + " \\",
                "      | jq -c '.model_version | {version}'"), rows);
        assertEquals("curl -sS -X POST http://127.0.0.1:5000/x -d " + json + " | jq -c '.model_version | {version}'",
                String.join(" ", rows.stream().map(row -> row.strip().replaceAll(" \\\\$", "")).toList())
                        .substring(2));
    }
}
