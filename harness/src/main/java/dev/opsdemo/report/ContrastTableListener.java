package dev.opsdemo.report;

import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.text.TextWrap;

import java.io.PrintStream;

/** Prints the side-by-side contrast once the run is over, for whichever lanes ran. */
public final class ContrastTableListener implements RunListener {

    private final PrintStream out;
    private final Style style;
    private final int width;

    public ContrastTableListener(PrintStream out, Style style, int width) {
        this.out = out;
        this.style = style;
        this.width = width;
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        ContrastTable table = ContrastTable.of(summary);
        if (table.lanes().isEmpty()) {
            return;
        }
        out.println();
        out.println(style.bold(table.title() + ", stage by stage"));
        out.print(table.render(style, width));
        for (String paragraph : table.lessons()) {
            out.println();
            TextWrap.wrap(paragraph, width, 2).forEach(line -> out.println(style.bold(line)));
        }
        out.flush();
    }
}
