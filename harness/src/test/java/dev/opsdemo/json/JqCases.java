package dev.opsdemo.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What jq printed for answers of the project's MLflow server (and for a document of every shape JSON has): each
 * line of {@code jq/cases.tsv} names an input, jq's flags ({@code -} for none), the filter and the file holding
 * what jq 1.6 printed. {@link JqTest} checks the harness prints the same, {@link JqMatchesJqTest} that jq still does.
 */
record JqCases(String input, boolean compact, String filter, String expected) {

    static List<JqCases> all() throws IOException {
        return resource("cases.tsv").lines().map(line -> line.split("\t")).map(
                f -> new JqCases(f[0], f[1].equals("-c"), f[2], f[3])).toList();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = JqCases.class.getResourceAsStream("/jq/" + name)) {
            if (in == null) {
                throw new IOException("no test resource jq/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Jq jq() {
        return new Jq(filter, compact);
    }
}
