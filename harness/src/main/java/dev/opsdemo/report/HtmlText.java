package dev.opsdemo.report;

import dev.opsdemo.demo.Secrets;

/** Masks, then escapes: escaping first could split a secret (one containing {@code &}) so the mask misses it. */
record HtmlText(Secrets secrets) {

    String of(String text) {
        return Html.escape(secrets.mask(text == null ? "" : text));
    }
}
