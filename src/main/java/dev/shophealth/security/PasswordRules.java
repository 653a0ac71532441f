package dev.shophealth.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What makes a password comparable exactly by bcrypt. bcrypt reads at most 72 bytes, so a longer password would
 * match any guess sharing its first 72 bytes; and the bcrypt of the identity store ends the key with a NUL byte
 * only when it does not end with one already, so {@code "secret"} and {@code "secret\0"} hash alike. A password
 * within these rules has exactly one matching guess, and a guess outside them is refused without a check.
 */
public final class PasswordRules {

    /** bcrypt's key length: bytes past it are ignored. */
    static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** Why {@code password} cannot be compared exactly, or empty when it can. */
    public static Optional<String> problem(String password) {
        if (password.indexOf('\0') >= 0) {
            return Optional.of("contains a NUL character");
        }
        if (password.indexOf('\uFFFD') >= 0) {
            // what an undecodable byte in a Basic header becomes: two different guesses would read alike
            return Optional.of("contains U+FFFD (a byte that is not UTF-8)");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("is " + bytes + " bytes long in UTF-8; bcrypt compares at most " + MAX_BYTES);
        }
        return Optional.empty();
    }

    /** A user name as the user table can hold it: 1 to 100 characters, none of them a control character. */
    public static boolean plausibleUsername(String username) {
        return !username.isEmpty() && username.length() <= 100 && username.chars().noneMatch(Character::isISOControl);
    }
}
