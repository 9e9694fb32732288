package dev.opsdemo.mlops;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data validation gate: checks a data set against the {@link DataContract} before any training starts. The
 * model code does not notice bad data (training on {@code corrupted.csv} succeeds), which is why this gate exists.
 */
public final class DataValidation {

    // Stricter than pandas on purpose: pandas would also read "NA" or "nan" as missing, but the contract defines a
    // missing value as an empty field, so anything else that is not a plain number is a type error.
    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    // The same syntax as churn_data.py's parse_spec, so the gate sees exactly the rows the training will see.
    private static final Pattern DATA_PART = Pattern.compile("(?<path>.+?)(?::(?<part>head|tail)=(?<n>\\d+))?");

    private DataValidation() {
    }

    public static ValidationResult validate(Path file, DataContract contract) throws IOException {
        return validate(file, CsvTable.read(file), contract);
    }

    public static ValidationResult validate(Path file, CsvTable table, DataContract contract) {
        return validate(file.toString(), table, contract);
    }

    /** Checks a training {@code data} parameter (see {@link #readData}) as the training run would load it. */
    public static ValidationResult validateData(Path projectDir, String data, DataContract contract)
            throws IOException {
        return validate(data, readData(projectDir, data), contract);
    }

    /** @param source how the data is named in messages: a file path or a {@code data} parameter */
    public static ValidationResult validate(String source, CsvTable table, DataContract contract) {
        int rows = table.rows().size();
        List<Violation> violations = new ArrayList<>();
        if (rows < contract.minRows()) {
            violations.add(new Violation(Violation.TABLE, Violation.Rule.MIN_ROWS, rows,
                    source + ": " + rows(rows) + ", fewer than min_rows " + contract.minRows()));
        }
        for (String required : contract.requiredColumns()) {
            if (table.indexOf(required) < 0) {
                violations.add(new Violation(required, Violation.Rule.REQUIRED, rows,
                        required + ": required column missing from the header"));
            }
        }
        List<ColumnStats> stats = new ArrayList<>();
        for (ColumnRule rule : contract.columns()) {
            ColumnStats column = ColumnStats.of(rule, table);
            stats.add(column);
            violations.addAll(column.violations(rows));
        }
        return new ValidationResult(source, rows, violations, report(source, rows, table, contract, stats,
                violations));
    }

