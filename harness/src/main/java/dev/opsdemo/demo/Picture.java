package dev.opsdemo.demo;

/**
 * A picture a lane's story shows beside a step's output in report.html: a file the step left in the workspace.
 *
 * @param path where it is, relative to the workspace (the folder the reports are written to), with {@code /}
 *             between names, so that the workspace can be moved and the report still shows it
 * @param alt  what it shows, in words, for whoever cannot see it
 */
public record Picture(String path, String alt) {
}
