package dev.shophealth.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Text that is an ISO-8601 date-time with an offset ({@code 2026-11-20T08:30:00+08:00}, surrounding blanks allowed)
 * in a year the databases can store and compute with ({@link Params#supportedYear}). Blank or absent is allowed:
 * add {@code @NotBlank} where the value is required.
 */
@Documented
@Constraint(validatedBy = OffsetDateTimeText.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OffsetDateTimeText {

    String message() default "must be a date-time with offset such as 2026-11-20T08:30:00+08:00";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses the text; a year outside the supported ones has its own message. */
    class Check implements ConstraintValidator<OffsetDateTimeText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            OffsetDateTime at;
            try {
                at = OffsetDateTime.parse(value.strip());
            } catch (DateTimeParseException e) {
                return false;
            }
            if (Params.supportedYear(at.getYear())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(Params.YEARS).addConstraintViolation();
            return false;
        }
    }
}
