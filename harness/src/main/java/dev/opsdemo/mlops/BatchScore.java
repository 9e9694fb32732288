package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsdemo.demo.StepFailedException;

import java.net.http.HttpResponse;
import java.util.List;

/** A labelled batch scored through the served model: how many predictions matched the labels. */
record BatchScore(int rows, int correct) {

    private static final ObjectMapper JSON = new ObjectMapper();

    double accuracy() {
        return rows == 0 ? 0 : (double) correct / rows;
    }

    static BatchScore score(ModelServer model, CsvTable batch, DataContract contract) throws Exception {
        List<List<String>> rows = batch.rows();
        HttpResponse<String> response = model.invoke(JSON.writeValueAsString(DataFrameSplit.of(batch, contract,
                rows)));
        if (response.statusCode() != 200) {
            throw new StepFailedException("the model server answered " + response.statusCode()
                    + " to the monitoring batch", response.body(), "read the model server's output above");
        }
        JsonNode predictions = JSON.readTree(response.body()).path("predictions");
        int label = batch.indexOf(contract.label());
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (Long.parseLong(rows.get(i).get(label)) == predictions.get(i).asLong()) {
                correct++;
            }
        }
        return new BatchScore(rows.size(), correct);
    }
}
