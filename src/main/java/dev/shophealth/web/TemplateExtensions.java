package dev.shophealth.web;

import io.quarkus.qute.TemplateExtension;

/** Small helpers for templates. */
@TemplateExtension
public class TemplateExtensions {

    private TemplateExtensions() {
    }

    /** The text key of a code: {@code level.msgKey('level.')} → {@code "level.HIGH"}, for {@code m.get(…)}. */
    static String msgKey(Object code, String prefix) {
        return prefix + code;
    }
}
