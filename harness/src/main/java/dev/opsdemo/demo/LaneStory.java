package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * How the reports tell one lane's part: its name for people, what it puts under version control, what each stage
 * left behind, the lessons the run closes on and where to look at the lane's records. Each lane supplies its own
 * and reads only its own facts, so the reports know no lane by name and a new lane needs no change there.
 */
public interface LaneStory {

    /** The lane's name for people, e.g. "DevOps". */
    String label();

    /** The contrast in one line: what the lane puts under version control to reproduce what it ships. */
    String versioned();

    /** What the stage left behind, from the lane's merged facts (a missing node when it recorded none). */
    List<String> produced(Stage stage, JsonNode facts);

    /** What the lane is about to do, in one sentence, for the opening screen of a live demo; empty by default. */
    default String plan() {
        return "";
    }

    /** The question the room should watch the run answer, for the opening screen; empty by default. */
    default String watchFor() {
        return "";
    }

    /** What the run's headline says of the lane, e.g. "MLflow mode: local"; empty by default. */
    default String headline(JsonNode facts) {
        return "";
    }

    /** The closing paragraphs, each backed by what this run did; none by default. */
    default List<String> lessons(JsonNode facts) {
        return List.of();
    }

    /**
     * What to show beside a step's output, from the lane's merged facts (e.g. the plots a monitoring run logged, next
     * to its drift table); none by default.
     */
    default List<Picture> pictures(String stepId, JsonNode facts) {
        return List.of();
    }

    /** Link text to web address, in reading order, where the lane's records can be looked at; none by default. */
    default Map<String, String> links(JsonNode facts) {
        return Map.of();
    }

    /** A lane that tells nothing but its name. */
    static LaneStory named(String name) {
        return new LaneStory() {
            @Override
            public String label() {
                return name;
            }

            @Override
            public String versioned() {
                return "";
            }

            @Override
            public List<String> produced(Stage stage, JsonNode facts) {
                return List.of();
            }
        };
    }
}
