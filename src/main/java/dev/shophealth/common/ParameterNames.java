package dev.shophealth.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ParameterNameProvider;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;

/**
 * Names a parameter in a constraint violation as the client sent it: {@code Idempotency-Key} for a header,
 * {@code limit} for a query parameter, not the Java name of the argument (Quarkus uses this bean for Bean
 * Validation). Parameters without a JAX-RS name keep their Java name ({@code body} for a request body).
 */
@ApplicationScoped
public class ParameterNames implements ParameterNameProvider {

    @Override
    public List<String> getParameterNames(Constructor<?> constructor) {
        return names(constructor);
    }

    @Override
    public List<String> getParameterNames(Method method) {
        return names(method);
    }

    private static List<String> names(Executable executable) {
        return Arrays.stream(executable.getParameters()).map(ParameterNames::name).toList();
    }

    private static String name(Parameter parameter) {
        String named = ParameterConverters.name(parameter.getAnnotations());
        return named != null ? named : parameter.getName();
    }
}
