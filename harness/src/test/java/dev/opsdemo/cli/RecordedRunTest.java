package dev.opsdemo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The run's links on the servers {@code harness ui} started again, which answer on new ports. */
class RecordedRunTest {

    @Test
    void everyAddressOfAServerThatMovedMovesWithIt() throws Exception {
        JsonNode recorded = Json.MAPPER.readTree("""
                {"trackingUri": "http://127.0.0.1:5123", "runUrl": "http://127.0.0.1:5123/#/experiments/2/runs/r1",
                 "modelServerUrl": "http://127.0.0.1:51234", "runId": "r1", "metrics": {"accuracy": 0.9}}""");
        JsonNode now = Json.MAPPER.readTree("""
                {"trackingUri": "http://127.0.0.1:40000/", "backendStore": "/ws/mlops/mlflow/mlflow.db"}""");

        assertEquals(Json.MAPPER.readTree("""
                        {"trackingUri": "http://127.0.0.1:40000",
                         "runUrl": "http://127.0.0.1:40000/#/experiments/2/runs/r1",
                         "modelServerUrl": "http://127.0.0.1:51234", "runId": "r1", "metrics": {"accuracy": 0.9}}"""),
                RecordedRun.moved(recorded, now), "another server whose port starts the same stays where it was");
        assertEquals(Json.MAPPER.createObjectNode(), RecordedRun.moved(Json.MAPPER.createObjectNode(), now));
    }
}
