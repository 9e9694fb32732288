package dev.opsdemo.demo;

/** The stages both lanes share, so the contrast falls out of the data. In the order the table shows them. */
public enum Stage {
    VERSION("version"),
    BUILD("build"),
    EVALUATE("evaluate"),
    RELEASE("release"),
    DEPLOY("deploy"),
    MONITOR("monitor");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
