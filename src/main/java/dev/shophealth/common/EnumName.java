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
import java.util.Arrays;

/**
 * Text that names one of an enumeration's constants (surrounding blanks allowed), for fields read as text so that
 * a wrong value is answered with the allowed ones: "must be one of [COUPON, ALTERNATIVE_PRODUCT, OTHER], got
 * 'CASH'". Blank or absent is allowed unless {@link #required}.
 */
@Documented
@Constraint(validatedBy = EnumName.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumName {

    /** The enumeration whose constant names are allowed. */
    Class<? extends Enum<?>> value();

    /** Whether a blank or absent value is refused too. */
    boolean required() default false;

    /** Unused: the message lists the allowed names, and the value given. */
    String message() default "must be one of the allowed names";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the name; its message says what is allowed. */
    class Check implements ConstraintValidator<EnumName, String> {

        private String allowed;
        private java.util.Set<String> names;
        private boolean required;

        @Override
        public void initialize(EnumName annotation) {
            Enum<?>[] constants = annotation.value().getEnumConstants();
            allowed = Arrays.toString(constants);
            names = Arrays.stream(constants).map(Enum::name).collect(java.util.stream.Collectors.toSet());
            required = annotation.required();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return !required || refuse(context, "is required; one of " + allowed);
            }
            return names.contains(value.strip()) || refuse(context, "must be one of " + allowed + ", got '"
                    + ParameterConverters.shown(value) + "'");
        }

        private static boolean refuse(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
            return false;
        }

        /**
         * A message template that reads as the text itself: the client's value must never be interpolated as a
         * message parameter or expression.
         */
        static String literal(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
