package dev.opsdemo.sampleapp;

/** The one piece of business logic: what the service says, and which release says it. */
public record Greeting(String message, int release) {

    public static Greeting forName(String name, int release) {
        String who = (name == null || name.isBlank()) ? "world" : name.strip();
        return new Greeting("Hello, " + who + "!", release);
    }

    public String toJson() {
        return "{\"message\":\"" + escape(message) + "\",\"release\":" + release + "}";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
