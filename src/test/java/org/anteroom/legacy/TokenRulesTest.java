package org.anteroom.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.anteroom.legacy.LegacyCallFilter.TokenRule;
import org.junit.jupiter.api.Test;

/**
 * The token rule of every legacy operation, written out: a new operation takes a user's token unless
 * it is marked, and a new public or temporal operation has to be added here on purpose.
 */
class TokenRulesTest {

    private static final Map<String, TokenRule> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("ConfirmEmailResource.confirm", TokenRule.NONE),
            Map.entry("ConfirmEmailResource.page", TokenRule.NONE),
            Map.entry("LogoutResource.logout", TokenRule.USER_OR_TEMPORAL_WITHOUT_USER_ID),
            Map.entry("LogoutResource.logoutByForm", TokenRule.USER_OR_TEMPORAL_WITHOUT_USER_ID),
            Map.entry("OrganizationsResource.facilities", TokenRule.USER_OR_TEMPORAL_WITHOUT_USER_ID),
            Map.entry("OrganizationsResource.facility", TokenRule.USER),
            Map.entry("OrganizationsResource.organization", TokenRule.USER),
            Map.entry("OrganizationsResource.organizations", TokenRule.USER_OR_TEMPORAL_WITHOUT_USER_ID),
            Map.entry("OrganizationsResource.roles", TokenRule.USER_OR_TEMPORAL_WITHOUT_USER_ID),
            Map.entry("OrganizationsResource.room", TokenRule.USER),
            Map.entry("OrganizationsResource.rooms", TokenRule.USER),
            Map.entry("UserAttributesResource.available", TokenRule.USER_OR_TEMPORAL),
            Map.entry("UserStatusesResource.statuses", TokenRule.USER),
            Map.entry("UsersResource.deactivate", TokenRule.USER),
            Map.entry("UsersResource.list", TokenRule.USER),
            Map.entry("UsersResource.read", TokenRule.USER),
            Map.entry("UsersResource.register", TokenRule.USER_OR_TEMPORAL_WITHOUT_USER_ID),
            Map.entry("UsersResource.update", TokenRule.USER),
            Map.entry("ValidateAccountResource.validate", TokenRule.NONE),
            Map.entry("ValidateAccountResource.validateByForm", TokenRule.NONE)));

    @Test
    void everyOperationTakesAUserTokenUnlessMarked() {
        Map<String, TokenRule> actual = new TreeMap<>();
        for (Method operation : operations()) {
            actual.put(
                    operation.getDeclaringClass().getSimpleName() + "." + operation.getName(), TokenRule.of(operation));
        }
        assertEquals(EXPECTED, actual);
    }

    @Test
    void noOperationIsBothPublicAndTemporal() {
        for (Method operation : operations()) {
            assertFalse(
                    operation.isAnnotationPresent(Public.class)
                            && operation.isAnnotationPresent(AcceptsTemporalToken.class),
                    operation.toString());
        }
    }

    @Test
    void withoutAnOperationOfOursNothingIsChecked() throws NoSuchMethodException {
        assertEquals(TokenRule.NONE, TokenRule.of(null));
        assertEquals(TokenRule.NONE, TokenRule.of(Object.class.getMethod("toString")));
    }

    /** Every resource method of the legacy application: a method with an HTTP method annotation. */
    private static Method[] operations() {
        return new LegacyApplication()
                .getClasses().stream()
                        .filter(type -> type.isAnnotationPresent(Path.class))
                        .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                        .filter(method -> Arrays.stream(method.getAnnotations())
                                .map(Annotation::annotationType)
                                .anyMatch(type -> type.isAnnotationPresent(HttpMethod.class)))
                        .toArray(Method[]::new);
    }
}
