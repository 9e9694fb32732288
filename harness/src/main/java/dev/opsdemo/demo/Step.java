package dev.opsdemo.demo;

/**
 * One step of a lane, as data: an id ({@code devops.push}), its lane and stage, a caption that teaches the
 * point, the plain command a learner would type for the same effect, and the action that really does it.
 */
public record Step(String id, String lane, Stage stage, String title, String caption, String command,
                   StepAction action) {
}
