package dev.opsdemo.mlops;

/** What the data contract requires of one column: its type, an inclusive range, and how much of it may be missing. */
public record ColumnRule(String name, Type type, double min, double max, double maxMissingShare) {

    public enum Type {
        /** Whole numbers only, e.g. {@code 12}. */
        INT("int"),
        /** Any decimal number, e.g. {@code 47.44} or {@code 1e3}. */
        FLOAT("float");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        /** The spelling used in {@code schema.json}. */
        public String key() {
            return key;
        }

        public static Type of(String key) {
            for (Type type : values()) {
                if (type.key.equals(key)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown column type '" + key + "' (expected int or float)");
        }
    }

    public ColumnRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column rule needs a name");
        }
        if (type == null) {
            throw new IllegalArgumentException(name + ": a column rule needs a type");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException(name + ": min " + min + " is greater than max " + max);
        }
        if (!(maxMissingShare >= 0.0 && maxMissingShare <= 1.0)) {
            throw new IllegalArgumentException(name + ": max_missing_share must be between 0.0 and 1.0, got "
                    + maxMissingShare);
        }
    }
}
