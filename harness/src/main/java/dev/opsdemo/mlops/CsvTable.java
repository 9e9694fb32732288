package dev.opsdemo.mlops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small numeric CSV as the sample project ships them: a header, comma-separated values, no quoting; an empty
 * field is a missing value.
 */
public record CsvTable(List<String> columns, List<List<String>> rows) {

    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> columns = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(Arrays.stream(line.split(",", -1)).map(String::strip).toList());
            }
        }
        return new CsvTable(columns, rows);
    }

    public int indexOf(String column) {
        return columns.indexOf(column);
    }
}
