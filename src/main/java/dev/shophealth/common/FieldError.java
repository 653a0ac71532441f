package dev.shophealth.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field at fault in a rejected request: {@code field} names it as the client sent it; {@code line} is set
 * when the field is in an uploaded file (the line of the file the row starts on).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer line) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
