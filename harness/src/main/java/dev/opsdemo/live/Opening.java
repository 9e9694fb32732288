package dev.opsdemo.live;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.text.TextWrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The title screen a live demo opens on, before its first step: what each lane is about to do (its story's plan), the
 * stages the lanes share, the question to watch the run answer, and the keys. Made from the lanes, so it names no
 * lane itself; shown only on the live terminal, never in CI output or the records.
 */
final class Opening {

    /** The widest the text gets on a wide terminal: a projector is read from the back of the room. */
    private static final int MAX_WIDTH = 100;

    private Opening() {
    }

    /** The screen's lines for a terminal {@code columns} wide (0: unknown); {@code autoAdvance}: null waits. */
    static List<String> lines(List<Lane> lanes, int columns, Integer autoAdvance) {
        int width = Math.min(MAX_WIDTH, columns > 20 ? columns - 1 : 79);
        List<String> labels = lanes.stream().map(lane -> lane.story().label()).toList();
        int gutter = labels.stream().mapToInt(String::length).max().orElse(0) + 2;
        List<String> lines = new ArrayList<>();
        String title = String.join(" vs ", labels) + ": " + (lanes.size() > 1
                ? "two real pipelines, side by side" : "a real pipeline, step by step");
        lines.add(title);
        lines.add("═".repeat(Math.min(width, title.length())));
        lines.add("");
        for (Lane lane : lanes) {
            String plan = lane.story().plan();
            if (plan.isEmpty()) {
                continue;
            }
            List<String> wrapped = TextWrap.wrap(plan, width - gutter, 0);
            String label = lane.story().label();
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add((i == 0 ? label + " ".repeat(gutter - label.length()) : " ".repeat(gutter))
                        + wrapped.get(i));
            }
        }
        List<Stage> shared = sharedStages(lanes);
        if (lanes.size() > 1 && !shared.isEmpty()) {
            lines.add("");
            lines.addAll(TextWrap.wrap("Both go through the same stages: " + shared.stream().map(Stage::label)
                    .collect(Collectors.joining(" → ")) + ". The table at the end sets them side by side.", width, 2));
        }
        for (Lane lane : lanes) {
            if (!lane.story().watchFor().isEmpty()) {
                lines.add("");
                lines.addAll(TextWrap.wrap(lane.story().watchFor(), width, 2));
            }
        }
        lines.add("");
        lines.addAll(TextWrap.wrap("Keys before each step: Enter runs it · s runs it quietly · ! opens your shell "
                + "beside the demo (exit returns) · o shows what a step folded to fit the screen · q quits and stops "
                + "everything the run started.", width, 2));
        lines.add("");
        lines.add(autoAdvance == null ? "Press Enter to start (q quits)."
                : "Starting in " + autoAdvance + "s · Enter starts now · q quits.");
        return lines;
    }

    /** The stages every lane has a step in, in the stages' own order. */
    static List<Stage> sharedStages(List<Lane> lanes) {
        return Arrays.stream(Stage.values()).filter(stage -> lanes.stream().allMatch(lane -> lane.steps().stream()
                .map(Step::stage).anyMatch(stage::equals))).toList();
    }
}
