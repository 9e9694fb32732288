package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Rows of a table as MLflow's scoring server takes them ({@code dataframe_split}), features typed as the contract says. */
final class DataFrameSplit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataFrameSplit() {
    }

    static ObjectNode of(CsvTable table, DataContract contract, List<List<String>> rows) {
        ObjectNode request = JSON.createObjectNode();
        ObjectNode split = request.putObject("dataframe_split");
        ArrayNode columns = split.putArray("columns");
        List<String> features = contract.features();
        features.forEach(columns::add);
        ArrayNode data = split.putArray("data");
        for (List<String> row : rows) {
            ArrayNode values = data.addArray();
            for (String feature : features) {
                String value = row.get(table.indexOf(feature));
                boolean isInt = contract.column(feature).map(rule -> rule.type() == ColumnRule.Type.INT).orElse(false);
                if (value.isEmpty()) {
                    values.addNull();
                } else if (isInt) {
                    values.add(Long.parseLong(value));
                } else {
                    values.add(Double.parseDouble(value));
                }
            }
        }
        return request;
    }
}