    /**
     * Loads a training {@code data} parameter the way {@code churn_data.py} does: comma-separated CSV paths relative
     * to the project directory, each optionally ending in {@code :head=N} or {@code :tail=N}, concatenated in order.
     * The result keeps only the columns every file has, in the first file's order: a required column missing from
     * one file then shows up as a {@code required} violation, as it makes the training fail.
     *
     * @throws NoSuchFileException      if a path is not an existing file
     * @throws IllegalArgumentException if the parameter is empty or has an empty entry
     */
    public static CsvTable readData(Path projectDir, String data) throws IOException {
        List<String> parts = data == null ? List.of() : Arrays.stream(data.split(",", -1)).map(String::strip).toList();
        if (data == null || data.isBlank() || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("data must be one or more comma-separated CSV paths, got '" + data
                    + "'");
        }
        List<CsvTable> tables = new ArrayList<>();
        for (String part : parts) {
            Matcher m = DATA_PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read data entry '" + part + "' in '" + data + "'");
            }
            Path file = projectDir.resolve(m.group("path"));
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(m.group("path"), null, "data file not found in " + projectDir
                        + " (data=" + data + ")");
            }
            CsvTable table = CsvTable.read(file);
            tables.add(m.group("part") == null ? table
                    : slice(table, m.group("part"), new BigInteger(m.group("n"))
                            .min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue()));
        }
        return concat(tables);
    }

    private static CsvTable slice(CsvTable table, String part, int n) {
        List<List<String>> rows = table.rows();
        int keep = Math.min(n, rows.size());
        return new CsvTable(table.columns(), "head".equals(part) ? rows.subList(0, keep)
                : rows.subList(rows.size() - keep, rows.size()));
    }

    private static CsvTable concat(List<CsvTable> tables) {
        if (tables.size() == 1) {
            return tables.get(0);
        }
        List<String> columns = tables.get(0).columns().stream()
                .filter(column -> tables.stream().allMatch(table -> table.indexOf(column) >= 0)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (CsvTable table : tables) {
            int[] index = columns.stream().mapToInt(table::indexOf).toArray();
            for (List<String> row : table.rows()) {
                List<String> picked = new ArrayList<>(index.length);
                for (int i : index) {
                    picked.add(field(row, i));
                }
                rows.add(List.copyOf(picked));
            }
        }
        return new CsvTable(columns, rows);
    }

    /** A short row lacks its last fields; they count as missing rather than crashing the gate. */
    private static String field(List<String> row, int index) {
        return index < row.size() ? row.get(index) : "";
    }

    /** What one column of the data looks like, measured against its rule. */
    private record ColumnStats(ColumnRule rule, boolean present, int missing, int wrongType, String example,
                               int below, int above) {

        static ColumnStats of(ColumnRule rule, CsvTable table) {
            int index = table.indexOf(rule.name());
            if (index < 0) {
                return new ColumnStats(rule, false, 0, 0, null, 0, 0);
            }
            Pattern pattern = rule.type() == ColumnRule.Type.INT ? INT : FLOAT;
            int missing = 0;
            int wrongType = 0;
            int below = 0;
            int above = 0;
            String example = null;
            for (List<String> row : table.rows()) {
                String value = field(row, index);
                if (value.isEmpty()) {
                    missing++;
                } else if (!pattern.matcher(value).matches()) {
                    wrongType++;
                    example = example == null ? value : example;
                } else {
                    double number = Double.parseDouble(value);
                    below += number < rule.min() ? 1 : 0;
                    above += number > rule.max() ? 1 : 0;
                }
            }
            return new ColumnStats(rule, true, missing, wrongType, example, below, above);
        }

        /** "At most" is inclusive: 100 missing of 2000 rows is still within a share of 0.05. */
        boolean tooManyMissing(int rows) {
            return missing > Math.floor(rule.maxMissingShare() * rows + 1e-9);
        }

        List<Violation> violations(int rows) {
            List<Violation> violations = new ArrayList<>();
            String name = rule.name();
            if (wrongType > 0) {
                violations.add(new Violation(name, Violation.Rule.TYPE, wrongType, name + ": " + rows(wrongType)
                        + " not of type " + rule.type().key() + ", e.g. '" + example + "'"));
            }
            if (below > 0) {
                violations.add(new Violation(name, Violation.Rule.MIN, below, name + ": " + rows(below)
                        + " below min " + number(rule.min())));
            }
            if (above > 0) {
                violations.add(new Violation(name, Violation.Rule.MAX, above, name + ": " + rows(above)
                        + " above max " + number(rule.max())));
            }
            if (tooManyMissing(rows)) {
                violations.add(new Violation(name, Violation.Rule.MAX_MISSING_SHARE, missing, name + ": "
                        + rows(missing) + " missing (" + percent((double) missing / rows)
                        + "), more than max_missing_share " + number(rule.maxMissingShare())));
            }
            return violations;
        }
    }

    private static List<String> report(String source, int rows, CsvTable table, DataContract contract,
                                       List<ColumnStats> stats, List<Violation> violations) {
        List<String> lines = new ArrayList<>();
        lines.add("Data contract check of " + source + " (" + rows(rows) + "): " + (violations.isEmpty() ? "passed"
                : "FAILED, " + violations.size() + (violations.size() == 1 ? " violation" : " violations")));
        lines.add("  min_rows " + contract.minRows() + ": " + status(rows < contract.minRows(), rows(rows)));
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of("column", "header", "type", "min", "max", "missing share"));
        for (ColumnStats column : stats) {
            ColumnRule rule = column.rule();
            boolean required = contract.requiredColumns().contains(rule.name());
            String name = rule.name() + (rule.name().equals(contract.label()) ? " (label)" : "");
            if (!column.present()) {
                cells.add(List.of(name, required ? "FAIL (missing)" : "absent (optional)", "-", "-", "-", "-"));
                continue;
            }
            cells.add(List.of(name, "ok",
                    rule.type().key() + " " + status(column.wrongType() > 0, rows(column.wrongType())),
                    ">= " + number(rule.min()) + " " + status(column.below() > 0, rows(column.below())),
                    "<= " + number(rule.max()) + " " + status(column.above() > 0, rows(column.above())),
                    "<= " + percent(rule.maxMissingShare()) + " " + status(column.tooManyMissing(rows),
                            rows(column.missing()) + (rows == 0 ? "" : " = "
                                    + percent((double) column.missing() / rows)))));
        }
        for (String required : contract.requiredColumns()) {
            if (contract.column(required).isEmpty()) {
                cells.add(List.of(required, table.indexOf(required) >= 0 ? "ok" : "FAIL (missing)", "-", "-",
                        "-", "-"));
            }
        }
        TextTable.render(cells).forEach(line -> lines.add("  " + line));
        List<String> unchecked = table.columns().stream()
                .filter(column -> contract.column(column).isEmpty() && !contract.requiredColumns().contains(column))
                .toList();
        if (!unchecked.isEmpty()) {
            lines.add("  not in the contract, not checked: " + String.join(", ", unchecked));
        }
        return lines;
    }

    /** Passing checks name no count, so the eye finds the failures. */
    private static String status(boolean failed, String detail) {
        return failed ? "FAIL (" + detail + ")" : "ok";
    }

    private static String rows(int count) {
        return count + (count == 1 ? " row" : " rows");
    }

    /** A bound as written in schema.json: {@code 0} and {@code 744}, not {@code 0.0} and {@code 744.0}. */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100.0);
    }
}
