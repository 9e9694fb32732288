package dev.opsdemo.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's shell lines as a bash template: {@code ${NAME}} stands for this run's value of NAME. The runner fills the
 * values in when the step starts, so the lines on screen are the ones a learner can copy; an exported script keeps
 * the template, where NAME is a shell variable an earlier step set. Other shell syntax ({@code $i}, {@code $(...)})
 * is left alone.
 */
public record Command(List<String> template) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    /** Characters that would change a line's meaning if a value carried them into it. */
    private static final Pattern UNSAFE = Pattern.compile("[\"$`\\\\\\n\\r]");

    public Command {
        template = List.copyOf(template);
    }

    public static Command of(String... lines) {
        return new Command(List.of(lines));
    }

    /**
     * A word as bash reads it literally: as it is when it holds only characters bash gives no meaning (and
     * {@code ${NAME}}s, which stay for the runner to fill in), else in single quotes.
     */
    public static String quote(String word) {
        return VARIABLE.matcher(word).replaceAll("").matches("[A-Za-z0-9_./:=@,+%-]*") && !word.isEmpty() ? word
                : "'" + word.replace("'", "'\\''") + "'";
    }


    /** The names the template uses, in order of first use. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : template) {
            Matcher matcher = VARIABLE.matcher(line);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /**
     * The lines with every {@code ${NAME}} replaced by {@code values.apply(NAME)}.
     *
     * @throws IllegalStateException when a value is unknown (null) or would break the line's quoting
     */
    public List<String> render(Function<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (String line : template) {
            Matcher matcher = VARIABLE.matcher(line);
            StringBuilder rendered = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = values.apply(name);
                if (value == null) {
                    throw new IllegalStateException("no value for ${" + name + "} in: " + line);
                }
                if (UNSAFE.matcher(value).find()) {
                    throw new IllegalStateException("the value of ${" + name + "} holds a quote, $, backslash or "
                            + "line break, which the line cannot show verbatim: " + value);
                }
                matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(rendered);
            lines.add(rendered.toString());
        }
        return lines;
    }

    /**
     * The lines as a script runs them, where each {@code ${NAME}} is the shell variable NAME: quoted so that bash
     * expands it as one word wherever it stands (outside quotes it gains double quotes; inside single quotes, where
     * bash would not expand it, the quotes are closed around it).
     */
    public List<String> asScript() {
        List<String> lines = new ArrayList<>();
        for (String line : template) {
            StringBuilder out = new StringBuilder();
            char quote = 0;
            int singleQuotedFrom = -1;
            for (int i = 0; i < line.length(); i++) {
                Matcher variable = VARIABLE.matcher(line).region(i, line.length());
                if (variable.lookingAt()) {
                    String expanded = "\"" + variable.group() + "\"";
                    i = variable.end() - 1;
                    if (quote == '"') {
                        out.append(variable.group());
                    } else if (quote == 0) {
                        out.append(expanded);
                    } else {
                        // Closes the single quotes around it (or drops them where nothing else is quoted).
                        if (out.length() == singleQuotedFrom) {
                            out.setLength(singleQuotedFrom - 1);
                        } else {
                            out.append('\'');
                        }
                        out.append(expanded);
                        if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                            i++;
                            quote = 0;
                        } else {
                            out.append('\'');
                            singleQuotedFrom = out.length();
                        }
                    }
                    continue;
                }
                char c = line.charAt(i);
                out.append(c);
                if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
                    out.append(line.charAt(++i));
                } else if ((c == '\'' || c == '"') && (quote == 0 || quote == c)) {
                    quote = quote == 0 ? c : 0;
                    singleQuotedFrom = quote == '\'' ? out.length() : -1;
                }
            }
            lines.add(out.toString());
        }
        return lines;
    }
}
