package dev.opsdemo.mlops;

/**
 * One way a data set breaks the data contract.
 *
 * @param column  the column concerned, or {@link #TABLE} for a rule about the whole table ({@code min_rows})
 * @param rule    which contract rule was broken
 * @param rows    how many data rows break it; for {@code min_rows} the table's row count, for a missing
 *                {@code required} column every row
 * @param message a sentence for a learner, e.g. {@code tenure_months: 60 rows below min 0}
 */
public record Violation(String column, Rule rule, int rows, String message) {

    public static final String TABLE = "(table)";

    /** The contract rules, named as in {@code schema.json} so a message points at the key to look up. */
    public enum Rule {
        MIN_ROWS("min_rows"),
        REQUIRED("required"),
        TYPE("type"),
        MIN("min"),
        MAX("max"),
        MAX_MISSING_SHARE("max_missing_share");

        private final String key;

        Rule(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        @Override
        public String toString() {
            return key;
        }
    }

    @Override
    public String toString() {
        return message;
    }
}
