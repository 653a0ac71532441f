package dev.shophealth.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string read from a JSON body, in any field of any request, is refused when it holds control characters
 * ({@link ControlCharacters}); the 400 names the field by its path ({@code buyerContact.summary}), as for any other
 * unreadable value. One place for every body instead of a check per field.
 */
@Singleton
public class JsonStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("control-characters").addDeserializer(String.class, new Refusing()));
    }

    /** Reads a string as Jackson does, then refuses it if it holds a control character. */
    static final class Refusing extends StdScalarDeserializer<String> {

        Refusing() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = ControlCharacters.check(value);
            if (problem != null) {
                throw new ControlCharacterException(p, problem);
            }
            return value;
        }
    }

    /** A string with a control character; {@link ProblemMappers} words the field error with {@link #problem()}. */
    static final class ControlCharacterException extends MismatchedInputException {

        private final String problem;

        ControlCharacterException(JsonParser p, String problem) {
            super(p, problem, String.class);
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }
}
