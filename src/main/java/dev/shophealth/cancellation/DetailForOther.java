package dev.shophealth.cancellation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The guide's rule for the reason "other": the merchant must explain it, so a request with reason {@code OTHER}
 * needs a {@code detail} (reported on that field). Whether the detail says enough is for the rules to judge.
 */
@Documented
@Constraint(validatedBy = DetailForOther.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DetailForOther {

    String message() default "is required when the reason is OTHER: explain it specifically";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports a missing detail on {@code detail}. */
    class Check implements ConstraintValidator<DetailForOther, CancellationRequest> {
        @Override
        public boolean isValid(CancellationRequest request, ConstraintValidatorContext context) {
            boolean other = request.reason() != null && request.reason().strip().equals(CancellationReason.OTHER.name());
            if (!other || (request.detail() != null && !request.detail().isBlank())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("detail").addConstraintViolation();
            return false;
        }
    }
}
