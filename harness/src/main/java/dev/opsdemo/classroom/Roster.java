package dev.opsdemo.classroom;

import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A class's learners, from a roster file: one name a line, as each learner passes it to {@code --learner}; blank
 * lines and lines beginning with {@code #} are passed by. Read and checked before anything starts: a name that cannot
 * begin MLflow's names, a name twice, or no name at all is a usage error that names the line.
 */
public record Roster(Path file, List<String> learners) {

    public Roster {
        learners = List.copyOf(learners);
    }

    public static Roster read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UsageException("cannot read the roster " + file + ": " + Workspace.reason(e),
                    "pass a text file with one learner's name a line, e.g. ada");
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!MlopsSettings.isLearnerName(name)) {
                problems.add("line " + (i + 1) + ": '" + name + "' cannot begin the names of MLflow experiments and "
                        + "models");
            } else if (!names.add(name)) {
                problems.add("line " + (i + 1) + ": '" + name + "' is on the roster already");
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException("the roster " + file + " has " + (problems.size() == 1 ? "a name" : "names")
                    + " the class cannot use: " + String.join("; ", problems),
                    "one learner a line: " + MlopsSettings.LEARNER_RULE);
        }
        if (names.isEmpty()) {
            throw new UsageException("the roster " + file + " names no learner",
                    "write one learner's name a line (" + MlopsSettings.LEARNER_RULE + ")");
        }
        return new Roster(file, new ArrayList<>(names));
    }
}
