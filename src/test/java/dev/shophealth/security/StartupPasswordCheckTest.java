package dev.shophealth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up check of the configured passwords: every problem at once, one line per variable. */
class StartupPasswordCheckTest {

    private static StartupPasswordCheck.Need need(String setting, String password) {
        return new StartupPasswordCheck.Need(setting, Optional.ofNullable(password), "the user " + setting);
    }

    @Test
    void everyVariableAtFaultIsNamedOnItsOwnLine() {
        // given: two missing, one published default, one too long for bcrypt
        List<StartupPasswordCheck.Need> needs = List.of(need("reviewer", null), need("analyst", "a".repeat(73)),
                need("admin", "admin-demo"), need("merchant", null));

        // when
        List<String> problems = StartupPasswordCheck.problems(needs, true);
        String message = StartupPasswordCheck.message(problems);

        // then
        assertEquals(4, problems.size(), message);
        List<String> lines = message.lines().toList();
        assertEquals(5, lines.size(), message);
        assertTrue(lines.get(0).startsWith("shop-health cannot start: 4 password settings"), message);
        assertTrue(lines.get(1).contains("SHOPHEALTH_USERS_REVIEWER_PASSWORD") && lines.get(1).contains("is not set"), message);
        assertTrue(lines.get(2).contains("SHOPHEALTH_USERS_ANALYST_PASSWORD") && lines.get(2).contains("73 bytes"), message);
        assertTrue(lines.get(3).contains("SHOPHEALTH_USERS_ADMIN_PASSWORD") && lines.get(3).contains("published demo"), message);
        assertTrue(lines.get(4).contains("SHOPHEALTH_USERS_MERCHANT_PASSWORD") && lines.get(4).contains("is not set"), message);
        assertTrue(lines.stream().noneMatch(l -> l.contains("Exception") || l.contains("at dev.")), message);
    }

    @Test
    void goodPasswordsPassAndDemoPasswordsPassOutsideProduction() {
        List<StartupPasswordCheck.Need> demo = List.of(need("reviewer", "reviewer-demo"), need("admin", "admin-demo"));
        assertEquals(List.of(), StartupPasswordCheck.problems(demo, false));
        assertEquals(2, StartupPasswordCheck.problems(demo, true).size());
        assertEquals(List.of(), StartupPasswordCheck.problems(List.of(need("admin", "s3cret-ä-72-bytes-at-most")), true));
    }

    @Test
    void aPasswordBcryptCannotCompareExactlyIsRefusedInEveryProfile() {
        assertEquals(1, StartupPasswordCheck.problems(List.of(need("admin", "secret\0")), false).size());
        // 36 two-byte characters are 72 bytes: still exact; one more is not
        assertEquals(List.of(), StartupPasswordCheck.problems(List.of(need("admin", "é".repeat(36))), false));
        assertEquals(1, StartupPasswordCheck.problems(List.of(need("admin", "é".repeat(37))), false).size());
    }
}
