package dev.opsdemo.mlops;


import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.opsdemo.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One labelled row of the project's data, as the serve step sends it to the model: its features in MLflow's
 * {@code dataframe_split} request, its label kept apart to say whether the prediction was right. The label's column is
 * the one the data contract ({@code data/schema.json}) names. The shipped CSV files are plain numbers, no quoting.
 */
record LabelledRow(List<String> columns, List<Object> values, String label) {


    static LabelledRow first(Path project, String csv) throws IOException {
        String labelColumn = Json.MAPPER.readTree(project.resolve("data/schema.json").toFile()).path("label").asText();
        List<String> lines = Files.readAllLines(project.resolve(csv));
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> fields = List.of(lines.get(1).split(",", -1));
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        String label = null;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(labelColumn)) {
                label = fields.get(i);
            } else {
                columns.add(header.get(i));
                values.add(new BigDecimal(fields.get(i)));  // the number as written: 64.66, not 64.66000000000001
            }
        }
        return new LabelledRow(columns, values, label);
    }

    /** Data rows of a CSV file (its lines but the header). */
    static int count(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            return (int) lines.skip(1).filter(line -> !line.isBlank()).count();
        }
    }

    Map<String, Object> request() {
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("columns", columns);
        split.put("data", List.of(values));
        return Map.of("dataframe_split", split);
    }
}
