package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import org.mlflow.api.proto.Service;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** A run's tags, metrics and parameters as sorted maps, from the Java client's run or MLflow's REST answer. */
final class RunRecords {

    private RunRecords() {
    }

    static Map<String, String> tags(Service.Run run) {
        Map<String, String> tags = new TreeMap<>();
        run.getData().getTagsList().forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
        return tags;
    }

    static Map<String, String> params(Service.Run run) {
        Map<String, String> params = new TreeMap<>();
        run.getData().getParamsList().forEach(param -> params.put(param.getKey(), param.getValue()));
        return params;
    }

    /** MLflow's REST lists of {@code {"key": ..., "value": ...}}. */
    static <T> Map<String, T> keyValues(JsonNode list, Function<JsonNode, T> value) {
        Map<String, T> map = new TreeMap<>();
        list.forEach(item -> map.put(item.path("key").asText(), value.apply(item.path("value"))));
        return map;
    }
}
