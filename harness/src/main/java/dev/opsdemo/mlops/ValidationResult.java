package dev.opsdemo.mlops;

import java.util.List;

/**
 * The outcome of checking one data set against the data contract.
 *
 * @param source     what was checked, as the user named it (a file path or a {@code data} parameter)
 * @param rows       its number of data rows
 * @param violations every broken rule; empty when the data passes
 * @param report     an aligned overview of every check, passed or not, so a learner sees what the contract
 *                   checks and not only what failed
 */
public record ValidationResult(String source, int rows, List<Violation> violations, List<String> report) {

    public ValidationResult {
        violations = List.copyOf(violations);
        report = List.copyOf(report);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** One line for a log or an exception message. */
    public String summary() {
        if (passed()) {
            return source + ": " + rows + " rows, passes the data contract";
        }
        return source + ": fails the data contract (" + violations.size()
                + (violations.size() == 1 ? " violation): " : " violations): ")
                + String.join("; ", violations.stream().map(Violation::message).toList());
    }
}
