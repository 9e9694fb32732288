package dev.opsdemo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The run's links on the servers {@code harness ui} started again, which answer on new ports. */
class RecordedRunTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void everyAddressOfAServerThatMovedMovesWithIt() throws Exception {
        JsonNode recorded = json("{'trackingUri': 'http://127.0.0.1:5123', "
                + "'runUrl': 'http://127.0.0.1:5123/#/experiments/2/runs/r1', "
                + "'modelServerUrl': 'http://127.0.0.1:51234', 'runId': 'r1', 'metrics': {'accuracy': 0.9}}");
        JsonNode now = json("{'trackingUri': 'http://127.0.0.1:40000/', 'backendStore': '/ws/mlops/mlflow/mlflow.db'}");

        assertEquals(json("{'trackingUri': 'http://127.0.0.1:40000', "
                        + "'runUrl': 'http://127.0.0.1:40000/#/experiments/2/runs/r1', "
                        + "'modelServerUrl': 'http://127.0.0.1:51234', 'runId': 'r1', 'metrics': {'accuracy': 0.9}}"),
                RecordedRun.moved(recorded, now), "another server whose port starts the same stays where it was");
        assertEquals(json("{}"), RecordedRun.moved(json("{}"), now));
    }
}
