package dev.opsdemo.demo;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Secret values known to this run; every line shown or written passes through {@link #mask}. */
public final class Secrets {

    public static final String MASK = "********";

    private final Set<String> values = new CopyOnWriteArraySet<>();

    public void add(String secret) {
        if (secret != null && secret.length() >= 4) {
            values.add(secret);
        }
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : values) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
